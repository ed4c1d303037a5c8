#pragma once
// Where each record lives in a data folder: the path rules, as pure functions of
// strings. The store is the only layer that turns them into file system calls; every
// other layer that needs to know what a path is (sync's list of crm files, the news)
// asks here, so that all agree, hidden files included. The builders below are the
// inverse of parse_record_path: a path built here parses back to what built it.
//
//   crm.yaml
//   clients/<slug>/client.yaml
//   clients/<slug>/visits/<YYYY-MM-DD>-<author>-<suffix>.yaml
//   clients/<slug>/reviews/<YYYY-MM-DD>-<author>-<suffix>.yaml
//   clients/<slug>/opportunities/<YYYY-MM-DD>-<author>-<suffix>.yaml
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "crm/model/date.hpp"

namespace crm {

inline constexpr std::string_view kSettingsFile = "crm.yaml";
inline constexpr std::string_view kClientsDir = "clients";
inline constexpr std::string_view kClientFileName = "client.yaml";

// The records kept in a client's subfolders.
enum class RecordKind { visit, review, opportunity };
// Every kind, in the order `show` reads them: visits, reviews, opportunities.
inline constexpr std::array<RecordKind, 3> kRecordKinds{RecordKind::visit, RecordKind::review,
                                                        RecordKind::opportunity};
// The subfolder of a kind: "visits", "reviews" or "opportunities".
std::string_view record_dir_name(RecordKind kind);

// Whether a name is hidden (".x"): editors' swap and backup files and crm's own
// temporary files are, and no command reads them as data.
bool is_hidden_name(std::string_view name);

// Whether a name in a record folder (visits/...) is a record: `*.yaml`, not hidden.
bool is_record_file_name(std::string_view name);

// The day a record file's name starts with (YYYY-MM-DD-...): when it was first logged.
// Takes a name or a path; nullopt when the name starts with no date.
std::optional<Date> record_file_date(std::string_view path);

// clients/<name>: the folder of a client, or of what `crm check` finds there (any name).
std::string client_dir_path(std::string_view name);
// clients/<slug>/client.yaml
std::string client_file_path(std::string_view slug);
// clients/<slug>/visits, clients/<slug>/reviews or clients/<slug>/opportunities
std::string record_dir_path(std::string_view slug, RecordKind kind);
// clients/<slug>/<kind's folder>/<name>
std::string record_file_path(std::string_view slug, RecordKind kind, std::string_view name);

// A path of the data folder that holds a record: clients/<slug>/client.yaml, or
// clients/<slug>/<kind's folder>/<name>.yaml.
struct RecordPath {
    enum class Kind { client, visit, review, opportunity };
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
