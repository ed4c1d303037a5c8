// The values of mail and calendar capture: a captured message's attachments and
// crm.yaml's `capture:` settings, read, written and encoded like every other kind.
#include <charconv>
#include <limits>

#include "crm/schema/values.hpp"
#include "crm/util/format.hpp"

namespace crm::schema {

namespace {

using yaml::Node;

// A whole number from `min` up, or nullopt.
template <class T>
std::optional<T> whole_number(const Node& n, T min) {
    if (!n.is_scalar())
        return std::nullopt;
    T value{};
    const char* end = n.value.data() + n.value.size();
    auto [at, ec] = std::from_chars(n.value.data(), end, value);
    if (ec != std::errc() || at != end || value < min)
        return std::nullopt;
    return value;
}

}  // namespace

// -- a captured message's attachments ------------------------------------------------
void read_value(const Node& n, const std::string& key, std::vector<Attachment>& out, Problems& p) {
    out.clear();
    if (n.is_null())
        return;
    if (!n.is_sequence()) {
        p.add(n, fmt::format("{}: expected a list of {{name: ..., size: ...}}", key));
        return;
    }
    for (const Node& item : n.items) {
        if (!item.is_map()) {
            p.add(item, fmt::format("{}: each attachment is a map with name: and size:", key));
            continue;
        }
        Attachment a;
        for (const auto& [k, v] : item.entries) {
            if (k.value == "name") {
                read_value(v, fmt::format("{}.name", key), a.name, p);
            } else if (k.value == "file") {
                read_value(v, fmt::format("{}.file", key), a.file, p);
            } else if (k.value == "size") {
                if (auto size = whole_number<std::uint64_t>(v, 0))
                    a.size = *size;
                else
                    p.add(v,
                          fmt::format("{}.size: '{}' is not a number of bytes", key, node_text(v)));
            }
        }
        out.push_back(std::move(a));
    }
}
void write_value(yaml::Writer& w, std::string_view key, const std::vector<Attachment>& v, Style) {
    if (v.empty())
        return;
    w.open_list(key);
    for (const auto& a : v)
        w.item()
            .field("name", a.name, true)
            .raw("size", fmt::format("{}", a.size))
            .field("file", a.file);
    w.close();
}
void encode(BinaryWriter& w, const std::vector<Attachment>& v) {
    w.u32(static_cast<std::uint32_t>(v.size()));
    for (const auto& a : v) {
        w.str(a.name);
        w.u32(static_cast<std::uint32_t>(a.size >> 32));
        w.u32(static_cast<std::uint32_t>(a.size & 0xFFFFFFFFu));
        w.str(a.file);
    }
}
void decode(BinaryReader& r, std::vector<Attachment>& v) {
    v.resize(r.count());
    for (auto& a : v) {
        a.name = r.str();
        const std::uint64_t high = r.u32();
        a.size = (high << 32) | r.u32();
        a.file = r.str();
    }
}
bool is_empty(const std::vector<Attachment>& v) {
    return v.empty();
}

// -- crm.yaml's capture: -------------------------------------------------------------
// The structure only, as for team:: every command reads crm.yaml. `crm check`
// (check_mail.cpp) checks the addresses, the domains and the keys.
void read_value(const Node& n, const std::string& key, CaptureSettings& out, Problems& p) {
    out = CaptureSettings{};
    if (n.is_null())
        return;
    if (!n.is_map()) {
        p.add(n, fmt::format("{}: expected a map such as {{never: [payroll@x.example], "
                             "max_recipients: 20}}",
                             key));
        return;
    }
    for (const auto& [k, v] : n.entries) {
        if (k.value == "never") {
            read_value(v, fmt::format("{}.never", key), out.never, p);
        } else if (k.value == "public_domains") {
            read_value(v, fmt::format("{}.public_domains", key), out.public_domains, p);
        } else if (k.value == "max_recipients") {
            if (auto most = whole_number<int>(v, 1))
                out.max_recipients = *most;
            else
                p.add(v,
                      fmt::format("{}.max_recipients: '{}' is not a whole number from 1", key,
                                  node_text(v)),
                      "the most people a message or event may have and still be logged, such "
                      "as 20");
        }
    }
}
void write_value(yaml::Writer& w, std::string_view key, const CaptureSettings& v, Style) {
    if (is_empty(v))
        return;
    w.open(key).list("never", v.never);
    w.raw("max_recipients", fmt::format("{}", v.max_recipients));
    w.list("public_domains", v.public_domains);
    w.close();
}
void encode(BinaryWriter& w, const CaptureSettings& v) {
    encode(w, v.never);
    w.u32(static_cast<std::uint32_t>(v.max_recipients));
    encode(w, v.public_domains);
}
void decode(BinaryReader& r, CaptureSettings& v) {
    decode(r, v.never);
    v.max_recipients = static_cast<int>(r.u32());
    decode(r, v.public_domains);
}
bool is_empty(const CaptureSettings& v) {
    return v == CaptureSettings{};
}

}  // namespace crm::schema
