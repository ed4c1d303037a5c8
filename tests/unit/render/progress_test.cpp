#include <doctest/doctest.h>

#include <sstream>

#include "crm/render/progress.hpp"

using crm::render::ProgressLine;
using namespace std::chrono_literals;

TEST_CASE("progress: shown on a slow load every 50 clients and at the end, then cleared") {
    std::ostringstream err;
    {
        ProgressLine line(err, true, 0s);
        auto progress = line.callback();
        REQUIRE(progress);
        for (std::size_t i = 1; i <= 120; ++i)
            progress(i, 120);
        CHECK(err.str() ==
              "\rcrm: reading clients 50/120\rcrm: reading clients 100/120"
              "\rcrm: reading clients 120/120");
    }
    CHECK(err.str().ends_with("120/120\r\033[K"));  // the line is erased when loading ends
}

TEST_CASE("progress: nothing before the delay, nothing when stderr is not a terminal") {
    std::ostringstream err;
    {
        ProgressLine fast(err, true, 1h);
        auto progress = fast.callback();
        REQUIRE(progress);
        for (std::size_t i = 1; i <= 100; ++i)
            progress(i, 100);
        ProgressLine not_a_terminal(err, false, 0s);
        CHECK_FALSE(not_a_terminal.callback());
    }
    CHECK(err.str().empty());
}
