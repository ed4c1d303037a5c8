#include "crm/store/folder.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <random>
#include <unordered_map>

#include "crm/domain/slug.hpp"
#include "crm/store/cache.hpp"
#include "crm/store/files.hpp"
#include "crm/store/record_io.hpp"
#include "crm/store/yaml_tree.hpp"

namespace crm::store {

namespace {

bool is_file(const fs::path& p) {
    struct stat st;
    return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string random_hex(int digits) {
    static std::random_device device;
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s;
    for (int i = 0; i < digits; ++i)
        s += kHex[device() & 0xF];
    return s;
}

bool is_record_name(const std::string& name) {
    return name.ends_with(".yaml") && !name.starts_with('.');
}

void sort_by_date(ClientRecord& rec) {
    std::stable_sort(rec.visits.begin(), rec.visits.end(), [](const Visit& a, const Visit& b) {
        return a.date != b.date ? a.date < b.date : a.file < b.file;
    });
    std::stable_sort(rec.reviews.begin(), rec.reviews.end(), [](const Review& a, const Review& b) {
        return a.date != b.date ? a.date < b.date : a.file < b.file;
    });
}

}  // namespace

fs::path discover_folder(const DiscoveryInput& in) {
    if (in.dir_option && !in.dir_option->empty())
        return fs::absolute(*in.dir_option);
    if (in.crm_dir && !in.crm_dir->empty())
        return fs::absolute(*in.crm_dir);
    for (fs::path d = in.cwd; !d.empty(); d = d.parent_path()) {
        if (is_file(d / "crm.yaml"))
            return d;
        if (d == d.parent_path())
            break;
    }
    if (in.home && !in.home->empty())
        return fs::path(*in.home) / "crm";
    return in.cwd / "crm";
}

Folder Folder::open(const fs::path& root) {
    auto text = read_file(root / "crm.yaml", yaml::kMaxFileSize);
    if (!text) {
        std::error_code ec;
        if (!fs::exists(root, ec)) {
            throw RuntimeError(
                "no crm folder at " + root.string(),
                "create one with 'crm init', or point to yours with --dir or CRM_DIR");
        }
        throw RuntimeError(
            root.string() + " is not a crm folder (it has no crm.yaml)",
            "create one with 'crm init " + root.string() + "', or use --dir or CRM_DIR");
    }
    return Folder(root, read_settings(*text, "crm.yaml"));
}

std::optional<std::string> Folder::read(const std::string& relative) const {
    return read_file(root_ / relative, yaml::kMaxFileSize);
}

std::vector<std::string> Folder::client_slugs() const {
    std::vector<std::string> slugs;
    for (auto& name : list_dir(root_ / "clients")) {
        if (is_valid_slug(name) && is_file(root_ / "clients" / name / "client.yaml"))
            slugs.push_back(name);
    }
    return slugs;
}

bool Folder::has_client(const std::string& slug) const {
    return is_file(root_ / "clients" / slug / "client.yaml");
}

Client Folder::load_client(const std::string& slug) const {
    const std::string file = client_file(slug);
    auto text = read(file);
    if (!text)
        throw RuntimeError("no client file " + file);
    Client c = read_client(*text, file);
    c.slug = slug;
    return c;
}

ClientRecord Folder::load_record(const std::string& slug, std::vector<DataError>& problems) const {
    ClientRecord rec;
    rec.client = load_client(slug);
    const std::string base = "clients/" + slug + "/";
    for (const auto& name : list_dir(root_ / "clients" / slug / "visits")) {
        if (!is_record_name(name))
            continue;
        const std::string file = base + "visits/" + name;
        try {
            if (auto text = read(file))
                rec.visits.push_back(read_visit(*text, file));
        } catch (const DataError& e) {
            problems.push_back(e);
        }
    }
    for (const auto& name : list_dir(root_ / "clients" / slug / "reviews")) {
        if (!is_record_name(name))
            continue;
        const std::string file = base + "reviews/" + name;
        try {
            if (auto text = read(file))
                rec.reviews.push_back(read_review(*text, file));
        } catch (const DataError& e) {
            problems.push_back(e);
        }
    }
    sort_by_date(rec);
    return rec;
}

std::vector<Client> Folder::load_clients(std::vector<DataError>& problems) const {
    std::vector<Client> clients;
    for (const auto& slug : client_slugs()) {
        try {
            clients.push_back(load_client(slug));
        } catch (const DataError& e) {
            problems.push_back(e);
        }
    }
    return clients;
}

namespace {

// One pass over the folder: readdir and fstatat relative to each folder's descriptor
// (no path lookups from the root), reading and parsing only what the cache lacks.
class CachedLoader {
  public:
    CachedLoader(const Folder& folder, RecordCache& cache, std::vector<DataError>& problems)
        : folder_(folder), cache_(cache), problems_(problems) {}

    template <class Record, class Parse>
    std::optional<Record> load(int dir_fd, const std::string& name, const std::string& file,
                               Parse parse) {
        struct stat st;
        if (::fstatat(dir_fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 ||
            !S_ISREG(st.st_mode)) {
            return std::nullopt;
        }
        FileStamp stamp{
            static_cast<std::uint64_t>(st.st_size),
            static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec,
            static_cast<std::uint64_t>(st.st_ino)};
        stamps_.emplace(file, stamp);
        if (auto hit = cache_.take(file, stamp))
            return std::get<Record>(std::move(*hit));
        changed_ = true;
        try {
            auto text = folder_.read(file);
            if (!text)
                return std::nullopt;
            return parse(*text, file);
        } catch (const DataError& e) {
            problems_.push_back(e);
            return std::nullopt;
        }
    }

    template <class Record, class Parse>
    void load_dir(const fs::path& dir, const std::string& prefix, std::vector<Record>& out,
                  Parse parse) {
        int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0)
            return;
        for (const auto& name : list_dir(dir)) {
            if (!is_record_name(name))
                continue;
            if (auto r = load<Record>(fd, name, prefix + name, parse))
                out.push_back(std::move(*r));
        }
        ::close(fd);
    }

    // True when the cache no longer matches the folder: a file was added, changed or
    // deleted (its entry was never taken).
    bool cache_stale() const { return changed_ || !cache_.empty(); }

    // Writes a cache of everything loaded, for the next run, straight from the records.
    void save_cache(const Snapshot& snap, const fs::path& root) const {
        std::vector<RecordCache::Item> items;
        auto add = [&](const std::string& file, auto record) {
            if (auto it = stamps_.find(file); it != stamps_.end())
                items.push_back({&it->first, it->second, record});
        };
        for (const auto& rec : snap.clients) {
            add(rec.client.file, &rec.client);
            for (const auto& v : rec.visits)
                add(v.file, &v);
            for (const auto& r : rec.reviews)
                add(r.file, &r);
        }
        RecordCache::save_items(items, root, ".crm/cache");
    }

  private:
    const Folder& folder_;
    RecordCache& cache_;
    std::unordered_map<std::string, FileStamp> stamps_;
    bool changed_ = false;
    std::vector<DataError>& problems_;
};

}  // namespace

Snapshot Folder::load_all(const Progress& progress) const {
    Snapshot snap;
    const fs::path cache_path = root_ / ".crm" / "cache";
    RecordCache cache = RecordCache::load(cache_path);
    CachedLoader loader(*this, cache, snap.problems);
    const fs::path clients_dir = root_ / "clients";
    int clients_fd = ::open(clients_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (clients_fd < 0)
        return snap;
    const auto slugs = list_dir(clients_dir);
    std::size_t done = 0;
    for (const auto& slug : slugs) {
        if (progress)
            progress(done++, slugs.size());
        if (!is_valid_slug(slug))
            continue;
        int client_fd =
            ::openat(clients_fd, slug.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (client_fd < 0)
            continue;
        auto client = loader.load<Client>(client_fd, "client.yaml", client_file(slug), read_client);
        ::close(client_fd);
        if (!client)
            continue;
        ClientRecord rec;
        rec.client = std::move(*client);
        rec.client.slug = slug;
        const std::string base = "clients/" + slug + "/";
        loader.load_dir(clients_dir / slug / "visits", base + "visits/", rec.visits, read_visit);
        loader.load_dir(clients_dir / slug / "reviews", base + "reviews/", rec.reviews,
                        read_review);
        sort_by_date(rec);
        snap.clients.push_back(std::move(rec));
    }
    ::close(clients_fd);
    if (progress)
        progress(slugs.size(), slugs.size());
    if (loader.cache_stale()) {
        std::error_code ec;
        fs::create_directories(root_ / ".crm", ec);
        loader.save_cache(snap, root_);
    }
    return snap;
}

std::string Folder::new_record_path(const std::string& slug, const std::string& kind, Date date,
                                    const std::string& author) const {
    std::string who = slugify(author.empty() ? "someone" : author);
    if (who.size() > 24)
        who.resize(24);
    while (!who.empty() && who.back() == '-')
        who.pop_back();
    const std::string dir = "clients/" + slug + "/" + kind + "/";
    for (;;) {
        std::string path = dir + date.iso() + "-" + who + "-" + random_hex(6) + ".yaml";
        std::error_code ec;
        if (!fs::exists(root_ / path, ec))
            return path;
    }
}

}  // namespace crm::store
