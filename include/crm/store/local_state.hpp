#pragma once
// Small facts one clone remembers about itself (the last synced commit, when the user
// last read the news), kept in .crm/ which git ignores. Derived data: a missing or
// unreadable file just means "never".
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace crm::store {

// `key: value` lines of .crm/<name>; empty when missing or unreadable.
std::map<std::string, std::string> read_local_state(const std::filesystem::path& root,
                                                    const std::string& name);
// The lines of the file `relative` (in .crm/) but blank ones and `#` comments, in order;
// empty when it is missing, a link, unreadable or over 1 MiB: crm's own lists are derived
// data, and a damaged one is no list.
std::vector<std::string> read_local_lines(const std::filesystem::path& root,
                                          const std::string& relative);

void write_local_state(const std::filesystem::path& root, const std::string& name,
                       const std::map<std::string, std::string>& values);

}  // namespace crm::store
