#pragma once
// One writer at a time per folder. Every command that writes holds this lock from
// before it reads what it will change until after its git commit, so two crm processes
// never lose each other's writes and never race for git's index.lock.
#include <filesystem>
#include <string>

namespace crm::os {

// Opens `root/relative` (a file of crm's private folder, which it makes) without
// following links, and blocks until an exclusive flock on it is ours; the descriptor,
// whose closing releases it. flock goes with the process: a killed crm never leaves a
// lock held. Throws RuntimeError when the file cannot be opened or locked.
int lock_private_file(const std::filesystem::path& root, const std::string& relative);

class FolderLock {
  public:
    // Blocks until the lock on `root/.crm/lock` is ours.
    explicit FolderLock(const std::filesystem::path& root);
    ~FolderLock();
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;

  private:
    int fd_ = -1;
};

}  // namespace crm::os
