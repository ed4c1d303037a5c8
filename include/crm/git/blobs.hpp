#pragma once
// The blob ids git has for paths: in a commit, and for the files on disk as git would
// store them (filters and attributes applied). What store/committed.hpp compares to tell
// whether a change crm committed is still in HEAD.
#include <map>
#include <string>
#include <vector>

#include "crm/git/git.hpp"

namespace crm::git {

// path -> blob id of each of `paths` (files, relative to the folder) in `commit`; a path
// the commit does not have is absent. Empty when `commit` does not exist (no commit yet).
std::map<std::string, std::string> blobs_in(const Git& git, const std::string& commit,
                                            const std::vector<std::string>& paths);

// path -> the blob id git would give each of `paths` as it is on disk now (`git
// hash-object`, which writes nothing); a path that is not a regular file is absent.
std::map<std::string, std::string> blobs_on_disk(const Git& git,
                                                 const std::vector<std::string>& paths);

}  // namespace crm::git
