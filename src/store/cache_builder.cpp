// CacheBuilder: the next record cache, in walk order, written atomically (cache.hpp).
#include <algorithm>
#include <cstring>
#include <utility>

#include "crm/os/files.hpp"
#include "crm/schema/cache_bytes.hpp"
#include "crm/store/cache.hpp"

#include "cache_format.hpp"

namespace crm::store {

using namespace cache_format;

namespace {

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
        os::remove_if_present(root / relative);
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
