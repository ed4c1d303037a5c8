#pragma once
// Where each record lives in a data folder: the path rules, as pure functions of
// strings. The store is the only layer that turns them into file system calls; every
// other layer that needs to know what a path is (sync's list of crm files, the news)
// asks here, so that all agree, hidden files included.
//
//   crm.yaml
//   clients/<slug>/client.yaml
//   clients/<slug>/visits/<YYYY-MM-DD>-<author>-<suffix>.yaml
//   clients/<slug>/reviews/<YYYY-MM-DD>-<author>-<suffix>.yaml
#include <optional>
#include <string>
#include <string_view>

namespace crm {

// Whether a name in a visits/ or reviews/ folder is a record: `*.yaml`, not hidden (editors'
// and crm's own temporary files are hidden).
bool is_record_file_name(std::string_view name);

// A path of the data folder that holds a record: clients/<slug>/client.yaml,
// clients/<slug>/visits/<name>.yaml or clients/<slug>/reviews/<name>.yaml.
struct RecordPath {
    enum class Kind { client, visit, review };
    Kind kind;
    std::string slug;
};
std::optional<RecordPath> parse_record_path(std::string_view path);

// True for crm.yaml and every record path: the files `crm sync` may commit.
bool is_crm_data_path(std::string_view path);

// A file that arrived, with the name of whoever committed it (used for new clients,
// which have no `by`).
struct AddedFile {
    std::string path;
    std::string author;
};

}  // namespace crm
