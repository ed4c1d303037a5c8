// fold_records, for_each_record and load_all: every record of the folder, through the
// record cache.
//
// A warm run of a firm's folder is a walk of 55,000 files that must each be stat'ed to
// notice a hand edit, and the decoding of what the cache holds for them. Both are split
// between threads (parallel.hpp), each handing one client at a time to its part of the
// caller's fold and building its part of the next cache; the parts are joined in client
// order. Only one client's records per thread are ever held, so memory does not grow with
// the folder.
#include <algorithm>
#include <atomic>

#include "crm/model/layout.hpp"
#include "crm/model/slug.hpp"
#include "crm/os/dir.hpp"
#include "crm/os/files.hpp"
#include "crm/os/parallel.hpp"
#include "crm/schema/cache_bytes.hpp"
#include "crm/schema/records.hpp"
#include "crm/store/cache.hpp"
#include "crm/store/load_all.hpp"
#include "crm/yaml/tree.hpp"

namespace crm::store {

namespace {

// What one thread builds besides its clients' folds: the files it could not read, and its
// part of the next cache.
struct Part {
    explicit Part(const RecordCache& cache) : next(cache) {}
    std::vector<DataError> problems;
    CacheBuilder next;
};

// One thread's walk: readdir and fstatat relative to each folder's descriptor (no path
// lookups from the root), taking unchanged records from the cache and reading and
// parsing only the rest.
class Walker {
  public:
    Walker(const Folder& folder, const RecordCache& cache, Detail detail, Unreadable unreadable,
           Part& part)
        : folder_(folder), cache_(cache), detail_(detail), unreadable_(unreadable), part_(part) {}

    // Starts the cache lookups at this client's entries: a walker that starts in the
    // middle of the folder would otherwise miss its first lookup.
    void start_at(const std::string& slug) {
        cursor_ = cache_.cursor_at(folder_.client_file(slug));
        released_ = cursor_.next;
    }

    // Gives back the cache's pages this walker has read (cache.hpp), every few hundred
    // entries: what stays resident is what the threads are reading, not the whole cache.
    void release_behind() {
        constexpr std::size_t kEvery = 256;
        if (cursor_.next >= released_ + kEvery) {
            cache_.release(released_, cursor_.next);
            released_ = cursor_.next;
        } else if (cursor_.next < released_) {
            released_ = cursor_.next;  // a lookup by path went back: start again from there
        }
    }

    // Fills `rec` with the client `slug`'s records; false when it has none (not a client
    // folder, or its client.yaml does not parse). `rec` is reused from client to client,
    // so its vectors keep their capacity.
    bool load_client(const os::Dir& clients, const std::string& slug, ClientRecord& rec) {
        if (!is_valid_slug(slug))
            return false;
        if (clients.stat(slug).kind == os::EntryKind::link) {
            part_.problems.push_back(linked_folder(client_dir_path(slug)));
            return false;
        }
        const auto client_dir = clients.open_sub(slug);
        if (!client_dir)
            return false;
        rec.client = Client{};
        rec.visits.clear();
        rec.reviews.clear();
        rec.opportunities.clear();
        const std::string file = folder_.client_file(slug);
        const std::string client_file_name(kClientFileName);
        if (client_dir->stat(client_file_name).kind == os::EntryKind::missing)
            return false;  // no client folder
        if (!load(rec.client, *client_dir, client_file_name, file, schema::read_client)) {
            // A client still: its problem is told, and its records count where they must.
            if (unreadable_ == Unreadable::skip)
                return false;
            rec.client = Client{};
            rec.client.name = slug;
            rec.client.file = file;
            rec.client.unreadable = true;
        }
        rec.client.slug = slug;
        load_dir(*client_dir, slug, RecordKind::visit, rec.visits, schema::read_visit);
        load_dir(*client_dir, slug, RecordKind::review, rec.reviews, schema::read_review);
        load_dir(*client_dir, slug, RecordKind::opportunity, rec.opportunities,
                 schema::read_opportunity);
        sort_by_date(rec);
        return true;
    }

  private:
    static void set_file(Client& c, std::string file) { c.file = std::move(file); }
    static void set_file(Visit& v, std::string file) { v.file = std::move(file); }
    static void set_file(Review& r, std::string file) { r.file = std::move(file); }
    static void set_file(Opportunity& o, std::string file) { o.file = std::move(file); }

    // Fills `record` from `name` in `dir`; false when there is no such file or it does
    // not parse. Records are filled in place: moving a firm's 50,000 visits into their
    // vectors would cost more than decoding them.
    template <class Record, class Parse>
    bool load(Record& record, const os::Dir& dir, const std::string& name, std::string file,
              Parse parse) {
        const os::EntryStat st = dir.stat(name);
        if (st.kind == os::EntryKind::link) {
            part_.problems.push_back(os::linked_file(file));
            return false;
        }
        if (st.kind != os::EntryKind::file)
            return false;
        const FileStamp stamp{st.size, st.mtime_ns, st.inode};
        if (auto hit = cache_.find(file, stamp, cursor_);
            hit && cache_.read(*hit, record, detail_)) {
            part_.next.keep(*hit);
            set_file(record, std::move(file));
            return true;
        }
        try {
            auto text = os::read_data_file_at(dir.fd(), name.c_str(), file, yaml::kMaxFileSize);
            if (!text)
                return false;
            record = parse(*text, file);
        } catch (const DataError& e) {
            part_.problems.push_back(e);
            return false;
        }
        part_.next.add(file, stamp, record);
        if (detail_ == Detail::summary)
            schema::drop_detail(record);
        return true;
    }

    // The records of one kind: the names paths.hpp's record_files gives, read through
    // the descriptor of their folder rather than by path.
    template <class Record, class Parse>
    void load_dir(const os::Dir& client_dir, const std::string& slug, RecordKind kind,
                  std::vector<Record>& out, Parse parse) {
        const std::string sub(record_dir_name(kind));
        if (client_dir.stat(sub).kind == os::EntryKind::link) {
            part_.problems.push_back(linked_folder(record_dir_path(slug, kind)));
            return;
        }
        const auto dir = client_dir.open_sub(sub);
        if (!dir)
            return;
        const auto names = dir->sorted_names();
        out.reserve(out.size() + names.size());
        for (const auto& name : names) {
            if (!is_record_file_name(name))
                continue;
            if (!load(out.emplace_back(), *dir, name, record_file_path(slug, kind, name), parse))
                out.pop_back();
        }
    }

    const Folder& folder_;
    const RecordCache& cache_;
    Detail detail_;
    Unreadable unreadable_;
    Part& part_;
    RecordCache::Cursor cursor_;
    std::size_t released_ = 0;  // the entries before this one are given back
};

constexpr const char* kCacheFile = ".crm/cache";

// The next cache, written when it differs from the one read.
void save_if_changed(const CacheBuilder& next, const fs::path& root) {
    if (!next.changed())
        return;
    next.save(root, kCacheFile);
}

// The walk behind every entry point: the clients cut into `threads` runs in slug order,
// each walked by its own thread into `visit(part, record)`, one record at a time.
std::vector<DataError> walk(const Folder& folder, Detail detail, Unreadable unreadable,
                            std::size_t max_threads, const PartsStart& start,
                            const PartVisitor& visit, const Progress& progress) {
    const fs::path& root = folder.root();
    const RecordCache cache = RecordCache::open(root / kCacheFile);
    const fs::path clients_dir = root / kClientsDir;
    const auto clients = os::Dir::open(clients_dir);
    if (!clients && is_linked_folder(root, kClientsDir)) {
        start(1);
        return {linked_folder(std::string(kClientsDir))};
    }
    const auto slugs = clients ? os::list_dir(clients_dir) : std::vector<std::string>{};
    const std::size_t threads = std::clamp<std::size_t>(os::walker_threads(slugs.size()), 1,
                                                        std::max<std::size_t>(max_threads, 1));
    start(threads);
    if (!clients)
        return {};

    std::vector<Part> parts;
    parts.reserve(threads);
    for (std::size_t t = 0; t < threads; ++t)
        parts.emplace_back(cache);
    std::atomic<std::size_t> done = 0;
    os::run_parts(slugs.size(), threads, [&](std::size_t t, std::size_t first, std::size_t last) {
        Walker walker(folder, cache, detail, unreadable, parts[t]);
        if (first < last)
            walker.start_at(slugs[first]);
        ClientRecord rec;
        for (std::size_t i = first; i < last; ++i) {
            if (walker.load_client(*clients, slugs[i], rec))
                visit(t, rec);
            walker.release_behind();
            const std::size_t now = ++done;
            if (t == 0 && progress)  // only this thread may write to the terminal
                progress(now, slugs.size());
        }
    });
    if (progress)
        progress(slugs.size(), slugs.size());

    CacheBuilder next = std::move(parts.front().next);
    std::vector<DataError> problems = std::move(parts.front().problems);
    for (std::size_t t = 1; t < threads; ++t) {
        std::move(parts[t].problems.begin(), parts[t].problems.end(), std::back_inserter(problems));
        next.append(std::move(parts[t].next));
    }
    save_if_changed(next, root);
    return problems;
}

}  // namespace

std::vector<DataError> fold_records(const Folder& folder, Detail detail, const PartsStart& start,
                                    const PartVisitor& visit, const Progress& progress,
                                    Unreadable unreadable) {
    return walk(folder, detail, unreadable, SIZE_MAX, start, visit, progress);
}

std::vector<DataError> for_each_record(const Folder& folder, Detail detail,
                                       const RecordVisitor& visit, const Progress& progress) {
    return walk(
        folder, detail, Unreadable::skip, 1, [](std::size_t) {},
        [&](std::size_t, const ClientRecord& rec) { visit(rec); }, progress);
}

Snapshot load_all(const Folder& folder, Detail detail, const Progress& progress) {
    std::vector<std::vector<ClientRecord>> parts;
    Snapshot snap;
    snap.problems = fold_records(
        folder, detail, [&](std::size_t n) { parts.resize(n); },
        [&](std::size_t part, const ClientRecord& rec) { parts[part].push_back(rec); }, progress);
    for (auto& part : parts)
        std::move(part.begin(), part.end(), std::back_inserter(snap.clients));
    return snap;
}

}  // namespace crm::store
