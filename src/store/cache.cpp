#include "crm/store/cache.hpp"

#include <cstring>

#include "crm/store/files.hpp"

namespace crm::store {

namespace {

// Bump when the layout of any record or of this file changes: old caches are rebuilt.
constexpr char kMagic[8] = {'C', 'R', 'M', 'C', 'A', 'C', 'H', 'E'};
constexpr std::uint32_t kVersion = 1;
constexpr std::size_t kMaxCacheSize = 512u * 1024 * 1024;

class Writer {
  public:
    void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
    void u32(std::uint32_t v) { raw(&v, sizeof v); }
    void u64(std::uint64_t v) { raw(&v, sizeof v); }
    void i64(std::int64_t v) { raw(&v, sizeof v); }
    void str(const std::string& s) {
        u32(static_cast<std::uint32_t>(s.size()));
        out_.append(s);
    }
    void date(Date d) { u32(static_cast<std::uint32_t>(d.days())); }
    void opt_date(const std::optional<Date>& d) {
        u8(d ? 1 : 0);
        if (d)
            date(*d);
    }
    void opt_int(const std::optional<int>& v) { u8(v ? static_cast<std::uint8_t>(*v + 1) : 0); }
    void strings(const std::vector<std::string>& v) {
        u32(static_cast<std::uint32_t>(v.size()));
        for (const auto& s : v)
            str(s);
    }
    void custom(const CustomFields& c) {
        u32(static_cast<std::uint32_t>(c.size()));
        for (const auto& [k, v] : c) {
            str(k);
            str(v);
        }
    }
    void commitments(const std::vector<Commitment>& items) {
        u32(static_cast<std::uint32_t>(items.size()));
        for (const auto& c : items) {
            str(c.what);
            opt_date(c.due);
            opt_date(c.done);
        }
    }
    std::string& data() { return out_; }

  private:
    void raw(const void* p, std::size_t n) { out_.append(static_cast<const char*>(p), n); }
    std::string out_;
};

// Reads what Writer wrote; any overrun marks the whole cache bad.
class Reader {
  public:
    explicit Reader(std::string_view in) : in_(in) {}
    bool ok() const { return ok_; }
    bool done() const { return pos_ == in_.size(); }

    std::uint8_t u8() {
        std::uint8_t v = 0;
        raw(&v, 1);
        return v;
    }
    std::uint32_t u32() {
        std::uint32_t v = 0;
        raw(&v, sizeof v);
        return v;
    }
    std::uint64_t u64() {
        std::uint64_t v = 0;
        raw(&v, sizeof v);
        return v;
    }
    std::int64_t i64() {
        std::int64_t v = 0;
        raw(&v, sizeof v);
        return v;
    }
    std::string str() {
        std::uint32_t n = u32();
        if (!ok_ || n > in_.size() - pos_) {
            ok_ = false;
            return {};
        }
        std::string s(in_.substr(pos_, n));
        pos_ += n;
        return s;
    }
    Date date() { return Date::from_days(static_cast<std::int32_t>(u32())); }
    std::optional<Date> opt_date() {
        if (u8() == 0)
            return std::nullopt;
        return date();
    }
    std::optional<int> opt_int() {
        std::uint8_t v = u8();
        if (v == 0)
            return std::nullopt;
        return v - 1;
    }
    std::vector<std::string> strings() {
        std::vector<std::string> v(count());
        for (auto& s : v)
            s = str();
        return v;
    }
    CustomFields custom() {
        CustomFields c(count());
        for (auto& [k, v] : c) {
            k = str();
            v = str();
        }
        return c;
    }
    std::vector<Commitment> commitments() {
        std::vector<Commitment> items(count());
        for (auto& c : items) {
            c.what = str();
            c.due = opt_date();
            c.done = opt_date();
        }
        return items;
    }

  private:
    // A count can never exceed the bytes left; checking keeps a corrupt file from
    // asking for gigabytes.
    std::size_t count() {
        std::uint32_t n = u32();
        if (!ok_ || n > in_.size() - pos_) {
            ok_ = false;
            return 0;
        }
        return n;
    }
    void raw(void* p, std::size_t n) {
        if (!ok_ || n > in_.size() - pos_) {
            ok_ = false;
            std::memset(p, 0, n);
            return;
        }
        std::memcpy(p, in_.data() + pos_, n);
        pos_ += n;
    }
    std::string_view in_;
    std::size_t pos_ = 0;
    bool ok_ = true;
};

void write_record(Writer& w, const Client& c) {
    w.u8(0);
    w.str(c.slug);
    w.str(c.file);
    w.str(c.name);
    w.str(c.stage);
    w.str(c.tier);
    w.u8(!c.every ? 0 : c.every->is_never() ? 1 : 2);
    if (c.every && c.every->every) {
        w.u32(static_cast<std::uint32_t>(c.every->every->count));
        w.u8(static_cast<std::uint8_t>(c.every->every->unit));
    }
    w.str(c.owner);
    w.opt_date(c.since);
    w.opt_date(c.stage_since);
    w.opt_int(c.ratings.potential);
    w.opt_int(c.ratings.compatibility);
    w.opt_int(c.ratings.profitability);
    w.u32(static_cast<std::uint32_t>(c.contacts.size()));
    for (const auto& p : c.contacts) {
        w.str(p.name);
        w.str(p.role);
        w.str(p.email);
        w.str(p.phone);
        w.str(p.notes);
    }
    w.strings(c.tags);
    w.strings(c.watchers);
    w.str(c.notes);
    w.custom(c.custom);
}

void write_record(Writer& w, const Visit& v) {
    w.u8(1);
    w.str(v.file);
    w.date(v.date);
    w.str(v.by);
    w.str(v.kind);
    w.str(v.where);
    w.str(v.initiated_by);
    w.strings(v.with);
    w.strings(v.discussed);
    w.strings(v.new_topics);
    w.commitments(v.promises);
    w.commitments(v.actions);
    w.opt_date(v.next_contact);
    w.str(v.notes);
    w.custom(v.custom);
}

void write_record(Writer& w, const Review& r) {
    w.u8(2);
    w.str(r.file);
    w.date(r.date);
    w.str(r.by);
    w.str(r.project);
    w.u8(static_cast<std::uint8_t>(r.rating));
    w.str(r.why);
    w.strings(r.went_well);
    w.strings(r.to_improve);
    w.str(r.testimonial);
    w.strings(r.referrals);
    w.custom(r.custom);
}

std::optional<CachedRecord> read_record(Reader& r) {
    switch (r.u8()) {
        case 0: {
            Client c;
            c.slug = r.str();
            c.file = r.str();
            c.name = r.str();
            c.stage = r.str();
            c.tier = r.str();
            std::uint8_t every = r.u8();
            if (every == 1)
                c.every = Cadence::never();
            if (every == 2) {
                Duration d;
                d.count = static_cast<int>(r.u32());
                d.unit = static_cast<Duration::Unit>(r.u8() & 3);
                c.every = Cadence{d};
            }
            c.owner = r.str();
            c.since = r.opt_date();
            c.stage_since = r.opt_date();
            c.ratings.potential = r.opt_int();
            c.ratings.compatibility = r.opt_int();
            c.ratings.profitability = r.opt_int();
            std::uint32_t n = r.u32();
            for (std::uint32_t i = 0; i < n && r.ok(); ++i) {
                Contact p;
                p.name = r.str();
                p.role = r.str();
                p.email = r.str();
                p.phone = r.str();
                p.notes = r.str();
                c.contacts.push_back(std::move(p));
            }
            c.tags = r.strings();
            c.watchers = r.strings();
            c.notes = r.str();
            c.custom = r.custom();
            return c;
        }
        case 1: {
            Visit v;
            v.file = r.str();
            v.date = r.date();
            v.by = r.str();
            v.kind = r.str();
            v.where = r.str();
            v.initiated_by = r.str();
            v.with = r.strings();
            v.discussed = r.strings();
            v.new_topics = r.strings();
            v.promises = r.commitments();
            v.actions = r.commitments();
            v.next_contact = r.opt_date();
            v.notes = r.str();
            v.custom = r.custom();
            return v;
        }
        case 2: {
            Review v;
            v.file = r.str();
            v.date = r.date();
            v.by = r.str();
            v.project = r.str();
            std::uint8_t rating = r.u8();
            if (rating > static_cast<std::uint8_t>(Rating::elated))
                return std::nullopt;
            v.rating = static_cast<Rating>(rating);
            v.why = r.str();
            v.went_well = r.strings();
            v.to_improve = r.strings();
            v.testimonial = r.str();
            v.referrals = r.strings();
            v.custom = r.custom();
            return v;
        }
        default:
            return std::nullopt;
    }
}

std::uint64_t checksum(std::string_view data) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : data) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

}  // namespace

RecordCache RecordCache::load(const std::filesystem::path& path) {
    RecordCache cache;
    std::optional<std::string> data;
    try {
        data = read_file(path, kMaxCacheSize);
    } catch (...) {
        return cache;
    }
    constexpr std::size_t kHeader = sizeof kMagic + sizeof(std::uint32_t);
    constexpr std::size_t kTrailer = sizeof(std::uint64_t);
    if (!data || data->size() < kHeader + kTrailer || data->size() > kMaxCacheSize)
        return cache;
    std::string_view all(*data);
    if (std::memcmp(all.data(), kMagic, sizeof kMagic) != 0)
        return cache;
    std::uint32_t version;
    std::memcpy(&version, all.data() + sizeof kMagic, sizeof version);
    if (version != kVersion)
        return cache;
    std::string_view body = all.substr(kHeader, all.size() - kHeader - kTrailer);
    std::uint64_t stored;
    std::memcpy(&stored, all.data() + all.size() - kTrailer, sizeof stored);
    if (checksum(body) != stored)
        return cache;

    Reader r(body);
    std::uint32_t n = r.u32();
    cache.entries_.reserve(std::min<std::size_t>(n, body.size() / 16));
    for (std::uint32_t i = 0; i < n && r.ok(); ++i) {
        std::string file = r.str();
        FileStamp stamp{r.u64(), r.i64(), r.u64()};
        auto record = read_record(r);
        if (!record || !r.ok())
            return RecordCache{};
        cache.entries_.emplace(std::move(file), Entry{stamp, std::move(*record)});
    }
    if (!r.ok() || !r.done())
        return RecordCache{};
    return cache;
}

std::optional<CachedRecord> RecordCache::take(const std::string& file, const FileStamp& stamp) {
    auto it = entries_.find(file);
    if (it == entries_.end() || !(it->second.stamp == stamp))
        return std::nullopt;
    CachedRecord record = std::move(it->second.record);
    entries_.erase(it);
    return record;
}

void RecordCache::put(const std::string& file, const FileStamp& stamp, CachedRecord record) {
    entries_.insert_or_assign(file, Entry{stamp, std::move(record)});
}

namespace {

void write_file(const Writer& body, const std::filesystem::path& root,
                const std::filesystem::path& relative) {
    std::string out(kMagic, sizeof kMagic);
    out.append(reinterpret_cast<const char*>(&kVersion), sizeof kVersion);
    out += const_cast<Writer&>(body).data();
    std::uint64_t sum = checksum(const_cast<Writer&>(body).data());
    out.append(reinterpret_cast<const char*>(&sum), sizeof sum);
    try {
        write_atomic(root, relative, out);
    } catch (...) {
        // A read-only folder still gets its report; only the next run is slower.
    }
}

void write_entry(Writer& body, const std::string& file, const FileStamp& stamp) {
    body.str(file);
    body.u64(stamp.size);
    body.i64(stamp.mtime_ns);
    body.u64(stamp.inode);
}

}  // namespace

void RecordCache::save(const std::filesystem::path& root,
                       const std::filesystem::path& relative) const {
    Writer body;
    body.u32(static_cast<std::uint32_t>(entries_.size()));
    for (const auto& [file, entry] : entries_) {
        write_entry(body, file, entry.stamp);
        std::visit([&](const auto& rec) { write_record(body, rec); }, entry.record);
    }
    write_file(body, root, relative);
}

void RecordCache::save_items(const std::vector<Item>& items, const std::filesystem::path& root,
                             const std::filesystem::path& relative) {
    Writer body;
    body.u32(static_cast<std::uint32_t>(items.size()));
    for (const auto& item : items) {
        write_entry(body, *item.file, item.stamp);
        std::visit([&](const auto* rec) { write_record(body, *rec); }, item.record);
    }
    write_file(body, root, relative);
}

}  // namespace crm::store
