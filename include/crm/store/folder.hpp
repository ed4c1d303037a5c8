#pragma once
// The data folder: where it is, its settings, and one client's records.
//
//   folder.hpp     opening, discovery, settings, the layout's questions (paths.hpp) and
//                  the reads of one client (folder.cpp)
//   load_all.hpp   the whole folder at once, through the record cache (load_all.cpp)
//   transaction.hpp  every write: the lock, the files, the commit
//
// The folder's layout is in model/layout.hpp (the rules) and paths.hpp (the rules on
// disk); nothing above the store builds a path of the folder itself.
#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "crm/model/layout.hpp"
#include "crm/model/records.hpp"
#include "crm/model/settings.hpp"
#include "crm/store/detail.hpp"
#include "crm/store/paths.hpp"
#include "crm/util/error.hpp"

namespace crm::store {

namespace fs = std::filesystem;

struct DiscoveryInput {
    std::optional<std::string> dir_option;  // --dir
    std::optional<std::string> crm_dir;     // $CRM_DIR
    fs::path cwd;
    std::optional<std::string> home;  // $HOME
};

// Where the folder is: --dir, $CRM_DIR, the nearest folder at or above cwd holding
// crm.yaml, then ~/crm. Does not check that the answer holds crm.yaml.
struct Discovery {
    fs::path root;
    bool fallback = false;  // nothing named it and no crm.yaml is at or above cwd: ~/crm
};
Discovery discover(const DiscoveryInput& in);
inline fs::path discover_folder(const DiscoveryInput& in) {
    return discover(in).root;
}

// A folder of the layout that is a symbolic link, as readers report it: skipped, named,
// never followed (what it points to is never shown).
DataError linked_folder(const std::string& relative);

// Hears (clients done, clients in all) as a walk of the whole folder goes.
using Progress = std::function<void(std::size_t done, std::size_t total)>;

class Folder {
  public:
    // Opens the folder at `root`, reading crm.yaml; throws when there is none.
    static Folder open(const fs::path& root);

    const fs::path& root() const { return root_; }
    const Settings& settings() const { return settings_; }

    // The layout (paths.hpp), answered for this folder. Paths are relative to root().
    std::vector<std::string> client_slugs() const { return store::client_slugs(root_); }
    bool has_client(const std::string& slug) const { return store::has_client(root_, slug); }
    // Whether a new client may not have `slug`: something is at clients/<slug>, or git's
    // index has a client.yaml there (a sparse checkout leaves it off the disk).
    bool client_dir_taken(const std::string& slug) const;
    std::string client_file(const std::string& slug) const { return client_file_path(slug); }
    std::vector<std::string> record_files(const std::string& slug, RecordKind kind) const {
        return store::record_files(root_, slug, kind);
    }
    std::vector<std::string> client_files(const std::string& slug) const {
        return store::client_files(root_, slug);
    }
    std::optional<std::string> find_record_file(const std::string& slug,
                                                const std::string& given) const {
        return store::find_record_file(root_, slug, given);
    }
    std::string new_record_path(const std::string& slug, RecordKind kind, Date date,
                                const std::string& author) const {
        return store::new_record_path(root_, slug, kind, date, author);
    }

    std::vector<std::string> inbox_files() const { return store::inbox_files(root_); }
    std::string new_inbox_path(Date date) const { return store::new_inbox_path(root_, date); }

    // One client's client.yaml; throws DataError when unreadable.
    Client load_client(const std::string& slug) const;
    // One client's every record; bad record files go to `problems`. A client.yaml that
    // cannot be read throws DataError, or with Unreadable::keep goes to `problems` too and
    // gives a client of its slug only (Client::unreadable) with its readable records.
    ClientRecord load_record(const std::string& slug, std::vector<DataError>& problems,
                             Unreadable unreadable = Unreadable::skip) const;
    // Every client.yaml only (list, matching); bad files go to `problems`.
    std::vector<Client> load_clients(std::vector<DataError>& problems) const;

    // Reads a file of the folder with the size cap (relative path); a link on the way or
    // at the file is a DataError naming it (os::read_data_file).
    std::optional<std::string> read(const std::string& relative) const;
    // Throws RuntimeError when a part of `relative` is a symbolic link: crm neither
    // writes through links nor opens an editor on what one points to.
    void refuse_links(const std::string& relative) const;

  private:
    Folder(fs::path root, Settings settings)
        : root_(std::move(root)), settings_(std::move(settings)) {}
    fs::path root_;
    Settings settings_;
    mutable std::optional<std::set<std::string>> slugs_in_index_;  // asked of git once
};

}  // namespace crm::store
