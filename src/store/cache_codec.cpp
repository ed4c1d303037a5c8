#include "crm/store/cache_codec.hpp"

#include <cstdint>
#include <cstring>

namespace crm::store::cache_codec {

namespace {

// Tags the first byte of a summary, so that a visit's bytes never decode as a client.
enum Tag : std::uint8_t { kClient = 0x43, kVisit = 0x56, kReview = 0x52 };

class Writer {
  public:
    explicit Writer(std::string& out) : out_(out) {}
    void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
    void u32(std::uint32_t v) { out_.append(reinterpret_cast<const char*>(&v), sizeof v); }
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

  private:
    std::string& out_;
};

// Reads what Writer wrote; any overrun or impossible value makes ok() false.
class Reader {
  public:
    explicit Reader(std::string_view in) : in_(in) {}
    bool ok() const { return ok_; }
    bool finished() const { return ok_ && pos_ == in_.size(); }
    void fail() { ok_ = false; }

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
        switch (u8()) {
            case 0:
                return std::nullopt;
            case 1:
                return date();
            default:
                ok_ = false;
                return std::nullopt;
        }
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
    // A count can never exceed the bytes left; checking keeps corrupt bytes from asking
    // for gigabytes.
    std::size_t count() {
        std::uint32_t n = u32();
        if (!ok_ || n > in_.size() - pos_) {
            ok_ = false;
            return 0;
        }
        return n;
    }

  private:
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

void write_cadence(Writer& w, const std::optional<Cadence>& every) {
    w.u8(!every ? 0 : every->is_never() ? 1 : 2);
    if (every && every->every) {
        w.u32(static_cast<std::uint32_t>(every->every->count));
        w.u8(static_cast<std::uint8_t>(every->every->unit));
    }
}

std::optional<Cadence> read_cadence(Reader& r) {
    switch (r.u8()) {
        case 0:
            return std::nullopt;
        case 1:
            return Cadence::never();
        case 2: {
            Duration d;
            d.count = static_cast<int>(r.u32());
            std::uint8_t unit = r.u8();
            if (unit > static_cast<std::uint8_t>(Duration::Unit::years))
                r.fail();
            d.unit = static_cast<Duration::Unit>(unit);
            return Cadence{d};
        }
        default:
            r.fail();
            return std::nullopt;
    }
}

}  // namespace

void encode(const Client& c, std::string& summary, std::string& /*detail*/) {
    Writer w(summary);
    w.u8(kClient);
    w.str(c.name);
    w.str(c.stage);
    w.str(c.tier);
    write_cadence(w, c.every);
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

void encode(const Visit& v, std::string& summary, std::string& detail) {
    Writer s(summary);
    s.u8(kVisit);
    s.date(v.date);
    s.str(v.by);
    s.str(v.kind);
    s.opt_date(v.next_contact);
    s.commitments(v.promises);
    s.commitments(v.actions);
    Writer d(detail);
    d.str(v.where);
    d.str(v.initiated_by);
    d.strings(v.with);
    d.strings(v.discussed);
    d.strings(v.new_topics);
    d.str(v.notes);
    d.custom(v.custom);
}

void encode(const Review& r, std::string& summary, std::string& /*detail*/) {
    Writer s(summary);
    s.u8(kReview);
    s.date(r.date);
    s.str(r.by);
    s.str(r.project);
    s.u8(static_cast<std::uint8_t>(r.rating));
    s.str(r.why);
    s.strings(r.went_well);
    s.strings(r.to_improve);
    s.str(r.testimonial);
    s.strings(r.referrals);
    s.custom(r.custom);
}

bool decode_summary(std::string_view in, Client& c) {
    Reader r(in);
    if (r.u8() != kClient)
        return false;
    c.name = r.str();
    c.stage = r.str();
    c.tier = r.str();
    c.every = read_cadence(r);
    c.owner = r.str();
    c.since = r.opt_date();
    c.stage_since = r.opt_date();
    c.ratings.potential = r.opt_int();
    c.ratings.compatibility = r.opt_int();
    c.ratings.profitability = r.opt_int();
    c.contacts.resize(r.count());
    for (auto& p : c.contacts) {
        p.name = r.str();
        p.role = r.str();
        p.email = r.str();
        p.phone = r.str();
        p.notes = r.str();
    }
    c.tags = r.strings();
    c.watchers = r.strings();
    c.notes = r.str();
    c.custom = r.custom();
    return r.finished();
}

bool decode_summary(std::string_view in, Visit& v) {
    Reader r(in);
    if (r.u8() != kVisit)
        return false;
    v.date = r.date();
    v.by = r.str();
    v.kind = r.str();
    v.next_contact = r.opt_date();
    v.promises = r.commitments();
    v.actions = r.commitments();
    return r.finished();
}

bool decode_summary(std::string_view in, Review& rv) {
    Reader r(in);
    if (r.u8() != kReview)
        return false;
    rv.date = r.date();
    rv.by = r.str();
    rv.project = r.str();
    std::uint8_t rating = r.u8();
    if (rating > static_cast<std::uint8_t>(Rating::elated))
        return false;
    rv.rating = static_cast<Rating>(rating);
    rv.why = r.str();
    rv.went_well = r.strings();
    rv.to_improve = r.strings();
    rv.testimonial = r.str();
    rv.referrals = r.strings();
    rv.custom = r.custom();
    return r.finished();
}

bool decode_detail(std::string_view in, Client& /*c*/) {
    return in.empty();
}

bool decode_detail(std::string_view in, Visit& v) {
    Reader r(in);
    v.where = r.str();
    v.initiated_by = r.str();
    v.with = r.strings();
    v.discussed = r.strings();
    v.new_topics = r.strings();
    v.notes = r.str();
    v.custom = r.custom();
    return r.finished();
}

bool decode_detail(std::string_view in, Review& /*r*/) {
    return in.empty();
}

void drop_detail(Client& /*c*/) {}

void drop_detail(Visit& v) {
    Visit empty;
    v.where = std::move(empty.where);
    v.initiated_by = std::move(empty.initiated_by);
    v.with = std::move(empty.with);
    v.discussed = std::move(empty.discussed);
    v.new_topics = std::move(empty.new_topics);
    v.notes = std::move(empty.notes);
    v.custom = std::move(empty.custom);
}

void drop_detail(Review& /*r*/) {}

}  // namespace crm::store::cache_codec
