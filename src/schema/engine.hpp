#pragma once
// The algorithms every schema shares, written once over a field table: read (and check),
// write, encode, decode. Included by the schema's own sources only; the rest of crm
// calls the functions of records.hpp, check.hpp and cache_bytes.hpp.
#include <string>

#include "crm/schema/fields.hpp"
#include "crm/util/format.hpp"

namespace crm::schema::engine {

inline bool blank(const std::string& s) {
    return s.find_first_not_of(" \t") == std::string::npos;
}

// `crm check` only: values the type allows but the folder does not.
template <class R>
void check_allowed(const Field<R>& f, const yaml::Node& v, Problems& p) {
    const Settings* s = p.settings();
    if (!s || f.allowed == Allowed::any || !v.is_scalar())
        return;
    const std::vector<std::string> allowed = allowed_values(f.allowed, *s);
    if (std::find(allowed.begin(), allowed.end(), v.value) != allowed.end())
        return;
    const std::string key(f.key);
    p.add(v, fmt::format("{}: unknown {} '{}'", key, key, v.value),
          fmt::format("use one of: {}", fmt::join(allowed, ", ")));
}

// Fills `record` from the map `root` (the caller has checked that it is one). Required
// keys first, then every key in file order; keys no field names become custom fields.
template <class R>
void read(const Schema<R>& s, const yaml::Node& root, R& record, Problems& p) {
    for (const auto& f : s.fields) {
        if (!f.has(kRequired))
            continue;
        const yaml::Node* n = root.find(f.key);
        const bool blank_text = n && std::holds_alternative<std::string R::*>(f.member) &&
                                (n->is_null() || (n->is_scalar() && blank(n->value)));
        if (!n || blank_text) {
            p.add(root, fmt::format("{} has no {}:", s.kind, f.key), std::string(f.hint));
        }
    }
    for (const auto& entry : root.entries) {
        // Not a structured binding: clang 14 (the fuzzer's compiler) cannot capture one.
        const yaml::Node& k = entry.first;
        const yaml::Node& v = entry.second;
        const Field<R>* f = s.find(k.value);
        if (!f) {
            if (s.custom)
                (record.*s.custom).emplace_back(k.value, node_text(v));
            continue;
        }
        const std::string key(f->key);
        std::visit([&](auto member) { read_value(v, key, record.*member, p); }, f->member);
        if (f->has(kNonEmpty)) {
            bool empty = false;
            std::visit([&](auto member) { empty = is_empty(record.*member); }, f->member);
            if (empty)
                p.add(v, fmt::format("{}: {}", key, f->hint));
        }
        check_allowed(*f, v, p);
    }
    if (s.check && p.settings())
        s.check(record, root, p);
}

template <class R>
std::string write(const Schema<R>& s, const R& record) {
    yaml::Writer w;
    for (const auto& f : s.fields)
        std::visit([&](auto member) { write_value(w, f.key, record.*member, f.style()); },
                   f.member);
    return w.str();
}

template <class R>
void encode(const Schema<R>& s, const R& record, std::string& summary, std::string& detail) {
    BinaryWriter sw(summary), dw(detail);
    sw.u8(s.tag);
    for (const auto& f : s.fields)
        std::visit([&](auto member) { encode(s.in_summary(f) ? sw : dw, record.*member); },
                   f.member);
    if (s.custom)
        encode(s.all_summary ? sw : dw, record.*s.custom);
}

// `summary`: the summary bytes (tag first); otherwise the detail bytes.
template <class R>
bool decode(const Schema<R>& s, std::string_view in, R& record, bool summary) {
    BinaryReader r(in);
    if (summary && r.u8() != s.tag)
        return false;
    for (const auto& f : s.fields)
        if (s.in_summary(f) == summary)
            std::visit([&](auto member) { decode(r, record.*member); }, f.member);
    if (s.custom && s.all_summary == summary)
        decode(r, record.*s.custom);
    return r.finished();
}

// Empties what a summary load leaves out.
template <class R>
void drop_detail(const Schema<R>& s, R& record) {
    for (const auto& f : s.fields)
        if (!s.in_summary(f))
            std::visit([&](auto member) { record.*member = {}; }, f.member);
    if (s.custom && !s.all_summary)
        (record.*s.custom).clear();
}

}  // namespace crm::schema::engine
