#pragma once
// A lock of one activity of a folder (sending mail), in .crm/<name>.lock, apart from the
// writers' FolderLock: two `crm remind` runs never send the same message twice, and
// `crm sync`, which holds the FolderLock, can still send its alerts.
#include <filesystem>
#include <string>

namespace crm::os {

class ActivityLock {
  public:
    // Blocks until the lock on `root/.crm/<name>.lock` is ours.
    ActivityLock(const std::filesystem::path& root, const std::string& name);
    ~ActivityLock();
    ActivityLock(const ActivityLock&) = delete;
    ActivityLock& operator=(const ActivityLock&) = delete;

  private:
    int fd_ = -1;
};

}  // namespace crm::os
