// Folder: opening and discovery, and the reads of one client. The whole folder at once
// is load_all.cpp's; where files are is paths.cpp's.
#include "crm/store/folder.hpp"

#include "crm/git/git.hpp"
#include "crm/os/files.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"
#include "crm/yaml/tree.hpp"

namespace crm::store {

namespace {

bool is_file(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec);
}

}  // namespace

DataError linked_folder(const std::string& relative) {
    return DataError(SourceLocation{relative, 0, 0},
                     "is a symbolic link; crm reads and writes only real folders, so it is "
                     "skipped",
                     "replace the link with the folder itself (crm check lists every link)");
}

Discovery discover(const DiscoveryInput& in) {
    if (in.dir_option && !in.dir_option->empty())
        return {fs::absolute(*in.dir_option)};
    if (in.crm_dir && !in.crm_dir->empty())
        return {fs::absolute(*in.crm_dir)};
    for (fs::path d = in.cwd; !d.empty(); d = d.parent_path()) {
        if (is_file(d / kSettingsFile))
            return {d};
        if (d == d.parent_path())
            break;
    }
    if (in.home && !in.home->empty())
        return {fs::path(*in.home) / "crm", true};
    return {in.cwd / "crm", true};
}

Folder Folder::open(const fs::path& root) {
    auto text = os::read_data_file(root, kSettingsFile, yaml::kMaxFileSize);
    if (!text) {
        std::error_code ec;
        if (!fs::exists(root, ec)) {
            throw RuntimeError(
                fmt::format("no crm folder at {}", root.string()),
                "create one with 'crm init', or point to yours with --dir or CRM_DIR");
        }
        throw RuntimeError(
            fmt::format("{} is not a crm folder (it has no crm.yaml)", root.string()),
            fmt::format("create one with 'crm init {}', or use --dir or CRM_DIR", root.string()));
    }
    return Folder(root, schema::read_settings(*text, std::string(kSettingsFile)));
}

std::optional<std::string> Folder::read(const std::string& relative) const {
    return os::read_data_file(root_, relative, yaml::kMaxFileSize);
}

bool Folder::client_dir_taken(const std::string& slug) const {
    if (store::client_dir_taken(root_, slug))
        return true;
    if (!slugs_in_index_) {
        slugs_in_index_.emplace();
        // One question for every slug a command tries (import asks for many). A folder
        // git has without a client.yaml is refused at the commit (commit_guard.hpp).
        if (auto git = git::Git::find(root_)) {
            try {
                const auto r =
                    git->run({"ls-files", "-z", "--cached", "--", ":(glob)clients/*/client.yaml"});
                for (const auto& path : split(r.ok() ? r.out : std::string{}, '\0')) {
                    if (auto rp = parse_record_path(path))
                        slugs_in_index_->insert(rp->slug);
                }
            } catch (const RuntimeError&) {
                // git refuses the repository: the commit will say so.
            }
        }
    }
    return slugs_in_index_->count(slug) > 0;
}

void Folder::refuse_links(const std::string& relative) const {
    os::ensure_no_symlinks(root_, relative);
}

Client Folder::load_client(const std::string& slug) const {
    const std::string file = client_file(slug);
    auto text = read(file);
    if (!text)
        throw RuntimeError(fmt::format("no client file {}", file));
    Client c = schema::read_client(*text, file);
    c.slug = slug;
    return c;
}

ClientRecord Folder::load_record(const std::string& slug, std::vector<DataError>& problems,
                                 Unreadable unreadable) const {
    ClientRecord rec;
    try {
        rec.client = load_client(slug);
    } catch (const DataError& e) {
        if (unreadable == Unreadable::skip)
            throw;
        problems.push_back(e);
        rec.client = Client{};
        rec.client.slug = rec.client.name = slug;
        rec.client.file = client_file(slug);
        rec.client.unreadable = true;
    }
    for (RecordKind kind : kRecordKinds) {
        if (const std::string dir = record_dir_path(slug, kind); is_linked_folder(root_, dir))
            problems.push_back(linked_folder(dir));
        for (const auto& file : record_files(slug, kind)) {
            try {
                auto text = read(file);
                if (!text)
                    continue;
                switch (kind) {
                    case RecordKind::visit:
                        rec.visits.push_back(schema::read_visit(*text, file));
                        break;
                    case RecordKind::review:
                        rec.reviews.push_back(schema::read_review(*text, file));
                        break;
                    case RecordKind::opportunity:
                        rec.opportunities.push_back(schema::read_opportunity(*text, file));
                        break;
                }
            } catch (const DataError& e) {
                problems.push_back(e);
            }
        }
    }
    sort_by_date(rec);
    return rec;
}

std::vector<Client> Folder::load_clients(std::vector<DataError>& problems) const {
    std::vector<Client> clients;
    for (const auto& name : client_dir_names(root_))
        if (is_linked_folder(root_, client_dir_path(name)))
            problems.push_back(linked_folder(client_dir_path(name)));
    for (const auto& slug : client_slugs()) {
        try {
            clients.push_back(load_client(slug));
        } catch (const DataError& e) {
            problems.push_back(e);
        }
    }
    return clients;
}

}  // namespace crm::store
