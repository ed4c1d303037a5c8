#pragma once
// A file a person names on the command line for crm's output (`crm report -o FILE`),
// anywhere, not in the data folder: written whole or not at all, as the folder's files are
// (files.hpp), so that a page a web server or a mail script picks up is never half a page.
#include <filesystem>
#include <string_view>

namespace crm::os {

// Writes `content` to a temporary file beside `path` (same file system, so the rename is
// atomic), flushes it, renames it over `path` and flushes the folder. A file it replaces
// keeps its permission bits; a symbolic link at `path` is replaced, never written through.
// Throws RuntimeError naming the path and the system's reason.
void write_output_file(const std::filesystem::path& path, std::string_view content);

}  // namespace crm::os
