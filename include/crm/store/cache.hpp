#pragma once
// A derived cache of parsed records, so that a second run reads only what changed.
//
// It lives in .crm/cache (git-ignored) and maps each record file's path to what the
// file parsed into, keyed by the file's size, modification time in nanoseconds and
// inode: a hand edit changes one of them, so it is seen on the very next run. The
// cache is never the only copy of anything: a missing, corrupt, truncated or
// old-version cache is silently ignored and rebuilt, and deleting it is always safe.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>

#include "crm/domain/records.hpp"

namespace crm::store {

struct FileStamp {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::uint64_t inode = 0;
    bool operator==(const FileStamp&) const = default;
};

using CachedRecord = std::variant<Client, Visit, Review>;

class RecordCache {
  public:
    // Loads `path`; any problem leaves the cache empty.
    static RecordCache load(const std::filesystem::path& path);

    // Moves out the record parsed from `file` when its stamp still matches: loading
    // never holds two copies of the folder. Entries left after loading are deleted files.
    std::optional<CachedRecord> take(const std::string& file, const FileStamp& stamp);
    bool empty() const { return entries_.empty(); }
    void put(const std::string& file, const FileStamp& stamp, CachedRecord record);

    // Writes `root/relative` atomically; failures are ignored (the cache is an optimisation).
    void save(const std::filesystem::path& root, const std::filesystem::path& relative) const;

    // The same file for records held elsewhere (a loaded folder), without copying them.
    struct Item {
        const std::string* file;
        FileStamp stamp;
        std::variant<const Client*, const Visit*, const Review*> record;
    };
    static void save_items(const std::vector<Item>& items, const std::filesystem::path& root,
                           const std::filesystem::path& relative);

    std::size_t size() const { return entries_.size(); }

  private:
    struct Entry {
        FileStamp stamp;
        CachedRecord record;
    };
    std::unordered_map<std::string, Entry> entries_;
};

}  // namespace crm::store
