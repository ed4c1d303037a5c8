#pragma once
// Appending to a file that must keep every line it was given: the log of mail sent from
// this clone, an mbox a person asked for.
#include <filesystem>
#include <string_view>

namespace crm::os {

// Appends `content` to `path` in one write (O_APPEND: appenders never overwrite each
// other), creating the file (mode 0600: mail is private) when missing, then fsyncs it, so
// that what was appended survives a crash right after. With `no_symlink`, refuses when
// `path` itself is a symbolic link. Throws RuntimeError naming the file.
void append_durable(const std::filesystem::path& path, std::string_view content, bool no_symlink);

}  // namespace crm::os
