#include <doctest/doctest.h>

#include <set>

#include "crm/os/uuid.hpp"

TEST_CASE("os::new_uuid: version 4, variant 10, lowercase, never the same twice") {
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        const std::string u = crm::os::new_uuid();
        REQUIRE(u.size() == 36);
        CHECK(u[8] == '-');
        CHECK(u[14] == '4');
        CHECK(std::string("89ab").find(u[19]) != std::string::npos);
        for (char c : u)
            CHECK(((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == '-'));
        seen.insert(u);
    }
    CHECK(seen.size() == 200);
}
