#pragma once
// `crm check`: every file of the folder read and validated (schema/check.hpp), the
// messages waiting in inbox/ among them, and the
// problems no single file shows: symbolic links, folders that are not slugs, slugs that
// differ only in case, two folders for one client, a client folder without client.yaml.
// It also points out likely duplicates, which are not wrong in themselves (two firms can
// share an accountant): two folders with one slug root (acme, acme-2) or one contact
// e-mail at two clients, each with the `crm merge` that would make them one.
//
// It reads every file, never the record cache: a check must look at what is on disk.
// The walk is split between threads on large folders; problems come in walk order
// whatever the split.
#include <filesystem>
#include <vector>

#include "crm/store/folder.hpp"
#include "crm/util/error.hpp"

namespace crm::store {

struct FolderCheckReport {
    std::vector<DataError> problems;
    std::vector<DataError> likely_duplicates;  // warnings: `crm check` still passes
    std::vector<DataError> warnings;           // keys of crm.yaml that name a program
    std::size_t files = 0;                     // files read and checked
};

// Throws RuntimeError when `root` has no crm.yaml. A broken crm.yaml is a problem, and
// the other files are then checked against the default settings.
FolderCheckReport check_folder(const std::filesystem::path& root, const Progress& progress = {});

}  // namespace crm::store
