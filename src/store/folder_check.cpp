#include "crm/store/folder_check.hpp"

#include "crm/model/layout.hpp"

#include <atomic>
#include <map>
#include <optional>
#include <set>

#include "crm/model/slug.hpp"
#include "crm/os/files.hpp"
#include "crm/os/parallel.hpp"
#include "crm/schema/check.hpp"
#include "crm/schema/records.hpp"
#include "crm/store/paths.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"
#include "crm/yaml/tree.hpp"

namespace crm::store {

namespace {

void add(std::vector<DataError>& to, const std::string& file, const std::string& what,
         std::string hint = {}) {
    to.emplace_back(SourceLocation{file, 0, 0}, what, std::move(hint));
}

// What one client folder gave, in the order it is reported. The problems that compare
// clients with each other (duplicates) are found once every part is in.
struct ClientCheck {
    std::string name;  // in clients/
    std::string dir;
    bool link = false;                       // nothing more is checked in a link
    std::vector<DataError> folder_problems;  // before the case-duplicate check
    std::vector<DataError> client_problems;  // client.yaml's, before the name check
    std::optional<Client> client;            // when client.yaml was clean
    std::vector<DataError> record_problems;  // visits, reviews, opportunities
};

class Checker {
  public:
    Checker(const fs::path& root, const Settings& settings) : root_(root), settings_(settings) {}

    std::size_t files() const { return files_; }

    // Reads and checks one file; returns its text when it had no problem.
    std::optional<std::string> check(const std::string& rel, schema::FileKind kind,
                                     std::vector<DataError>& problems) {
        const fs::path path = root_ / rel;
        os::EntryKind e = os::entry_kind(path);
        if (e == os::EntryKind::link) {
            add(problems, rel, "is a symbolic link; crm reads and writes only real files",
                "replace the link with the file itself");
            return std::nullopt;
        }
        if (e != os::EntryKind::file)
            return std::nullopt;
        ++files_;
        auto text = os::read_file(path, yaml::kMaxFileSize);
        if (!text)
            return std::nullopt;
        auto found = schema::check_file(*text, rel, kind, settings_);
        if (!found.empty()) {
            problems.insert(problems.end(), found.begin(), found.end());
            return std::nullopt;
        }
        return text;
    }

    std::optional<ClientCheck> client_folder(const std::string& name) {
        ClientCheck out;
        out.name = name;
        out.dir = client_dir_path(name);
        os::EntryKind e = os::entry_kind(root_ / out.dir);
        if (e == os::EntryKind::link) {
            add(out.folder_problems, out.dir,
                "is a symbolic link; crm reads and writes only real folders");
            out.link = true;
            return out;
        }
        if (e != os::EntryKind::folder)
            return std::nullopt;
        if (!is_valid_slug(name)) {
            add(out.folder_problems, out.dir,
                fmt::format("folder name '{}' is not a client slug (lowercase a-z, 0-9, -)", name),
                fmt::format("rename it to {}", slugify(name)));
        }
        const std::string file = client_file_path(name);
        if (os::entry_kind(root_ / file) == os::EntryKind::missing) {
            add(out.client_problems, out.dir, "client folder without client.yaml",
                "add one, or remove the folder");
        } else if (auto text = check(file, schema::FileKind::client, out.client_problems)) {
            out.client = schema::read_client(*text, file);
        }
        for (RecordKind kind : kRecordKinds)
            records(name, kind, out.record_problems);
        return out;
    }

  private:
    // The record files every command reads (paths.hpp): a hidden file is nobody's
    // record, so it is not checked either.
    void records(const std::string& name, RecordKind kind, std::vector<DataError>& problems) {
        const std::string dir = record_dir_path(name, kind);
        os::EntryKind e = os::entry_kind(root_ / dir);
        if (e == os::EntryKind::link)
            add(problems, dir, "is a symbolic link; crm reads and writes only real folders");
        if (e != os::EntryKind::folder)
            return;
        for (const auto& file : record_files(root_, name, kind))
            check(file, schema::file_kind(kind), problems);
    }

    const fs::path& root_;
    const Settings& settings_;
    std::size_t files_ = 0;
};

void append(std::vector<DataError>& to, std::vector<DataError>& from) {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

// Two clients that are probably one: the same slug root (a second `crm add-client` of one
// firm gets acme-2), or a contact's e-mail at both. Each pair once, reported at the later
// folder, with the merge that would make them one.
std::vector<DataError> likely_duplicates(
    const std::vector<std::pair<std::string, const Client*>>& clients,
    const std::set<std::string>& reported) {
    std::vector<DataError> out;
    std::map<std::string, std::string> by_root;   // slug root -> first folder name
    std::map<std::string, std::string> by_email;  // folded e-mail -> first folder name
    std::set<std::pair<std::string, std::string>> paired;
    auto pair_up = [&](const std::string& first, const std::string& second,
                       const std::string& why) {
        if (first == second || !paired.insert({first, second}).second)
            return;
        add(out, client_file_path(second),
            fmt::format("likely the same client as {}: {}", client_dir_path(first), why),
            fmt::format("if so, merge them: crm merge {} {}", first, second));
    };
    for (const auto& [name, client] : clients) {
        const std::string root = slug_root(name);
        if (auto first = by_root.find(root); first == by_root.end())
            by_root.emplace(root, name);
        else if (!reported.count(name))
            pair_up(first->second, name, "the same slug but for its number");
        for (const auto& contact : client->contacts) {
            if (contact.email.empty())
                continue;
            const std::string email = fold_case(contact.email);
            if (auto first = by_email.find(email); first == by_email.end())
                by_email.emplace(email, name);
            else
                pair_up(first->second, name,
                        fmt::format("both have the contact {}", contact.email));
        }
    }
    return out;
}

}  // namespace

FolderCheckReport check_folder(const fs::path& root, const Progress& progress) {
    FolderCheckReport report;
    if (os::entry_kind(root / kSettingsFile) == os::EntryKind::missing) {
        throw RuntimeError(
            fmt::format("{} is not a crm folder (it has no crm.yaml)", root.string()),
            "point to yours with --dir or CRM_DIR");
    }
    Settings settings;
    {
        Checker settings_check(root, settings);
        const std::string file(kSettingsFile);
        if (auto text = settings_check.check(file, schema::FileKind::settings, report.problems))
            settings = schema::read_settings(*text, file);
        // A program named there is ignored, whatever else is wrong with the file.
        if (os::entry_kind(root / file) == os::EntryKind::file)
            if (auto text = os::read_file(root / file, yaml::kMaxFileSize))
                report.warnings = schema::program_settings(*text, file);
        report.files += settings_check.files();
    }

    const std::vector<std::string> names = client_dir_names(root);
    std::vector<std::optional<ClientCheck>> checked(names.size());
    std::atomic<std::size_t> files = 0, done = 0;
    os::run_parts(names.size(), os::walker_threads(names.size()),
                  [&](std::size_t t, std::size_t first, std::size_t last) {
                      Checker checker(root, settings);
                      for (std::size_t i = first; i < last; ++i) {
                          checked[i] = checker.client_folder(names[i]);
                          const std::size_t now = ++done;
                          if (t == 0 && progress)  // only this thread may write to the terminal
                              progress(now, names.size());
                      }
                      files += checker.files();
                  });
    if (progress)
        progress(names.size(), names.size());
    report.files += files;

    std::map<std::string, std::string> folded;  // lowercased folder name -> folder
    // the client's name in any case -> its file and folder name
    std::map<std::string, std::pair<std::string, std::string>> by_name;
    std::vector<std::pair<std::string, const Client*>> clean;  // folder name, client
    std::set<std::string> same_name;  // folders already reported as duplicate clients
    for (auto& c : checked) {
        if (!c)
            continue;
        append(report.problems, c->folder_problems);
        if (c->link)
            continue;
        const std::string& name = c->name;
        if (auto other = folded.find(ascii_lower(name)); other != folded.end())
            add(report.problems, c->dir,
                fmt::format("duplicate slug: differs only in case from {}", other->second));
        else
            folded.emplace(ascii_lower(name), c->dir);
        append(report.problems, c->client_problems);
        if (c->client) {
            const std::string file = client_file_path(name);
            // Two names that only make one slug are two clients (the second got -2); the
            // likely duplicates below still point them out.
            const std::string key = fold_case(trim(c->client->name));
            if (auto other = by_name.find(key); other != by_name.end()) {
                add(report.problems, file,
                    fmt::format("duplicate client: '{}' is also {}", c->client->name,
                                other->second.first),
                    fmt::format("if they are one, merge them: crm merge {} {}; else rename one "
                                "(crm rename)",
                                other->second.second, name));
                same_name.insert(name);
            } else {
                by_name.emplace(key, std::pair{file, name});
            }
            clean.emplace_back(name, &*c->client);
        }
        append(report.problems, c->record_problems);
    }
    report.likely_duplicates = likely_duplicates(clean, same_name);
    // Captured messages waiting for a client: each must read as one, to be filed later.
    Checker inbox(root, settings);
    if (os::entry_kind(root / kInboxDir) == os::EntryKind::link) {
        add(report.problems, std::string(kInboxDir),
            "is a symbolic link; crm reads and writes only real folders");
    } else {
        for (const auto& file : inbox_files(root))
            inbox.check(file, schema::FileKind::inbox, report.problems);
    }
    report.files += inbox.files();
    return report;
}

}  // namespace crm::store
