#include <doctest/doctest.h>

#include "crm/render/style.hpp"
#include "crm/render/table.hpp"

using crm::render::Style;
using crm::render::Styler;
using crm::render::Table;

TEST_CASE("a table shows the control characters of its cells as spaces, aligned") {
    Table t({"NAME", "OWNER"});
    t.add({{"Evil\x1b]0;pwned\x07 Co"}, {"Bob\x1b[31mred"}});
    t.add({{"Plain"}, {"Ann"}});
    const std::string out = t.render(Styler(false), 0);
    CHECK(out.find('\x1b') == std::string::npos);
    CHECK(out.find('\x07') == std::string::npos);
    CHECK(out ==
          "NAME               OWNER\n"
          "Evil ]0;pwned  Co  Bob [31mred\n"
          "Plain              Ann\n");
}

TEST_CASE("a cell cannot break its row or wipe it with newline, CR or C1 controls") {
    Table t({"A\nB", "C"});
    t.add({{"one\ntwo\rthree"},
           {"x\xC2\x9B"
            "2Jy"}});
    const std::string out = t.render(Styler(false), 0);
    CHECK(out == "A B            C\none two three  x 2Jy\n");
}

TEST_CASE("crm's own colour still surrounds the made-safe text") {
    Table t({"NAME"});
    t.add({{"Bob\x1b[8m", Style::red}});
    const std::string out = t.render(Styler(true), 0);
    CHECK(out == "\x1b[1;4mNAME\x1b[0m\n\x1b[31mBob [8m\x1b[0m\n");
}
