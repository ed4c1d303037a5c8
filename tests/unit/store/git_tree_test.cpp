#include <doctest/doctest.h>

#include <string>

#include "crm/store/git_tree.hpp"
#include "crm/store/sha1.hpp"

using namespace crm::store;

TEST_CASE("SHA-1 matches the FIPS 180 test vectors") {
    CHECK(sha1_hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    CHECK(sha1_hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
    CHECK(sha1_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    CHECK(sha1_hex(std::string(1000000, 'a')) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

TEST_CASE("SHA-1 gives the same digest however the input is split") {
    const std::string text(200, 'x');
    for (std::size_t cut : {0, 1, 55, 56, 63, 64, 65, 127, 200}) {
        Sha1 s;
        s.update(std::string_view(text).substr(0, cut));
        s.update(std::string_view(text).substr(cut));
        auto d = s.finish();
        CHECK(to_hex(std::string_view(reinterpret_cast<const char*>(d.data()), d.size())) ==
              sha1_hex(text));
    }
    // Lengths around the padding boundary, checked against known digests.
    CHECK(sha1_hex(std::string(55, 'a')) == "c1c8bbdc22796e28c0e15163d20899b65621d65a");
    CHECK(sha1_hex(std::string(56, 'a')) == "c2db330f6083854c99d4b5bfb6e8f29f201be699");
    CHECK(sha1_hex(std::string(64, 'a')) == "0098ba824b5c16427bd7a1122a5a442a25ec644d");
}

TEST_CASE("SHA-1 of varied bytes: whole (accelerated where the CPU can) and byte by byte") {
    std::string data;
    for (int i = 0; i < 10240; ++i)
        data += static_cast<char>(i * 7 % 256);
    const char* expected = "4c3ebae0a5c18fa3e936f1652fe0406e3ba234e7";
    CHECK(sha1_hex(data) == expected);
    Sha1 s;
    for (char c : data)
        s.update(std::string_view(&c, 1));  // every block through the portable code
    auto d = s.finish();
    CHECK(to_hex(std::string_view(reinterpret_cast<const char*>(d.data()), d.size())) == expected);
}

TEST_CASE("object ids are git's") {
    // git hash-object: printf 'hello\n' | git hash-object --stdin
    CHECK(object_id("blob", "hello\n") == "ce013625030ba8dba906f756967f9e9ca394464a");
    CHECK(object_id("tree", "") == "4b825dc642cb6eb9a060e54bf8d69288fbee4904");
}

namespace {

TreeEntry entry(const char* mode, const char* name, const char* hex) {
    return TreeEntry{mode, name, from_hex(hex).value()};
}

}  // namespace

TEST_CASE("a tree sorts a folder as if its name ended in a slash, and has git's id") {
    // git write-tree of: a, d-x, d.txt and d/f (each file holding one letter and a newline).
    std::vector<TreeEntry> entries{
        entry("40000", "d", "a1dffc7a64c0b2d395484bf452e9aeb1da3a18f2"),
        entry("100644", "d.txt", "975fbec8256d3e8a3797e7a3611380f27c49f4ac"),
        entry("100644", "a", "78981922613b2afb6025042ff6bd878ac1994e85"),
        entry("100644", "d-x", "b68025345d5301abad4d9ec9166f455243a0d746"),
    };
    sort_tree(entries);
    REQUIRE(entries.size() == 4);
    CHECK(entries[0].name == "a");
    CHECK(entries[1].name == "d-x");
    CHECK(entries[2].name == "d.txt");
    CHECK(entries[3].name == "d");
    CHECK(object_id("tree", encode_tree(entries)) == "4018fdf83e97454e0615ad89ce3801ea44daa73e");

    auto parsed = parse_tree(encode_tree(entries), 20);
    REQUIRE(parsed);
    REQUIRE(parsed->size() == 4);
    CHECK((*parsed)[3].is_tree());
    CHECK((*parsed)[3].type() == "tree");
    CHECK((*parsed)[0].type() == "blob");
    CHECK(to_hex((*parsed)[1].id) == "b68025345d5301abad4d9ec9166f455243a0d746");
    CHECK(encode_tree(*parsed) == encode_tree(entries));
}

TEST_CASE("a file sorts before a folder of the same name plus more") {
    std::vector<TreeEntry> entries{
        entry("40000", "a", "a1dffc7a64c0b2d395484bf452e9aeb1da3a18f2"),
        entry("100644", "a0", "975fbec8256d3e8a3797e7a3611380f27c49f4ac"),
        entry("100644", "a.b", "975fbec8256d3e8a3797e7a3611380f27c49f4ac")};
    sort_tree(entries);
    // "a.b" < "a/" < "a0": '.' < '/' < '0'
    CHECK(entries[0].name == "a.b");
    CHECK(entries[1].name == "a");
    CHECK(entries[2].name == "a0");
    CHECK(entry("160000", "sub", "a1dffc7a64c0b2d395484bf452e9aeb1da3a18f2").type() == "commit");
}

TEST_CASE("malformed trees are refused") {
    const std::string id(20, '\x01');
    CHECK(parse_tree("", 20).value().empty());
    CHECK_FALSE(parse_tree("100644 a", 20));                                       // no NUL
    CHECK_FALSE(parse_tree(std::string("100644 a\0", 9) + id.substr(0, 19), 20));  // short id
    CHECK_FALSE(parse_tree(std::string("10x644 a\0", 9) + id, 20));                // not octal
    CHECK_FALSE(parse_tree(std::string("100644 \0", 8) + id, 20));                 // empty name
    CHECK(parse_tree(std::string("100644 a b\0", 11) + id, 20).value()[0].name == "a b");
}

TEST_CASE("hex conversions") {
    CHECK(from_hex("00ff10").value() == std::string("\x00\xff\x10", 3));
    CHECK_FALSE(from_hex("abc"));
    CHECK_FALSE(from_hex("AB"));
    CHECK_FALSE(from_hex("zz"));
    CHECK(to_hex(std::string("\x00\xff\x10", 3)) == "00ff10");
}

TEST_CASE("cat-file --batch answers are read in order, missing ones included") {
    using namespace std::string_literals;
    const std::string out = "aaaa commit 5\ntree\n\n"s + "HEAD:x missing\n" +
                            "bbbb tree 3\n\0\n\0\n"s + "cccc blob 0\n\n";
    auto objects = parse_cat_file_batch(out);
    REQUIRE(objects);
    REQUIRE(objects->size() == 4);
    CHECK((*objects)[0].id == "aaaa");
    CHECK((*objects)[0].type == "commit");
    CHECK((*objects)[0].body == "tree\n");
    CHECK((*objects)[1].missing);
    CHECK((*objects)[2].body == std::string("\0\n\0", 3));
    CHECK((*objects)[3].body.empty());
    CHECK_FALSE(parse_cat_file_batch("aaaa blob 10\nshort\n"));
    CHECK_FALSE(parse_cat_file_batch("aaaa blob x\n\n"));
    CHECK_FALSE(parse_cat_file_batch("HEAD:x ambiguous\n"));
    CHECK_FALSE(parse_cat_file_batch("no newline"));
}
