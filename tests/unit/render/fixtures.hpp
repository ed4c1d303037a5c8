#pragma once
// Records built in memory for the view tests: no disk, no store.
#include <algorithm>
#include <string>
#include <vector>

#include "crm/model/records.hpp"
#include "crm/util/text.hpp"

namespace crm::test {

inline Date d(const char* iso) {
    return *Date::parse_iso(iso);
}

inline const Date kToday = d("2026-11-23");

inline Commitment item(const char* what, const char* due = nullptr, const char* done = nullptr) {
    Commitment c;
    c.what = what;
    if (due)
        c.due = d(due);
    if (done)
        c.done = d(done);
    return c;
}

inline ClientRecord record(const char* slug, const char* name, const char* stage = "client",
                           const char* tier = "A") {
    ClientRecord r;
    r.client.slug = slug;
    r.client.file = std::string("clients/") + slug + "/client.yaml";
    r.client.name = name;
    r.client.stage = stage;
    r.client.tier = tier;
    return r;
}

inline Visit visit(const std::string& slug, const char* date, const char* by = "Ann") {
    Visit v;
    v.file = "clients/" + slug + "/visits/" + date + ".yaml";
    v.date = d(date);
    v.by = by;
    return v;
}

inline Review review(const std::string& slug, const char* date, Rating rating,
                     const char* project) {
    Review r;
    r.file = "clients/" + slug + "/reviews/" + date + ".yaml";
    r.date = d(date);
    r.rating = rating;
    r.project = project;
    return r;
}

// `text` without crm's own colour codes (render::Styler's), so that what is left can be
// checked for control characters that came from the records. Tests give records other
// sequences (ESC ] title, ESC [2J), which this never removes, so a leak still shows.
inline std::string without_styles(std::string text) {
    for (const char* code : {"\x1b[0m", "\x1b[1m", "\x1b[2m", "\x1b[31m", "\x1b[32m", "\x1b[33m",
                             "\x1b[36m", "\x1b[1;4m"}) {
        const std::string c(code);
        for (auto at = text.find(c); at != std::string::npos; at = text.find(c, at))
            text.erase(at, c.size());
    }
    return text;
}

// Whether `text` holds a C0 control other than the newline, DEL, or a C1 control.
inline bool has_controls(const std::string& text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\n') || c == 0x7f)
            return true;
        const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
        if (c == 0xc2 && next >= 0x80 && next <= 0x9f)
            return true;
    }
    return false;
}

// The display width of the widest line of `text` (colour codes counted: use on plain text).
inline int widest_line(const std::string& text) {
    int widest = 0;
    std::size_t start = 0;
    for (std::size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
        widest = std::max(widest, display_width(std::string_view(text).substr(start, nl - start)));
    return widest;
}

}  // namespace crm::test
