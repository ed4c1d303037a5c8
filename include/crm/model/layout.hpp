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
//   clients/<slug>/files/<YYYY-MM-DD>-<name>          a file kept from a captured message
//   inbox/<YYYY-MM-DD>-<suffix>.yaml                  a captured message whose client is unknown
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "crm/model/date.hpp"

namespace crm {
inline namespace model {

inline constexpr std::string_view kSettingsFile = "crm.yaml";
inline constexpr std::string_view kClientsDir = "clients";
inline constexpr std::string_view kClientFileName = "client.yaml";
inline constexpr std::string_view kInboxDir = "inbox";
inline constexpr std::string_view kClientFilesDir = "files";

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

// Whether a name is one crm gives a record (visits, reviews, opportunities):
// <YYYY-MM-DD>-<lowercase ASCII letters, digits and dashes>.yaml, as new_record_path
// makes them and merge keeps them; never a path, hidden, or an option ("-x").
bool is_crm_record_name(std::string_view name);

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

// inbox/<name>: a captured message that matched no client, or several.
std::string inbox_file_path(std::string_view name);
// Whether `path` is an inbox message's: inbox/<name>.yaml, not hidden.
bool is_inbox_path(std::string_view path);

// clients/<slug>/files and clients/<slug>/files/<name>: files kept from captured mail.
std::string client_files_dir(std::string_view slug);
std::string client_kept_file_path(std::string_view slug, std::string_view name);

// A file name from one a message gave ("../Scope v2 ü.PDF"): only what follows the last
// slash or backslash, its stem as a slug ("scope-v2-u"), its extension in lower-case
// letters and digits ("pdf"), never hidden, never a path, at most 80 characters;
// "attachment" when nothing is left.
std::string safe_file_name(std::string_view name);

// True for crm.yaml, every record path and every inbox message: the files `crm sync`
// may commit.
bool is_crm_data_path(std::string_view path);

// A file that arrived, with the name of whoever committed it (used for new clients,
// which have no `by`).
struct AddedFile {
    std::string path;
    std::string author;
};

}  // namespace model
}  // namespace crm
