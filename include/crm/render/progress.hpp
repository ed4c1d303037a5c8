#pragma once
// "crm: reading clients 150/2000" on stderr while a slow load runs (a first run on a
// large folder, before the cache exists). Shown only on a terminal, and only once the
// load has taken longer than `delay`: a warm run never flickers.
#include <chrono>
#include <cstddef>
#include <functional>
#include <ostream>

namespace crm::render {

class ProgressLine {
  public:
    using Clock = std::chrono::steady_clock;

    ProgressLine(std::ostream& err, bool enabled, Clock::duration delay = std::chrono::seconds(1));
    // Clears the line, when one was shown, so that what follows starts clean.
    ~ProgressLine();
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    // What the loader calls after each client; empty when disabled. Valid while this
    // object lives.
    std::function<void(std::size_t done, std::size_t total)> callback();

    // Clears the line, when one is shown, before other output to the terminal (a
    // search's matches as they are found); the next call of the callback draws it again.
    void clear();

  private:
    std::ostream& err_;
    bool enabled_;
    Clock::time_point shown_after_;
    bool shown_ = false;
};

}  // namespace crm::render
