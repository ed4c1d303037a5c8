#include "crm/store/cache.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>

#include "crm/os/files.hpp"
#include "crm/schema/cache_bytes.hpp"

#include "cache_format.hpp"

namespace crm::store {

namespace {

using namespace cache_format;

// The smallest summary entry: path length, stamp, two lengths.
constexpr std::size_t kMinEntry = 4 + 24 + 8;

// The checksum of a section of the mapping, read a window at a time and each window given
// back once summed: the check does not make the whole section resident.
std::uint64_t checksum_mapped(const os::MappedFile& map, const char* data, std::size_t size) {
    constexpr std::size_t kWindow = 1u << 20;
    Checksum sum;
    for (std::size_t done = 0; done < size; done += kWindow) {
        const std::size_t n = std::min(kWindow, size - done);
        map.populate(data + done, data + done + n);
        sum.update({data + done, n});
        map.release(data + done, data + done + n);
    }
    return sum.value();
}

template <class T>
T load(const char* p) {
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

}  // namespace

RecordCache::RecordCache(RecordCache&& other) noexcept {
    *this = std::move(other);
}

RecordCache& RecordCache::operator=(RecordCache&& other) noexcept {
    if (this != &other) {
        file_ = std::move(other.file_);
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

RecordCache::~RecordCache() = default;

RecordCache RecordCache::open(const std::filesystem::path& path) {
    RecordCache cache;
    auto file = os::MappedFile::open(path, sizeof(Header), kMaxCacheSize);
    if (!file)
        return cache;
    cache.file_ = std::move(*file);
    cache.map_ = cache.file_.data();
    cache.map_size_ = cache.file_.size();

    const auto h = load<Header>(cache.map_);
    if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.version != kVersion ||
        h.layout != schema::layout_fingerprint() || h.summary_size > cache.map_size_ ||
        h.detail_size > cache.map_size_ ||
        sizeof(Header) + h.summary_size + h.detail_size != cache.map_size_ ||
        h.entries > h.summary_size / kMinEntry) {
        return RecordCache{};
    }
    if (checksum_mapped(cache.file_, cache.map_ + sizeof(Header), h.summary_size) !=
        h.summary_checksum)
        return RecordCache{};

    cache.entries_.reserve(h.entries);
    std::size_t pos = sizeof(Header);
    const std::size_t end = sizeof(Header) + h.summary_size;
    std::uint64_t detail = 0;
    std::size_t read_up_to = pos;  // the pages before it are given back
    for (std::uint64_t i = 0; i < h.entries; ++i) {
        if (pos - read_up_to >= (1u << 20)) {
            cache.file_.release(cache.map_ + read_up_to, cache.map_ + pos);
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
    cache.file_.release(cache.map_ + read_up_to, cache.map_ + end);
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
            checksum_mapped(file_, map_ + detail_start_, detail_size_) == detail_checksum_;
    });
    return lazy_->detail_intact;
}

void RecordCache::release(std::size_t first, std::size_t last) const {
    last = std::min(last, entries_.size());
    if (first >= last)
        return;
    const Entry& a = entries_[first];
    const Entry& b = entries_[last - 1];
    file_.release(map_ + a.begin, map_ + b.summary + b.summary_size);
    file_.release(map_ + detail_start_ + a.detail, map_ + detail_start_ + b.detail + b.detail_size);
}

void RecordCache::release(std::string_view bytes) const {
    if (file_.holds(bytes))
        file_.release(bytes.data(), bytes.data() + bytes.size());
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

}  // namespace crm::store
