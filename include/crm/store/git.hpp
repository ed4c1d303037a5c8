#pragma once
// git, run as a program with an argument vector. The caller's variables that point git
// at another repository or index are removed, so no environment can make crm act on
// files outside the data folder.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "crm/store/process.hpp"

namespace crm::store {

namespace fs = std::filesystem;

class Git {
  public:
    // The repository holding `folder`, or nullopt when it is in none (git is optional).
    static std::optional<Git> find(const fs::path& folder);

    // Runs `git ARGS...` in the data folder.
    ProcessResult run(const std::vector<std::string>& args, const std::string& input = {}) const;

    // Stages `files` (relative to the folder) and commits exactly them. Throws
    // RuntimeError with advice when the repository's state or git refuses; the files
    // stay on disk either way.
    void commit(const std::vector<std::string>& files, const std::string& message) const;

    std::optional<std::string> config(const std::string& key) const;
    const fs::path& folder() const { return folder_; }
    const fs::path& git_dir() const { return git_dir_; }

    // What stops a commit right now (merge, rebase, detached HEAD), or empty.
    std::string blocking_state() const;

  private:
    enum class FastCommit { done, not_possible, failed };
    // The plumbing path of commit(); see git_fast_commit.cpp. `not_possible` leaves the
    // repository as it was, for the porcelain to do the work.
    FastCommit fast_commit(const std::vector<std::string>& files, const std::string& message) const;
    mutable std::string last_error_;

    Git(fs::path folder, fs::path git_dir)
        : folder_(std::move(folder)), git_dir_(std::move(git_dir)) {}
    fs::path folder_;
    fs::path git_dir_;
};

// Why git failed, in one line: its message without the "fatal: " or "error: " prefix.
std::string git_reason(const ProcessResult& r);

// Variables removed from git's environment.
const std::vector<std::string>& git_unset_variables();

}  // namespace crm::store
