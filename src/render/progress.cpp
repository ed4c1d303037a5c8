#include "crm/render/progress.hpp"

namespace crm::render {

namespace {
// Redrawing after every client would cost more than the loading on a fast terminal.
constexpr std::size_t kEvery = 50;
}  // namespace

ProgressLine::ProgressLine(std::ostream& err, bool enabled, Clock::duration delay)
    : err_(err), enabled_(enabled), shown_after_(Clock::now() + delay) {}

ProgressLine::~ProgressLine() {
    clear();
}

void ProgressLine::clear() {
    if (shown_)
        err_ << "\r\033[K" << std::flush;
    shown_ = false;
}

std::function<void(std::size_t, std::size_t)> ProgressLine::callback() {
    if (!enabled_)
        return {};
    return [this](std::size_t done, std::size_t total) {
        if (done % kEvery != 0 && done != total)
            return;
        if (!shown_ && Clock::now() < shown_after_)
            return;
        shown_ = true;
        err_ << "\rcrm: reading clients " << done << "/" << total << std::flush;
    };
}

}  // namespace crm::render
