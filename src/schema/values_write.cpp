// Writing each kind of value as YAML lines, and its bytes in the record cache.
#include "crm/model/contact.hpp"
#include "crm/schema/values.hpp"
#include "crm/util/format.hpp"

namespace crm::schema {

namespace {

void write_text(yaml::Writer& w, std::string_view key, std::string_view v, Style style) {
    if (style == Style::prose)
        w.text(key, v);
    else
        w.field(key, v, style == Style::keep_empty);
}

void date(BinaryWriter& w, Date d) {
    w.u32(static_cast<std::uint32_t>(d.days()));
}
Date date(BinaryReader& r) {
    return Date::from_days(static_cast<std::int32_t>(r.u32()));
}

void opt_int(BinaryWriter& w, const std::optional<int>& v) {
    w.u8(v ? static_cast<std::uint8_t>(*v + 1) : 0);
}
std::optional<int> opt_int(BinaryReader& r) {
    std::uint8_t v = r.u8();
    return v == 0 ? std::nullopt : std::optional<int>(v - 1);
}

void duration(BinaryWriter& w, const Duration& d) {
    w.u32(static_cast<std::uint32_t>(d.count));
    w.u8(static_cast<std::uint8_t>(d.unit));
}
Duration duration(BinaryReader& r) {
    Duration d;
    d.count = static_cast<int>(r.u32());
    std::uint8_t unit = r.u8();
    if (unit > static_cast<std::uint8_t>(Duration::Unit::years))
        r.fail();
    d.unit = static_cast<Duration::Unit>(unit);
    return d;
}

}  // namespace

// -- text ----------------------------------------------------------------------------
void write_value(yaml::Writer& w, std::string_view key, const std::string& v, Style style) {
    write_text(w, key, v, style);
}
void encode(BinaryWriter& w, const std::string& v) {
    w.str(v);
}
void decode(BinaryReader& r, std::string& v) {
    v = r.str();
}
bool is_empty(const std::string& v) {
    return v.empty();
}

// -- dates ---------------------------------------------------------------------------
void write_value(yaml::Writer& w, std::string_view key, const Date& v, Style) {
    w.raw(key, v.iso());
}
void encode(BinaryWriter& w, const Date& v) {
    date(w, v);
}
void decode(BinaryReader& r, Date& v) {
    v = date(r);
}
bool is_empty(const Date&) {
    return false;
}

void write_value(yaml::Writer& w, std::string_view key, const std::optional<Date>& v, Style) {
    if (v)
        w.raw(key, v->iso());
}
void encode(BinaryWriter& w, const std::optional<Date>& v) {
    w.u8(v ? 1 : 0);
    if (v)
        date(w, *v);
}
void decode(BinaryReader& r, std::optional<Date>& v) {
    switch (r.u8()) {
        case 0:
            v.reset();
            break;
        case 1:
            v = date(r);
            break;
        default:
            r.fail();
    }
}
bool is_empty(const std::optional<Date>& v) {
    return !v;
}

// -- lists of text -------------------------------------------------------------------
void write_value(yaml::Writer& w, std::string_view key, const std::vector<std::string>& v, Style) {
    w.list(key, v);
}
void encode(BinaryWriter& w, const std::vector<std::string>& v) {
    w.u32(static_cast<std::uint32_t>(v.size()));
    for (const auto& s : v)
        w.str(s);
}
void decode(BinaryReader& r, std::vector<std::string>& v) {
    v.resize(r.count());
    for (auto& s : v)
        s = r.str();
}
bool is_empty(const std::vector<std::string>& v) {
    return v.empty();
}

// -- promises and actions ------------------------------------------------------------
void write_value(yaml::Writer& w, std::string_view key, const std::vector<Commitment>& v, Style) {
    if (v.empty())
        return;
    w.open_list(key);
    for (const auto& c : v) {
        w.item().field("what", c.what, true);
        if (c.due)
            w.raw("due", c.due->iso());
        if (c.done)
            w.raw("done", c.done->iso());
    }
    w.close();
}
void encode(BinaryWriter& w, const std::vector<Commitment>& v) {
    w.u32(static_cast<std::uint32_t>(v.size()));
    for (const auto& c : v) {
        w.str(c.what);
        encode(w, c.due);
        encode(w, c.done);
    }
}
void decode(BinaryReader& r, std::vector<Commitment>& v) {
    v.resize(r.count());
    for (auto& c : v) {
        c.what = r.str();
        decode(r, c.due);
        decode(r, c.done);
    }
}
bool is_empty(const std::vector<Commitment>& v) {
    return v.empty();
}

// -- contacts ------------------------------------------------------------------------
void write_value(yaml::Writer& w, std::string_view key, const std::vector<Contact>& v, Style) {
    if (v.empty())
        return;
    w.open_list(key);
    for (const auto& p : v) {
        w.item().field("name", p.name, true).field("role", p.role).field("email", p.email);
        w.field("phone", p.phone).text("notes", p.notes);
        // Bare whatever its first digit: hex and dashes are text to every YAML parser.
        if (is_uuid(p.uid))
            w.raw("uid", p.uid);
        else
            w.field("uid", p.uid);
    }
    w.close();
}
void encode(BinaryWriter& w, const std::vector<Contact>& v) {
    w.u32(static_cast<std::uint32_t>(v.size()));
    for (const auto& p : v)
        for (const std::string* s : {&p.name, &p.role, &p.email, &p.phone, &p.notes, &p.uid})
            w.str(*s);
}
void decode(BinaryReader& r, std::vector<Contact>& v) {
    v.resize(r.count());
    for (auto& p : v)
        for (std::string* s : {&p.name, &p.role, &p.email, &p.phone, &p.notes, &p.uid})
            *s = r.str();
}
bool is_empty(const std::vector<Contact>& v) {
    return v.empty();
}

// -- ratings -------------------------------------------------------------------------
void write_value(yaml::Writer& w, std::string_view key, const Ratings& v, Style) {
    if (!v.any())
        return;
    std::string s;
    auto add = [&](const char* k, const std::optional<int>& r) {
        if (r)
            s += fmt::format("{}{}: {}", s.empty() ? "" : ", ", k, *r);
    };
    add("potential", v.potential);
    add("compatibility", v.compatibility);
    add("profitability", v.profitability);
    w.raw(key, fmt::format("{{{}}}", s));
}
void encode(BinaryWriter& w, const Ratings& v) {
    opt_int(w, v.potential);
    opt_int(w, v.compatibility);
    opt_int(w, v.profitability);
}
void decode(BinaryReader& r, Ratings& v) {
    v.potential = opt_int(r);
    v.compatibility = opt_int(r);
    v.profitability = opt_int(r);
}
bool is_empty(const Ratings& v) {
    return !v.any();
}

// -- a client's own cadence ----------------------------------------------------------
void write_value(yaml::Writer& w, std::string_view key, const std::optional<Cadence>& v, Style) {
    if (v)
        w.raw(key, v->str());
}
void encode(BinaryWriter& w, const std::optional<Cadence>& v) {
    w.u8(!v ? 0 : v->is_never() ? 1 : 2);
    if (v && v->every)
        duration(w, *v->every);
}
void decode(BinaryReader& r, std::optional<Cadence>& v) {
    switch (r.u8()) {
        case 0:
            v.reset();
            break;
        case 1:
            v = Cadence::never();
            break;
        case 2:
            v = Cadence{duration(r)};
            break;
        default:
            r.fail();
    }
}
bool is_empty(const std::optional<Cadence>& v) {
    return !v;
}

// -- a review's rating ---------------------------------------------------------------
void write_value(yaml::Writer& w, std::string_view key, const Rating& v, Style) {
    w.raw(key, rating_name(v));
}
void encode(BinaryWriter& w, const Rating& v) {
    w.u8(static_cast<std::uint8_t>(v));
}
void decode(BinaryReader& r, Rating& v) {
    std::uint8_t b = r.u8();
    if (b > static_cast<std::uint8_t>(Rating::elated))
        r.fail();
    else
        v = static_cast<Rating>(b);
}
bool is_empty(const Rating&) {
    return false;
}

// -- settings' kinds -----------------------------------------------------------------
void write_value(yaml::Writer& w, std::string_view key, const bool& v, Style) {
    w.raw(key, v ? "true" : "false");
}
void encode(BinaryWriter& w, const bool& v) {
    w.u8(v ? 1 : 0);
}
void decode(BinaryReader& r, bool& v) {
    v = r.u8() != 0;
}
bool is_empty(const bool&) {
    return false;
}

void write_value(yaml::Writer& w, std::string_view key, const Duration& v, Style) {
    w.raw(key, v.str());
}
void encode(BinaryWriter& w, const Duration& v) {
    duration(w, v);
}
void decode(BinaryReader& r, Duration& v) {
    v = duration(r);
}
bool is_empty(const Duration&) {
    return false;
}

void write_value(yaml::Writer& w, std::string_view key, const std::vector<Tier>& v, Style) {
    w.open(key);
    for (const auto& t : v)
        w.raw(t.name,
              fmt::format("{{every: {}}}", t.every ? t.every->str() : std::string("never")));
    w.close();
}
void encode(BinaryWriter& w, const std::vector<Tier>& v) {
    w.u32(static_cast<std::uint32_t>(v.size()));
    for (const auto& t : v) {
        w.str(t.name);
        w.u8(t.every ? 1 : 0);
        if (t.every)
            duration(w, *t.every);
    }
}
void decode(BinaryReader& r, std::vector<Tier>& v) {
    v.resize(r.count());
    for (auto& t : v) {
        t.name = r.str();
        if (r.u8())
            t.every = duration(r);
    }
}
bool is_empty(const std::vector<Tier>& v) {
    return v.empty();
}

void write_value(yaml::Writer& w, std::string_view key, const std::vector<TeamMember>& v, Style) {
    if (v.empty())
        return;
    w.open_list(key);
    for (const auto& m : v)
        w.item().field("name", m.name, true).field("email", m.email, true);
    w.close();
}
void encode(BinaryWriter& w, const std::vector<TeamMember>& v) {
    w.u32(static_cast<std::uint32_t>(v.size()));
    for (const auto& m : v) {
        w.str(m.name);
        w.str(m.email);
    }
}
void decode(BinaryReader& r, std::vector<TeamMember>& v) {
    v.resize(r.count());
    for (auto& m : v) {
        m.name = r.str();
        m.email = r.str();
    }
}
bool is_empty(const std::vector<TeamMember>& v) {
    return v.empty();
}

void write_value(yaml::Writer& w, std::string_view key, const MailSettings& v, Style) {
    if (is_empty(v))
        return;
    w.open(key).field("from", v.from);
    w.close();
}
void encode(BinaryWriter& w, const MailSettings& v) {
    w.str(v.from);
}
void decode(BinaryReader& r, MailSettings& v) {
    v.from = r.str();
}
bool is_empty(const MailSettings& v) {
    return v.from.empty();
}

// -- custom fields -------------------------------------------------------------------
void encode(BinaryWriter& w, const CustomFields& v) {
    w.u32(static_cast<std::uint32_t>(v.size()));
    for (const auto& [k, value] : v) {
        w.str(k);
        w.str(value);
    }
}
void decode(BinaryReader& r, CustomFields& v) {
    v.resize(r.count());
    for (auto& [k, value] : v) {
        k = r.str();
        value = r.str();
    }
}

}  // namespace crm::schema
