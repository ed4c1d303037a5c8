#pragma once
// One writer at a time per folder. Every command that writes holds this lock from
// before it reads what it will change until after its git commit, so two crm processes
// never lose each other's writes and never race for git's index.lock.
#include <filesystem>

namespace crm::os {

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
