#include <doctest/doctest.h>

#include <set>
#include <string>

#include "crm/model/slug.hpp"

using crm::is_valid_slug;
using crm::slugify;

TEST_CASE("slugs of ordinary and accented names use the fixed table") {
    CHECK(slugify("Acme Engineering Pty Ltd") == "acme-engineering-pty-ltd");
    CHECK(slugify("Müller & Söhne GmbH") == "muller-sohne-gmbh");
    CHECK(slugify("O'Brien Partners") == "obrien-partners");
    CHECK(slugify("Straße 5") == "strasse-5");
    CHECK(slugify("Łódź Ćwiczenia") == "lodz-cwiczenia");
    CHECK(slugify("Ærø Øresund") == "aero-oresund");
    CHECK(slugify("Crème brûlée") == "creme-brulee");
    CHECK(slugify("  lots   of   space  ") == "lots-of-space");
    CHECK(slugify("UPPER lower 123") == "upper-lower-123");
    CHECK(slugify("Москва") == "moskva");
    CHECK(slugify("Αθήνα") == "athina");
}

TEST_CASE("the transliteration table is the only source of spellings") {
    CHECK(crm::transliterate(U'ü') == "u");
    CHECK(crm::transliterate(U'ß') == "ss");
    CHECK(crm::transliterate(U'Ł') == "l");
    CHECK(crm::transliterate(U'日') == "");
    CHECK(crm::transliterate(U'!') == "");
}

TEST_CASE("no name can make a path, a hidden folder, an option or a device name") {
    CHECK(slugify("../../etc/passwd") == "etc-passwd");
    CHECK(slugify("a/b") == "a-b");
    CHECK(slugify("a\\b") == "a-b");
    CHECK(slugify(".git") == "git");
    CHECK(slugify("..") != "..");
    CHECK(slugify("-rf") == "rf");
    CHECK(slugify("CON") == "con-client");
    CHECK(slugify("nul") == "nul-client");
    CHECK(slugify("LPT1") == "lpt1-client");
    CHECK(slugify("com9") == "com9-client");
    CHECK(slugify("console") == "console");
    for (const char* name : {"../../etc/passwd", "a/b", ".git", "-rf", "CON", "日本", "!!!", "..",
                             ".", "/", "", "-", "\n", "a\0b", "\xff\xfe"}) {
        CAPTURE(name);
        std::string s = slugify(name);
        CHECK(is_valid_slug(s));
        CHECK(s.find('/') == std::string::npos);
        CHECK(s.find("..") == std::string::npos);
        CHECK(s.front() != '.');
        CHECK(s.front() != '-');
    }
}

TEST_CASE("a name with nothing to transliterate gets a stable, distinct slug") {
    std::string japan = slugify("日本");
    std::string bangs = slugify("!!!");
    CHECK(japan.starts_with("client-"));
    CHECK(bangs.starts_with("client-"));
    CHECK(japan.size() == 15);
    CHECK(japan == slugify("日本"));
    CHECK(japan != bangs);
    CHECK(slugify("中国") != japan);
    CHECK(is_valid_slug(japan));
    CHECK(is_valid_slug(bangs));
    // Mixed text keeps what it can spell.
    CHECK(slugify("日本 Trading") == "trading");
}

TEST_CASE("long names are cut to 60 characters without a trailing dash") {
    std::string name(100, 'a');
    CHECK(slugify(name).size() == 60);
    std::string dashy = std::string(59, 'b') + " cdef";
    std::string s = slugify(dashy);
    CHECK(s == std::string(59, 'b'));
    CHECK(is_valid_slug(s));
}

TEST_CASE("is_valid_slug") {
    CHECK(is_valid_slug("acme-2"));
    CHECK_FALSE(is_valid_slug(""));
    CHECK_FALSE(is_valid_slug("-acme"));
    CHECK_FALSE(is_valid_slug("acme-"));
    CHECK_FALSE(is_valid_slug("Acme"));
    CHECK_FALSE(is_valid_slug("a/b"));
    CHECK_FALSE(is_valid_slug(".git"));
    CHECK_FALSE(is_valid_slug("a_b"));
    CHECK_FALSE(is_valid_slug(std::string(80, 'a')));
}

TEST_CASE("a taken slug gets -2, -3") {
    std::set<std::string> taken;
    auto is_taken = [&](const std::string& s) { return taken.count(s) > 0; };
    CHECK(crm::unique_slug("acme", is_taken) == "acme");
    taken.insert("acme");
    CHECK(crm::unique_slug("acme", is_taken) == "acme-2");
    taken.insert("acme-2");
    CHECK(crm::unique_slug("acme", is_taken) == "acme-3");
}

TEST_CASE("the slug root is what unique_slug numbered") {
    CHECK(crm::slug_root("acme") == "acme");
    CHECK(crm::slug_root("acme-2") == "acme");
    CHECK(crm::slug_root("acme-17") == "acme");
    CHECK(crm::slug_root("acme-engineering-3") == "acme-engineering");
    // Not a number unique_slug makes: part of the name.
    CHECK(crm::slug_root("acme-1") == "acme-1");
    CHECK(crm::slug_root("acme-02") == "acme-02");
    CHECK(crm::slug_root("route-66a") == "route-66a");
    CHECK(crm::slug_root("2026") == "2026");
    CHECK(crm::slug_root("client-1234abcd") == "client-1234abcd");
    // Every numbered slug has its root.
    std::set<std::string> taken{"beta", "beta-2", "beta-3"};
    const std::string next =
        crm::unique_slug("beta", [&](const std::string& s) { return taken.count(s) > 0; });
    CHECK(crm::slug_root(next) == "beta");
}
