#pragma once
// A derived cache of parsed records, so that a second run reads only what changed.
//
// It lives in .crm/cache (git-ignored) and maps each record file's path to what the
// file parsed into, keyed by the file's size, modification time in nanoseconds and
// inode: a hand edit changes one of them, so it is seen on the very next run. The
// cache is never the only copy of anything: a missing, corrupt, truncated or
// old-version cache is silently ignored and rebuilt, and deleting it is always safe.
//
// Speed comes from touching as little memory as possible: the file is mapped, not read;
// entries are in the order the folder is walked, so a lookup is usually the next entry;
// and each record is split (schema/cache_bytes.hpp) into a summary section read by every run
// and a detail section read only by commands that show free text.
//
//   header    magic "CRMCACHE", u32 version, u32 the schemas' fingerprint, u64 entries, u64 summary
//   bytes,
//             u64 detail bytes, u64 summary checksum, u64 detail checksum
//   summary   per entry: u32 path length, path, u64 size, i64 mtime_ns, u64 inode,
//             u32 summary length, u32 detail length, the record's summary
//   detail    the records' details, in entry order
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crm/model/records.hpp"
#include "crm/os/mapped_file.hpp"
#include "crm/store/detail.hpp"

namespace crm::store {

struct FileStamp {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::uint64_t inode = 0;
    bool operator==(const FileStamp&) const = default;
};

// The cache as the last run left it, mapped read-only. find() and read() may be called
// from several threads at once.
class RecordCache {
  public:
    // Maps `path`; any problem gives an empty cache.
    static RecordCache open(const std::filesystem::path& path);

    RecordCache() = default;
    RecordCache(RecordCache&&) noexcept;
    RecordCache& operator=(RecordCache&&) noexcept;
    ~RecordCache();

    // Where a walker's last lookup ended. Walkers look files up in the order the cache
    // was written, so the next lookup is usually the next entry.
    struct Cursor {
        std::size_t next = 0;
    };

    // A cursor at the first entry of the client `file` (its client.yaml) is in, or where
    // that client's entries would be.
    Cursor cursor_at(std::string_view file) const;

    // The entry recorded for `file` when its stamp still matches.
    std::optional<std::size_t> find(std::string_view file, const FileStamp& stamp,
                                    Cursor& at) const;

    // Fills `record` (all but its file, and its slug for a client) from entry `i`;
    // false when the entry does not decode as that kind of record.
    bool read(std::size_t i, Client& record, Detail detail) const;
    bool read(std::size_t i, Visit& record, Detail detail) const;
    bool read(std::size_t i, Review& record, Detail detail) const;
    bool read(std::size_t i, Opportunity& record, Detail detail) const;

    // Gives back the memory of entries [first, last) once a walk has read them (whole pages
    // only): the mapping then stays small however large the cache. An entry read again
    // after this is read from the page cache as before, only a little slower.
    void release(std::size_t first, std::size_t last) const;

    // The same for bytes of the mapping (summary_bytes, detail_bytes) once copied out;
    // bytes from anywhere else are left alone.
    void release(std::string_view bytes) const;

    std::size_t size() const { return entries_.size(); }
    // The bytes a load at `detail` decodes: a measure of the memory its records take.
    std::size_t bytes(Detail detail) const {
        return map_size_ - detail_size_ + (detail == Detail::full ? detail_size_ : 0);
    }

  private:
    friend class CacheBuilder;
    struct Entry {
        std::uint32_t begin;  // the entry, from its path on, in the mapping
        std::uint32_t summary;
        std::uint32_t summary_size;
        std::uint32_t detail;  // from the start of the detail section
        std::uint32_t detail_size;
    };
    template <class Record>
    bool read_record(std::size_t i, Record& record, Detail detail) const;
    std::string_view path(std::size_t i) const;
    FileStamp stamp(std::size_t i) const;
    std::string_view summary_bytes(std::size_t first, std::size_t last) const;
    std::string_view detail_bytes(std::size_t first, std::size_t last) const;
    bool detail_intact() const;

    os::MappedFile file_;
    const char* map_ = nullptr;  // file_'s bytes
    std::size_t map_size_ = 0;
    std::size_t detail_start_ = 0;
    std::size_t detail_size_ = 0;
    std::uint64_t detail_checksum_ = 0;
    std::vector<Entry> entries_;
    // Worked out on first need, once for all threads.
    struct Lazy {
        std::once_flag by_path_once;
        std::unordered_map<std::string_view, std::size_t> by_path;
        std::once_flag detail_once;
        bool detail_intact = false;
    };
    std::unique_ptr<Lazy> lazy_ = std::make_unique<Lazy>();
};

// The next cache, in walk order: entries kept from the previous cache and records
// parsed on this run.
class CacheBuilder {
  public:
    explicit CacheBuilder(const RecordCache& previous) : previous_(previous) {}

    void keep(std::size_t entry);
    void add(std::string_view file, const FileStamp& stamp, const Client& record);
    void add(std::string_view file, const FileStamp& stamp, const Visit& record);
    void add(std::string_view file, const FileStamp& stamp, const Review& record);
    void add(std::string_view file, const FileStamp& stamp, const Opportunity& record);

    // Appends what a walker of the clients after ours built (same previous cache).
    void append(CacheBuilder&& later);

    // True when the cache to write differs from the previous one.
    bool changed() const { return added_ > 0 || kept_ != previous_.size(); }

    // Writes `root/relative` atomically; failures are ignored (the cache is an
    // optimisation), and a previous cache whose detail section is damaged is deleted.
    void save(const std::filesystem::path& root, const std::filesystem::path& relative) const;

  private:
    template <class Record>
    void add_record(std::string_view file, const FileStamp& stamp, const Record& record);
    // A run of consecutive entries: kept ones index the previous cache, added ones index
    // added_at_.
    struct Run {
        bool kept;
        std::size_t first;
        std::size_t last;
    };
    // Bytes appended in blocks that never move: an added entry is viewed where it was
    // written, a later part's blocks are joined without copying, and a first run's 60 MB
    // of new entries never sit in a doubling string (nor in two while they are joined).
    class Arena {
      public:
        std::string_view put(std::string_view bytes);
        void take(Arena&& later);

      private:
        static constexpr std::size_t kBlock = 1u << 20;
        std::vector<std::unique_ptr<char[]>> blocks_;
        std::size_t room_ = 0;  // left in the last block
        char* end_ = nullptr;   // where the last block's bytes end
    };
    struct Added {
        std::string_view summary;
        std::string_view detail;
    };
    void extend(bool kept, std::size_t index);

    const RecordCache& previous_;
    std::vector<Run> runs_;
    std::vector<Added> added_at_;
    Arena summary_;                             // added entries' summary-section bytes
    Arena detail_;                              // and their details
    std::string entry_summary_, entry_detail_;  // the entry being encoded
    std::size_t kept_ = 0;
    std::size_t added_ = 0;
};

}  // namespace crm::store
