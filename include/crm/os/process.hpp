#pragma once
// Running another program with an argument vector: no shell ever sees user text.
#include <chrono>
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

// How a caller that runs programs (git::Git) runs them, and waits before it tries again:
// the system's below, or a test's that answers from a script and records the argument
// vectors it was given, as ninja's DiskInterface lets its tests fake the disk.
class ProcessRunner {
  public:
    virtual ~ProcessRunner() = default;
    virtual ProcessResult run(const std::vector<std::string>& argv,
                              const ProcessOptions& options) const = 0;
    // A pause before trying again (another process holds a lock).
    virtual void wait(std::chrono::milliseconds pause) const = 0;
};

// run_process and a real sleep.
class SystemRunner final : public ProcessRunner {
  public:
    ProcessResult run(const std::vector<std::string>& argv,
                      const ProcessOptions& options) const override;
    void wait(std::chrono::milliseconds pause) const override;
};

// The one SystemRunner, for callers given no other.
const ProcessRunner& system_runner();

}  // namespace crm::os
