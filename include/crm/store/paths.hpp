#pragma once
// The folder's layout on disk: which files are a client's records, in which order, and
// where a new one goes. Built on model/layout.hpp's rules, so that every command sees
// the same files: a hidden file (an editor's swap file, crm's own temporary files) is
// no record for show, search, check, edit or the loader alike.
//
// Functions of the folder's root, not of a store::Folder: `crm check` walks a folder
// whose crm.yaml may not even parse. Paths in and out are relative to the root.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/model/date.hpp"
#include "crm/model/layout.hpp"

namespace crm::store {

// The names in clients/ that are not hidden, sorted: every client folder, and whatever
// else is there for `crm check` to report (a name that is no slug, a stray file).
std::vector<std::string> client_dir_names(const std::filesystem::path& root);

// The clients: names in clients/ that are slugs and hold a client.yaml, sorted.
std::vector<std::string> client_slugs(const std::filesystem::path& root);

// Whether clients/<slug> is a real folder (no link) holding a client.yaml, or a link in
// its place: a client whose file cannot be read is still a client.
bool has_client(const std::filesystem::path& root, std::string_view slug);

// Whether `relative` (a folder of the layout) is a symbolic link: never read through.
bool is_linked_folder(const std::filesystem::path& root, std::string_view relative);

// Whether anything is at clients/<slug> (a client, a folder without client.yaml, a
// link): a new client's slug must not be one of these.
bool client_dir_taken(const std::filesystem::path& root, std::string_view slug);

// The record files of one kind of one client, sorted by name (which starts with the
// date); none when the kind's folder is a link. Names only: whether each is a real file
// is for the reader to decide.
std::vector<std::string> record_files(const std::filesystem::path& root, std::string_view slug,
                                      RecordKind kind);

// A client's files in the order `show` reads them: client.yaml, then its visits, its
// reviews and its opportunities by name.
std::vector<std::string> client_files(const std::filesystem::path& root, std::string_view slug);

// Every file (and link, not followed) below clients/<slug>, records or not, sorted:
// what removing or merging the folder takes with it.
std::vector<std::string> client_dir_files(const std::filesystem::path& root, std::string_view slug);

// The record of `slug` that `given` names: NAME, visits/NAME, reviews/NAME,
// opportunities/NAME or clients/<slug>/visits/NAME as `crm show` prints it. nullopt when there is
// no such record file.
std::optional<std::string> find_record_file(const std::filesystem::path& root,
                                            std::string_view slug, std::string_view given);

// The path of a new record that no other clone can create: date, author and a
// random suffix, and no file there yet.
std::string new_record_path(const std::filesystem::path& root, std::string_view slug,
                            RecordKind kind, Date date, const std::string& author);

// The messages in inbox/, sorted by name (which starts with the date): the order `crm
// inbox` numbers them in.
std::vector<std::string> inbox_files(const std::filesystem::path& root);

// The path of a new inbox message dated `date` that no other clone can create.
std::string new_inbox_path(const std::filesystem::path& root, Date date);

}  // namespace crm::store
