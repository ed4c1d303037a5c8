#include "crm/store/cache.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>

#include "crm/os/files.hpp"
#include "crm/schema/cache_bytes.hpp"

namespace crm::store {

namespace {

// Bump when the layout of this file changes; the records' layout is the schemas'
// fingerprint, stored beside it. Either differing, the old cache is rebuilt.
constexpr char kMagic[8] = {'C', 'R', 'M', 'C', 'A', 'C', 'H', 'E'};
constexpr std::uint32_t kVersion = 4;
constexpr std::size_t kMaxCacheSize = 1024u * 1024 * 1024;

struct Header {
    char magic[8];
    std::uint32_t version;
    std::uint32_t layout;  // schema::layout_fingerprint()
    std::uint64_t entries;
    std::uint64_t summary_size;
    std::uint64_t detail_size;
    std::uint64_t summary_checksum;
    std::uint64_t detail_checksum;
};
static_assert(sizeof(Header) == 56);

// The smallest summary entry: path length, stamp, two lengths.
constexpr std::size_t kMinEntry = 4 + 24 + 8;

// A checksum that reads eight bytes at a time: a byte-wise hash of the 25 MB cache of a
// firm's folder would cost more than the rest of a warm run. Each step is a bijection
// of the running value, so any one changed word changes the result.
class Checksum {
  public:
    void update(std::string_view data) {
        length_ += data.size();
        while (!data.empty() && pending_ != 0) {
            take_byte(static_cast<unsigned char>(data.front()));
            data.remove_prefix(1);
        }
        while (data.size() >= 8) {
            std::uint64_t word;
            std::memcpy(&word, data.data(), 8);
            mix(word);
            data.remove_prefix(8);
        }
        for (char c : data)
            take_byte(static_cast<unsigned char>(c));
    }
    std::uint64_t value() const {
        std::uint64_t h = (hash_ ^ word_ ^ length_) * kPrime;
        return h ^ (h >> 32);
    }

  private:
    static constexpr std::uint64_t kPrime = 0x100000001b3ull * 0x9E3779B1ull | 1;
    void mix(std::uint64_t word) { hash_ = (hash_ ^ word) * kPrime; }
    void take_byte(unsigned char c) {
        word_ |= static_cast<std::uint64_t>(c) << (8 * pending_);
        if (++pending_ == 8) {
            mix(word_);
            word_ = 0;
            pending_ = 0;
        }
    }
    std::uint64_t hash_ = 0xcbf29ce484222325ull;
    std::uint64_t word_ = 0;
    unsigned pending_ = 0;
    std::uint64_t length_ = 0;
};

// Gives the whole pages inside [begin, end) of a read-only mapping back to the kernel. The
// mapping is private and never written, so a page read again comes back from the page
// cache as it was: this only keeps the pages of a 60 MB cache from all staying resident
// (counted in the process's memory) once they have been read.
void drop_pages(const char* begin, const char* end) {
    static const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    const auto first = (reinterpret_cast<std::uintptr_t>(begin) + page - 1) & ~(page - 1);
    const auto last = reinterpret_cast<std::uintptr_t>(end) & ~(page - 1);
    if (last > first)
        // A page-aligned address inside the mapping, as madvise wants.
        ::madvise(reinterpret_cast<void*>(first),  // NOLINT(performance-no-int-to-ptr)
                  last - first, MADV_DONTNEED);
}

// The checksum of a section of the mapping, read a window at a time and each window given
// back once summed: the check does not make the whole section resident.
std::uint64_t checksum_mapped(const char* data, std::size_t size) {
    constexpr std::size_t kWindow = 1u << 20;
    Checksum sum;
    for (std::size_t done = 0; done < size; done += kWindow) {
        const std::size_t n = std::min(kWindow, size - done);
#ifdef MADV_POPULATE_READ
        // One call maps the window's pages, instead of a fault per page as it is read.
        ::madvise(const_cast<char*>(data + done), n, MADV_POPULATE_READ);
#endif
        sum.update({data + done, n});
        drop_pages(data + done, data + done + n);
    }
    return sum.value();
}

template <class T>
T load(const char* p) {
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

// Appends `bytes` to the parts of a file, as a longer view when they follow the last part
// in memory (entries written one after another into the same block).
void push_view(std::vector<std::string_view>& parts, std::string_view bytes) {
    if (bytes.empty())
        return;
    if (!parts.empty() && parts.back().data() + parts.back().size() == bytes.data())
        parts.back() = {parts.back().data(), parts.back().size() + bytes.size()};
    else
        parts.push_back(bytes);
}

template <class T>
void put_raw(std::string& out, T v) {
    out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

}  // namespace

RecordCache::RecordCache(RecordCache&& other) noexcept {
    *this = std::move(other);
}

RecordCache& RecordCache::operator=(RecordCache&& other) noexcept {
    if (this != &other) {
        unmap();
        map_ = std::exchange(other.map_, nullptr);
        map_size_ = std::exchange(other.map_size_, 0);
        detail_start_ = other.detail_start_;
        detail_size_ = other.detail_size_;
        detail_checksum_ = other.detail_checksum_;
        entries_ = std::move(other.entries_);
        lazy_ = std::exchange(other.lazy_, std::make_unique<Lazy>());
    }
    return *this;
}

RecordCache::~RecordCache() {
    unmap();
}

void RecordCache::unmap() {
    if (map_)
        ::munmap(const_cast<char*>(map_), map_size_);
    map_ = nullptr;
}

RecordCache RecordCache::open(const std::filesystem::path& path) {
    RecordCache cache;
    int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return cache;
    struct stat st;
    const bool usable = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
                        static_cast<std::size_t>(st.st_size) >= sizeof(Header) &&
                        static_cast<std::size_t>(st.st_size) <= kMaxCacheSize;
    void* map = usable ? ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ,
                                MAP_PRIVATE, fd, 0)
                       : MAP_FAILED;
    ::close(fd);
    if (map == MAP_FAILED)
        return cache;
    cache.map_ = static_cast<const char*>(map);
    cache.map_size_ = static_cast<std::size_t>(st.st_size);

    const auto h = load<Header>(cache.map_);
    if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.version != kVersion ||
        h.layout != schema::layout_fingerprint() || h.summary_size > cache.map_size_ ||
        h.detail_size > cache.map_size_ ||
        sizeof(Header) + h.summary_size + h.detail_size != cache.map_size_ ||
        h.entries > h.summary_size / kMinEntry) {
        return RecordCache{};
    }
    if (checksum_mapped(cache.map_ + sizeof(Header), h.summary_size) != h.summary_checksum)
        return RecordCache{};

    cache.entries_.reserve(h.entries);
    std::size_t pos = sizeof(Header);
    const std::size_t end = sizeof(Header) + h.summary_size;
    std::uint64_t detail = 0;
    std::size_t read_up_to = pos;  // the pages before it are given back
    for (std::uint64_t i = 0; i < h.entries; ++i) {
        if (pos - read_up_to >= (1u << 20)) {
            drop_pages(cache.map_ + read_up_to, cache.map_ + pos);
            read_up_to = pos;
        }
        if (end - pos < kMinEntry)
            return RecordCache{};
        const std::size_t begin = pos;
        const auto path_size = load<std::uint32_t>(cache.map_ + pos);
        if (path_size > end - pos - kMinEntry)
            return RecordCache{};
        pos += 4 + path_size + 24;
        const auto summary_size = load<std::uint32_t>(cache.map_ + pos);
        const auto detail_size = load<std::uint32_t>(cache.map_ + pos + 4);
        pos += 8;
        if (summary_size > end - pos || detail_size > h.detail_size - detail)
            return RecordCache{};
        cache.entries_.push_back({static_cast<std::uint32_t>(begin),
                                  static_cast<std::uint32_t>(pos), summary_size,
                                  static_cast<std::uint32_t>(detail), detail_size});
        pos += summary_size;
        detail += detail_size;
    }
    if (pos != end || detail != h.detail_size)
        return RecordCache{};
    drop_pages(cache.map_ + read_up_to, cache.map_ + end);
    cache.detail_start_ = end;
    cache.detail_size_ = h.detail_size;
    cache.detail_checksum_ = h.detail_checksum;
    return cache;
}

std::string_view RecordCache::path(std::size_t i) const {
    const char* p = map_ + entries_[i].begin;
    return {p + 4, load<std::uint32_t>(p)};
}

FileStamp RecordCache::stamp(std::size_t i) const {
    const char* p = map_ + entries_[i].begin;
    p += 4 + load<std::uint32_t>(p);
    return {load<std::uint64_t>(p), load<std::int64_t>(p + 8), load<std::uint64_t>(p + 16)};
}

namespace {

// The client folder a record's path is in: "acme" for clients/acme/visits/x.yaml.
std::string_view slug_of(std::string_view path) {
    const auto first = path.find('/');
    if (first == std::string_view::npos)
        return {};
    path.remove_prefix(first + 1);
    return path.substr(0, path.find('/'));
}

}  // namespace

RecordCache::Cursor RecordCache::cursor_at(std::string_view file) const {
    // Entries are in walk order, clients in slug order: a binary search by slug finds the
    // client's first entry in a few probes, where a scan would read half the cache's pages
    // to start the second thread. When the entry there is another file (the folder changed
    // shape), find() looks it up by path.
    const std::string_view slug = slug_of(file);
    std::size_t lo = 0;
    std::size_t hi = entries_.size();
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (slug_of(path(mid)) < slug)
            lo = mid + 1;
        else
            hi = mid;
    }
    return Cursor{lo};
}

std::optional<std::size_t> RecordCache::find(std::string_view file, const FileStamp& stamp,
                                             Cursor& at) const {
    std::size_t i = at.next;
    if (i >= entries_.size() || path(i) != file) {
        // The folder changed shape since the cache was written, or this walker starts
        // in the middle: look up by path.
        std::call_once(lazy_->by_path_once, [this] {
            lazy_->by_path.reserve(entries_.size());
            for (std::size_t k = 0; k < entries_.size(); ++k)
                lazy_->by_path.emplace(path(k), k);
        });
        auto it = lazy_->by_path.find(file);
        if (it == lazy_->by_path.end())
            return std::nullopt;
        i = it->second;
    }
    at.next = i + 1;
    if (!(this->stamp(i) == stamp))
        return std::nullopt;
    return i;
}

bool RecordCache::detail_intact() const {
    std::call_once(lazy_->detail_once, [this] {
        lazy_->detail_intact =
            checksum_mapped(map_ + detail_start_, detail_size_) == detail_checksum_;
    });
    return lazy_->detail_intact;
}

void RecordCache::release(std::size_t first, std::size_t last) const {
    last = std::min(last, entries_.size());
    if (first >= last)
        return;
    const Entry& a = entries_[first];
    const Entry& b = entries_[last - 1];
    drop_pages(map_ + a.begin, map_ + b.summary + b.summary_size);
    drop_pages(map_ + detail_start_ + a.detail, map_ + detail_start_ + b.detail + b.detail_size);
}

void RecordCache::release(std::string_view bytes) const {
    if (map_ && bytes.data() >= map_ && bytes.data() + bytes.size() <= map_ + map_size_)
        drop_pages(bytes.data(), bytes.data() + bytes.size());
}

template <class Record>
bool RecordCache::read_record(std::size_t i, Record& record, Detail detail) const {
    const Entry& e = entries_[i];
    if (!schema::decode_summary({map_ + e.summary, e.summary_size}, record))
        return false;
    if (detail == Detail::summary)
        return true;
    return detail_intact() &&
           schema::decode_detail({map_ + detail_start_ + e.detail, e.detail_size}, record);
}

bool RecordCache::read(std::size_t i, Client& record, Detail detail) const {
    return read_record(i, record, detail);
}
bool RecordCache::read(std::size_t i, Visit& record, Detail detail) const {
    return read_record(i, record, detail);
}
bool RecordCache::read(std::size_t i, Review& record, Detail detail) const {
    return read_record(i, record, detail);
}
bool RecordCache::read(std::size_t i, Opportunity& record, Detail detail) const {
    return read_record(i, record, detail);
}

std::string_view RecordCache::summary_bytes(std::size_t first, std::size_t last) const {
    const Entry& a = entries_[first];
    const Entry& b = entries_[last - 1];
    return {map_ + a.begin, b.summary + b.summary_size - a.begin};
}

std::string_view RecordCache::detail_bytes(std::size_t first, std::size_t last) const {
    const Entry& a = entries_[first];
    const Entry& b = entries_[last - 1];
    return {map_ + detail_start_ + a.detail, b.detail + b.detail_size - a.detail};
}

void CacheBuilder::extend(bool kept, std::size_t index) {
    if (!runs_.empty() && runs_.back().kept == kept && runs_.back().last == index)
        ++runs_.back().last;
    else
        runs_.push_back({kept, index, index + 1});
}

std::string_view CacheBuilder::Arena::put(std::string_view bytes) {
    if (bytes.empty())
        return {};
    if (bytes.size() > room_) {
        const std::size_t size = std::max(kBlock, bytes.size());
        blocks_.push_back(std::make_unique<char[]>(size));
        end_ = blocks_.back().get();
        room_ = size;
    }
    std::memcpy(end_, bytes.data(), bytes.size());
    const std::string_view out(end_, bytes.size());
    end_ += bytes.size();
    room_ -= bytes.size();
    return out;
}

void CacheBuilder::Arena::take(Arena&& later) {
    for (auto& block : later.blocks_)
        blocks_.push_back(std::move(block));
    later.blocks_.clear();
    if (later.end_) {  // its last block is now ours
        end_ = std::exchange(later.end_, nullptr);
        room_ = std::exchange(later.room_, 0);
    }
}

void CacheBuilder::append(CacheBuilder&& later) {
    const std::size_t index_shift = added_at_.size();
    summary_.take(std::move(later.summary_));
    detail_.take(std::move(later.detail_));
    added_at_.insert(added_at_.end(), later.added_at_.begin(), later.added_at_.end());
    for (const Run& run : later.runs_) {
        const std::size_t shift = run.kept ? 0 : index_shift;
        if (!runs_.empty() && runs_.back().kept == run.kept &&
            runs_.back().last == run.first + shift)
            runs_.back().last = run.last + shift;
        else
            runs_.push_back({run.kept, run.first + shift, run.last + shift});
    }
    kept_ += later.kept_;
    added_ += later.added_;
}

void CacheBuilder::keep(std::size_t entry) {
    extend(true, entry);
    ++kept_;
}

template <class Record>
void CacheBuilder::add_record(std::string_view file, const FileStamp& stamp, const Record& record) {
    std::string& summary = entry_summary_;
    std::string& detail = entry_detail_;
    summary.clear();
    detail.clear();
    put_raw(summary, static_cast<std::uint32_t>(file.size()));
    summary.append(file);
    put_raw(summary, stamp.size);
    put_raw(summary, stamp.mtime_ns);
    put_raw(summary, stamp.inode);
    const std::size_t lengths = summary.size();
    summary.append(8, '\0');
    schema::encode(record, summary, detail);
    const auto summary_size = static_cast<std::uint32_t>(summary.size() - lengths - 8);
    const auto detail_size = static_cast<std::uint32_t>(detail.size());
    std::memcpy(summary.data() + lengths, &summary_size, 4);
    std::memcpy(summary.data() + lengths + 4, &detail_size, 4);
    extend(false, added_at_.size());
    added_at_.push_back({summary_.put(summary), detail_.put(detail)});
    ++added_;
}

void CacheBuilder::add(std::string_view file, const FileStamp& stamp, const Client& record) {
    add_record(file, stamp, record);
}
void CacheBuilder::add(std::string_view file, const FileStamp& stamp, const Visit& record) {
    add_record(file, stamp, record);
}
void CacheBuilder::add(std::string_view file, const FileStamp& stamp, const Review& record) {
    add_record(file, stamp, record);
}
void CacheBuilder::add(std::string_view file, const FileStamp& stamp, const Opportunity& record) {
    add_record(file, stamp, record);
}

void CacheBuilder::save(const std::filesystem::path& root,
                        const std::filesystem::path& relative) const {
    if (kept_ > 0 && !previous_.detail_intact()) {
        // Copying its entries would carry the damage over; the next run starts afresh.
        ::unlink((root / relative).c_str());
        return;
    }
    std::vector<std::string_view> summary, detail;
    // Kept entries are copied from the old mapping a window at a time, each window given
    // back once written: a run after one edit copies the whole cache.
    auto windows = [](std::vector<std::string_view>& parts, std::string_view bytes) {
        constexpr std::size_t kWindow = 1u << 20;
        for (; bytes.size() > kWindow; bytes.remove_prefix(kWindow))
            parts.push_back(bytes.substr(0, kWindow));
        parts.push_back(bytes);
    };
    for (const Run& run : runs_) {
        if (run.kept) {
            windows(summary, previous_.summary_bytes(run.first, run.last));
            windows(detail, previous_.detail_bytes(run.first, run.last));
            continue;
        }
        for (std::size_t i = run.first; i < run.last; ++i) {
            push_view(summary, added_at_[i].summary);
            push_view(detail, added_at_[i].detail);
        }
    }
    Header h{};
    std::memcpy(h.magic, kMagic, sizeof kMagic);
    h.version = kVersion;
    h.layout = schema::layout_fingerprint();
    h.entries = kept_ + added_;
    for (auto part : summary)
        h.summary_size += part.size();
    for (auto part : detail)
        h.detail_size += part.size();
    // Summed as they will be written: each part of the old mapping given back once summed.
    auto checksum_of = [this](const std::vector<std::string_view>& parts) {
        Checksum sum;
        for (auto part : parts) {
            sum.update(part);
            previous_.release(part);
        }
        return sum.value();
    };
    h.summary_checksum = checksum_of(summary);
    h.detail_checksum = checksum_of(detail);

    std::vector<std::string_view> parts{{reinterpret_cast<const char*>(&h), sizeof h}};
    parts.insert(parts.end(), summary.begin(), summary.end());
    parts.insert(parts.end(), detail.begin(), detail.end());
    try {
        os::write_atomic_derived(root, relative, parts,
                                 [this](std::string_view part) { previous_.release(part); });
    } catch (...) {
        // A read-only folder still gets its report; only the next run is slower.
    }
}

}  // namespace crm::store
