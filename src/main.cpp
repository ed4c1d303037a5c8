#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "crm/cli/run.hpp"

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    auto getenv = [](const std::string& name) -> std::optional<std::string> {
        const char* v = std::getenv(name.c_str());
        return v ? std::optional<std::string>(v) : std::nullopt;
    };
    crm::cli::Streams streams{std::cout, std::cerr, ::isatty(STDOUT_FILENO) == 1,
                              ::isatty(STDIN_FILENO) == 1, ::isatty(STDERR_FILENO) == 1};
    return crm::cli::run(argc, argv, getenv, streams);
}
