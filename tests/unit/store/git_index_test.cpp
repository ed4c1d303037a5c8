#include <doctest/doctest.h>

#include <string>

#include "crm/store/git_index.hpp"
#include "crm/store/git_tree.hpp"
#include "crm/store/sha1.hpp"

using namespace crm::store;
using namespace std::string_literals;

namespace {

std::string be32(std::uint32_t v) {
    std::string s;
    for (int shift = 24; shift >= 0; shift -= 8)
        s += static_cast<char>(v >> shift);
    return s;
}

std::string with_trailer(std::string body) {
    return body + from_hex(sha1_hex(body)).value();
}

// An index of version `version` with no entries and `extensions`.
std::string empty_index(std::uint32_t version = 2, const std::string& extensions = "") {
    return with_trailer("DIRC" + be32(version) + be32(0) + extensions);
}

IndexEntry file(const std::string& path, std::uint32_t mtime = 100, char id = '\x11') {
    IndexEntry e;
    e.path = path;
    e.id = std::string(20, id);
    e.mtime_sec = e.ctime_sec = mtime;
    e.size = 7;
    return e;
}

std::string add(const std::string& index, std::vector<IndexEntry> entries,
                std::uint32_t index_mtime = 1000) {
    auto out = index_with_entries(index, std::move(entries), index_mtime);
    REQUIRE(out);
    return out->joined();
}

// The paths of an index's entries, in order.
std::vector<std::string> paths(const std::string& index) {
    std::vector<std::string> out;
    std::size_t pos = 12;
    std::uint32_t count = static_cast<unsigned char>(index[11]);
    for (std::uint32_t i = 0; i < count; ++i) {
        std::size_t len = static_cast<unsigned char>(index[pos + 61]);
        out.push_back(index.substr(pos + 62, len));
        pos += (62 + len + 8) & ~std::size_t(7);
    }
    return out;
}

}  // namespace

TEST_CASE("entries are added in path order, padded, counted, and the index checksummed") {
    std::string index = add(empty_index(), {file("b/c.yaml"), file("a.yaml")});
    CHECK(index.substr(0, 12) == "DIRC" + be32(2) + be32(2));
    CHECK(paths(index) == std::vector<std::string>{"a.yaml", "b/c.yaml"});
    // 62 bytes of fixed fields, the path, 1 to 8 NULs: 72 for "a.yaml", 72 for "b/c.yaml".
    CHECK(index.size() == 12 + 72 + 72 + 20);
    CHECK(index.substr(12 + 62, 8) == "a.yaml\0\0"s);
    CHECK(with_trailer(index.substr(0, index.size() - 20)) == index);

    // A later file goes between; the same path replaces its entry.
    index = add(index, {file("a.yaml", 200, '\x22'), file("a0.yaml")});
    CHECK(paths(index) == std::vector<std::string>{"a.yaml", "a0.yaml", "b/c.yaml"});
    CHECK(index.substr(12 + 40, 20) == std::string(20, '\x22'));
    CHECK(index.substr(12 + 8, 4) == be32(200));
    CHECK(with_trailer(index.substr(0, index.size() - 20)) == index);
}

TEST_CASE("the cached trees on the new paths are invalidated, the others kept") {
    const std::string id(20, '\x33');
    std::string tree = "\0"s + "2 2\n" + id + "b\0"s + "1 0\n" + id + "z\0"s + "1 0\n" + id;
    std::string index = empty_index(2, "TREE" + be32(tree.size()) + tree);
    std::string out = add(index, {file("b/d.yaml")});
    std::string expected = "\0"s + "-1 2\n" + "b\0"s + "-1 0\n" + "z\0"s + "1 0\n" + id;
    std::size_t at = out.find("TREE");
    REQUIRE(at != std::string::npos);
    CHECK(out.substr(at + 4, 4) == be32(expected.size()));
    CHECK(out.substr(at + 8, expected.size()) == expected);
    CHECK(out.size() == at + 8 + expected.size() + 20);
}

TEST_CASE("what git must do itself is refused") {
    const std::string base = add(empty_index(), {file("a.yaml"), file("b/c.yaml")});
    CHECK_FALSE(index_with_entries(empty_index(4), {file("x")}, 1000));
    CHECK_FALSE(index_with_entries(empty_index(2, "UNTR" + be32(0)), {file("x")}, 1000));
    CHECK_FALSE(index_with_entries("DIRX" + base.substr(4), {file("x")}, 1000));
    CHECK_FALSE(index_with_entries(base.substr(0, 40), {file("x")}, 1000));  // truncated
    // An entry as new as the index: racily clean.
    CHECK_FALSE(index_with_entries(base, {file("x")}, 100));
    // A file where a folder is, or the reverse.
    CHECK_FALSE(index_with_entries(base, {file("a.yaml/x")}, 1000));
    CHECK_FALSE(index_with_entries(base, {file("b")}, 1000));
    // The same path twice.
    CHECK_FALSE(index_with_entries(base, {file("x"), file("x")}, 1000));
    CHECK(index_with_entries(base, {file("b.yaml"), file("b/d.yaml")}, 1000));
}

TEST_CASE("a path in conflict is left to git") {
    std::string index = add(empty_index(), {file("a.yaml")});
    index[12 + 60] |= 0x10;  // stage 1
    index = with_trailer(index.substr(0, index.size() - 20));
    CHECK_FALSE(index_with_entries(index, {file("a.yaml")}, 1000));
    CHECK(index_with_entries(index, {file("b.yaml")}, 1000));
}

TEST_CASE("a racily clean entry is checked by content, kept when unchanged, else smudged") {
    // "a.yaml" has mtime 100, as new as an index written at 100: racily clean.
    const std::string base = add(empty_index(), {file("a.yaml", 100, '\x44'), file("c.yaml", 50)});
    std::vector<std::string> asked;
    auto answer = [&](std::optional<bool> verdict) {
        return [&asked, verdict](std::string_view path, std::uint32_t mode, std::string_view id) {
            asked.emplace_back(path);
            CHECK(mode == 0100644);
            CHECK(id == std::string(20, '\x44'));
            return verdict;
        };
    };
    const std::size_t a_size = 12 + 36;  // a.yaml's size field

    SUBCASE("unchanged: copied as it is") {
        auto out = index_with_entries(base, {file("b.yaml", 50)}, 100, answer(true));
        REQUIRE(out);
        const std::string index = out->joined();
        CHECK(asked == std::vector<std::string>{"a.yaml"});
        CHECK(index.substr(12, 72) == base.substr(12, 72));
        CHECK(paths(index) == std::vector<std::string>{"a.yaml", "b.yaml", "c.yaml"});
    }
    SUBCASE("changed: its size becomes 0, the rest stays") {
        auto out = index_with_entries(base, {file("b.yaml", 50)}, 100, answer(false));
        REQUIRE(out);
        const std::string index = out->joined();
        CHECK(index.substr(a_size, 4) == be32(0));
        CHECK(index.substr(12, 36) == base.substr(12, 36));
        CHECK(index.substr(a_size + 4, 72 - 40) == base.substr(a_size + 4, 72 - 40));
        CHECK(paths(index) == std::vector<std::string>{"a.yaml", "b.yaml", "c.yaml"});
        CHECK(with_trailer(index.substr(0, index.size() - 20)) == index);
    }
    SUBCASE("cannot tell: refused") {
        CHECK_FALSE(index_with_entries(base, {file("b.yaml", 50)}, 100, answer(std::nullopt)));
        CHECK(asked == std::vector<std::string>{"a.yaml"});
    }
    SUBCASE("replaced by a staged file: not looked at") {
        auto out = index_with_entries(base, {file("a.yaml", 100, '\x55')}, 100, answer(false));
        REQUIRE(out);
        CHECK(asked.empty());
        CHECK(out->joined().substr(12 + 40, 20) == std::string(20, '\x55'));
    }
}
