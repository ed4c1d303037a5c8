#include "crm/cli/process_environment.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <ctime>

namespace crm::cli {

commands::Environment process_environment() {
    commands::Environment env;
    env.getenv = [](const std::string& name) -> std::optional<std::string> {
        const char* v = std::getenv(name.c_str());
        return v ? std::optional<std::string>(v) : std::nullopt;
    };
    // The local calendar day: a visit logged at 23:30 belongs to today, not UTC's tomorrow.
    env.today = [] {
        auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
        std::tm local{};
        ::localtime_r(&now, &local);
        return Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday).value();
    };
    std::error_code ec;
    env.cwd = std::filesystem::current_path(ec);
    env.terminal.out = ::isatty(STDOUT_FILENO) == 1;
    env.terminal.in = ::isatty(STDIN_FILENO) == 1;
    env.terminal.err = ::isatty(STDERR_FILENO) == 1;
    winsize ws{};
    if (env.terminal.out && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        env.terminal.width = ws.ws_col;
    return env;
}

}  // namespace crm::cli
