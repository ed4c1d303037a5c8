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

    // The record parsed from `file` when its stamp still matches, else nullptr.
    const CachedRecord* find(const std::string& file, const FileStamp& stamp) const;
    void put(const std::string& file, const FileStamp& stamp, CachedRecord record);
    // Forgets entries not seen since load (deleted files) and reports whether anything
    // changed, so an unchanged folder costs no write.
    bool prune_unseen();
    void mark_seen(const std::string& file);

    // Writes atomically; failures are ignored (the cache is an optimisation).
    void save(const std::filesystem::path& path) const;

    std::size_t size() const { return entries_.size(); }

  private:
    struct Entry {
        FileStamp stamp;
        CachedRecord record;
        bool seen = false;
    };
    std::unordered_map<std::string, Entry> entries_;
    bool dirty_ = false;
};

}  // namespace crm::store
