#include "crm/yaml/write.hpp"

#include <array>

#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::yaml {

namespace {

// Code points that must never appear raw: YAML forbids them or treats them as line
// breaks (U+0085, U+2028, U+2029), or they are invisible and would fool a reader.
bool must_escape(char32_t cp) {
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF || cp == 0xFFFD;
}

bool invisible(char32_t cp) {
    return cp == 0xA0 || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2060 && cp <= 0x2069);
}

// Words that YAML 1.1 or 1.2 resolve to booleans or null in some spelling.
bool is_special_word(std::string_view s) {
    static constexpr std::array<std::string_view, 12> kWords = {
        "y", "yes", "n", "no", "true", "false", "on", "off", "null", "~", "<<", "="};
    std::string lower = ascii_lower(s);
    for (auto w : kWords)
        if (lower == w)
            return true;
    return false;
}

// Anything a YAML 1.1 resolver could read as an int (017, 0x1F, 0b101, 1_000, 190:20:30),
// a float (1e3, .5, 1_0.5), a timestamp (2026-01-01, 2026-01-01 10:00) or a 1.2 number.
// Deliberately broad: text made only of digits and number punctuation is quoted.
bool looks_numeric(std::string_view s) {
    std::string_view body = s;
    if (!body.empty() && (body[0] == '+' || body[0] == '-'))
        body.remove_prefix(1);
    if (body.empty())
        return false;
    if (body[0] == '.') {
        std::string rest = ascii_lower(body.substr(1));
        if (rest == "inf" || rest == "nan")
            return true;
    }
    if (!((body[0] >= '0' && body[0] <= '9') || body[0] == '.'))
        return false;
    for (char c : body) {
        bool numberish = (c >= '0' && c <= '9') || c == '.' || c == '_' || c == ':' || c == '-' ||
                         c == '+' || c == ' ' || c == 'e' || c == 'E' || c == 'x' || c == 'X' ||
                         c == 'o' || c == 'O' || c == 'b' || c == 'B' || c == 't' || c == 'T' ||
                         c == 'z' || c == 'Z' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!numberish)
            return false;
    }
    return true;
}

}  // namespace

bool plain_safe(std::string_view s, bool in_flow) {
    if (s.empty())
        return false;
    if (s.front() == ' ' || s.back() == ' ')
        return false;
    static constexpr std::string_view kLeadIndicators = "-?:,[]{}#&*!|>'\"%@`.<=~";
    if (kLeadIndicators.find(s.front()) != std::string_view::npos)
        return false;
    if (s.back() == ':')
        return false;
    if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos)
        return false;
    if (in_flow && s.find_first_of(",[]{}:#") != std::string_view::npos)
        return false;
    if (is_special_word(s) || looks_numeric(s))
        return false;
    for (char32_t cp : utf8_decode(s)) {
        if (cp == '\t' || cp == '\n' || cp == '\r')
            return false;
        if (must_escape(cp) || invisible(cp))
            return false;
    }
    return true;
}

std::string double_quoted(std::string_view s) {
    std::string out = "\"";
    for (char32_t cp : utf8_decode(s)) {
        switch (cp) {
            case '"':
                out += "\\\"";
                continue;
            case '\\':
                out += "\\\\";
                continue;
            case '\n':
                out += "\\n";
                continue;
            case '\t':
                out += "\\t";
                continue;
            case '\r':
                out += "\\r";
                continue;
            default:
                break;
        }
        if (must_escape(cp) || invisible(cp)) {
            char buf[16];
            if (cp <= 0xFF) {
                std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(cp));
            } else {
                std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(cp));
            }
            out += buf;
        } else {
            utf8_append(out, cp);
        }
    }
    out += '"';
    return out;
}

std::string scalar(std::string_view s) {
    return plain_safe(s) ? std::string(s) : double_quoted(s);
}

namespace {

// A literal block keeps multi-line prose readable. It cannot hold leading spaces on the
// first line, tabs or carriage returns, characters that must be escaped, or more than
// one trailing newline.
bool literal_block_safe(std::string_view s) {
    if (s.find('\n') == std::string_view::npos)
        return false;
    if (s.front() == ' ' || s.front() == '\n')
        return false;
    if (s.ends_with("\n\n"))
        return false;
    for (char32_t cp : utf8_decode(s)) {
        if (cp == '\n')
            continue;
        if (cp == '\t' || must_escape(cp) || invisible(cp))
            return false;
    }
    // Trailing spaces on a line survive a literal block but are invisible in an editor.
    return s.find(" \n") == std::string_view::npos && !s.ends_with(' ');
}

}  // namespace

void Writer::start_line(std::string_view key) {
    if (item_pending_) {
        out_ += indent_.substr(0, indent_.size() - 2);
        out_ += "- ";
        item_pending_ = false;
    } else {
        out_ += indent_;
    }
    out_ += key;
    out_ += ':';
}

Writer& Writer::field(std::string_view key, std::string_view value, bool keep_empty) {
    if (value.empty() && !keep_empty)
        return *this;
    start_line(key);
    out_ += ' ';
    out_ += value.empty() ? "\"\"" : scalar(value);
    out_ += '\n';
    return *this;
}

Writer& Writer::raw(std::string_view key, std::string_view value) {
    start_line(key);
    out_ += ' ';
    out_ += value;
    out_ += '\n';
    return *this;
}

Writer& Writer::list(std::string_view key, const std::vector<std::string>& items) {
    if (items.empty())
        return *this;
    bool flow = true;
    std::size_t total = 0;
    for (const auto& i : items) {
        total += i.size() + 2;
        if (!plain_safe(i, true))
            flow = false;
    }
    start_line(key);
    if (flow && total + indent_.size() + key.size() < 80) {
        out_ += " [";
        for (std::size_t k = 0; k < items.size(); ++k) {
            if (k)
                out_ += ", ";
            out_ += items[k];
        }
        out_ += "]\n";
        return *this;
    }
    out_ += '\n';
    for (const auto& i : items) {
        out_ += fmt::format("{}  - {}\n", indent_, i.empty() ? "\"\"" : scalar(i));
    }
    return *this;
}

Writer& Writer::text(std::string_view key, std::string_view value) {
    if (value.empty())
        return *this;
    if (!literal_block_safe(value))
        return field(key, value);
    start_line(key);
    out_ += value.ends_with('\n') ? " |\n" : " |-\n";
    std::size_t pos = 0;
    while (pos < value.size()) {
        std::size_t end = value.find('\n', pos);
        if (end == std::string_view::npos)
            end = value.size();
        std::string_view line = value.substr(pos, end - pos);
        if (!line.empty())
            out_ += fmt::format("{}  {}", indent_, line);
        out_ += '\n';
        pos = end + 1;
    }
    return *this;
}

Writer& Writer::open(std::string_view key) {
    start_line(key);
    out_ += '\n';
    opened_.push_back(indent_.size());
    indent_ += "  ";
    return *this;
}

Writer& Writer::open_list(std::string_view key) {
    // Items sit two spaces in from their key ("  - name: x"), and their fields two more.
    open(key);
    indent_ += "  ";
    return *this;
}

Writer& Writer::item() {
    item_pending_ = true;
    return *this;
}

Writer& Writer::close() {
    if (!opened_.empty()) {
        indent_.resize(opened_.back());
        opened_.pop_back();
    }
    return *this;
}

Writer& Writer::comment(std::string_view line) {
    out_ += fmt::format("{}# {}\n", indent_, line);
    return *this;
}

}  // namespace crm::yaml
