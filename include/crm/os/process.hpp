#pragma once
// Running another program with an argument vector: no shell ever sees user text.
#include <filesystem>
#include <string>
#include <vector>

namespace crm::os {

struct ProcessResult {
    int exit_code = -1;  // -1 when it could not start or died by a signal
    std::string out;
    std::string err;
    bool ok() const { return exit_code == 0; }
};

struct ProcessOptions {
    std::filesystem::path cwd;
    std::vector<std::string> unset_env;                        // removed from our environment
    std::vector<std::pair<std::string, std::string>> set_env;  // added or replaced
    std::string input;                                         // written to its stdin
    bool inherit_stdio = false;  // for an editor: the child talks to the terminal directly
};

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options);

}  // namespace crm::os
