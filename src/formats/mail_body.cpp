#include "crm/formats/mail_body.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <optional>
#include <utility>
#include <vector>

#include "crm/util/text.hpp"

namespace crm::formats {

namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string lower(std::string_view s) {
    return ascii_lower(s);
}

// The character references people's mail uses; anything else stays as written.
constexpr std::array<std::pair<std::string_view, char32_t>, 40> kEntities{{
    {"amp", U'&'},         {"lt", U'<'},          {"gt", U'>'},          {"quot", U'"'},
    {"apos", U'\''},       {"nbsp", U' '},        {"ndash", U'\u2013'},  {"mdash", U'\u2014'},
    {"hellip", U'\u2026'}, {"lsquo", U'\u2018'},  {"rsquo", U'\u2019'},  {"ldquo", U'\u201C'},
    {"rdquo", U'\u201D'},  {"euro", U'\u20AC'},   {"copy", U'\u00A9'},   {"reg", U'\u00AE'},
    {"trade", U'\u2122'},  {"bull", U'\u2022'},   {"middot", U'\u00B7'}, {"laquo", U'\u00AB'},
    {"raquo", U'\u00BB'},  {"auml", U'\u00E4'},   {"ouml", U'\u00F6'},   {"uuml", U'\u00FC'},
    {"Auml", U'\u00C4'},   {"Ouml", U'\u00D6'},   {"Uuml", U'\u00DC'},   {"szlig", U'\u00DF'},
    {"eacute", U'\u00E9'}, {"egrave", U'\u00E8'}, {"agrave", U'\u00E0'}, {"ccedil", U'\u00E7'},
    {"ecirc", U'\u00EA'},  {"aacute", U'\u00E1'}, {"oacute", U'\u00F3'}, {"iacute", U'\u00ED'},
    {"uacute", U'\u00FA'}, {"ntilde", U'\u00F1'}, {"pound", U'\u00A3'},  {"shy", U'\u00AD'},
}};

// The character `ref` (between '&' and ';') stands for, or nullopt.
std::optional<char32_t> entity(std::string_view ref) {
    if (ref.size() > 1 && ref[0] == '#') {
        const bool hex = ref[1] == 'x' || ref[1] == 'X';
        std::string_view digits = ref.substr(hex ? 2 : 1);
        std::uint32_t cp = 0;
        auto [end, ec] =
            std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
        if (ec != std::errc() || end != digits.data() + digits.size() || cp == 0 || cp > 0x10FFFF)
            return std::nullopt;
        return static_cast<char32_t>(cp);
    }
    for (const auto& [name, cp] : kEntities)
        if (name == ref)
            return cp;
    return std::nullopt;
}

// The text of an HTML document as a browser lays it out, roughly.
class HtmlText {
  public:
    void text(std::string_view t) {
        for (char c : t) {
            if (pre_ == 0 && is_blank(c)) {
                space_ = !out_.empty() && out_.back() != '\n';
                continue;
            }
            if (space_) {
                out_ += ' ';
                space_ = false;
            }
            out_ += c;
        }
    }
    void character(char32_t cp) {
        std::string bytes;
        utf8_append(bytes, cp == U'\u00A0' ? U' ' : cp);
        text(bytes);
    }
    void line_break() {
        space_ = false;
        out_ += '\n';
    }
    // A line of its own: a break unless at a line's start.
    void block() {
        space_ = false;
        if (!out_.empty() && out_.back() != '\n')
            out_ += '\n';
    }
    void paragraph() {
        block();
        if (!out_.empty() && !out_.ends_with("\n\n"))
            out_ += '\n';
    }
    void pre(bool open) { pre_ = std::max(0, pre_ + (open ? 1 : -1)); }
    std::string take() { return std::move(out_); }

  private:
    std::string out_;
    bool space_ = false;
    int pre_ = 0;
};

struct Tag {
    std::string name;  // lower case
    bool closing = false;
    bool self_closing = false;
    std::string attributes;  // lower case, as written
};

// The tag starting at html[i] == '<'; `i` moves past it. nullopt: a '<' that starts no
// tag (a lone "a < b"), and `i` stays.
std::optional<Tag> read_tag(std::string_view html, std::size_t& i) {
    std::size_t j = i + 1;
    Tag tag;
    if (j < html.size() && html[j] == '/') {
        tag.closing = true;
        ++j;
    }
    const std::size_t name_start = j;
    while (j < html.size() && (std::isalnum(static_cast<unsigned char>(html[j])) != 0))
        ++j;
    if (j == name_start)
        return std::nullopt;
    tag.name = lower(html.substr(name_start, j - name_start));
    char quote = 0;
    const std::size_t attributes = j;
    for (; j < html.size(); ++j) {
        if (quote) {
            if (html[j] == quote)
                quote = 0;
        } else if (html[j] == '"' || html[j] == '\'') {
            quote = html[j];
        } else if (html[j] == '>') {
            break;
        }
    }
    tag.attributes = lower(html.substr(attributes, j - attributes));
    tag.self_closing = tag.attributes.ends_with('/');
    i = std::min(j + 1, html.size());
    return tag;
}

bool is_void(const std::string& name) {
    static const std::vector<std::string> kVoid{"br",    "hr",  "img", "meta", "link",
                                                "input", "wbr", "col", "area", "base"};
    return std::find(kVoid.begin(), kVoid.end(), name) != kVoid.end();
}

// What is not text, or quotes an earlier message: left out with everything inside it.
bool is_left_out(const Tag& t) {
    static const std::vector<std::string> kNoText{"head",  "style",      "script",
                                                  "title", "blockquote", "template"};
    if (std::find(kNoText.begin(), kNoText.end(), t.name) != kNoText.end())
        return true;
    return t.attributes.find("gmail_quote") != std::string::npos ||
           t.attributes.find("moz-cite-prefix") != std::string::npos;
}

bool is_block(const std::string& name) {
    static const std::vector<std::string> kBlocks{
        "div",    "tr",     "ul",      "ol",     "table", "h1",       "h2",  "h3",      "h4",
        "h5",     "h6",     "pre",     "hr",     "dl",    "dt",       "dd",  "section", "article",
        "header", "footer", "address", "center", "form",  "fieldset", "body"};
    return std::find(kBlocks.begin(), kBlocks.end(), name) != kBlocks.end();
}

std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        lines.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    if (!text.empty() && text.back() == '\n')
        lines.pop_back();
    return lines;
}

std::string rstrip(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return std::string(s);
}

bool starts_with_any(std::string_view line, std::initializer_list<std::string_view> prefixes) {
    return std::any_of(prefixes.begin(), prefixes.end(),
                       [&](std::string_view p) { return line.starts_with(p); });
}

std::size_t quote_depth(std::string_view line) {
    std::size_t depth = 0;
    for (char c : line) {
        if (c == '>')
            ++depth;
        else if (c != ' ')
            break;
    }
    return depth;
}

bool is_signature(const std::string& raw) {
    return raw == "-- " || raw == "--";
}

// "-----Original Message-----" and its translations, or Outlook's line of underscores.
bool is_original_marker(const std::string& line) {
    const std::string t = trim(line);
    if (t.size() >= 20 && t.find_first_not_of('_') == std::string::npos)
        return true;
    if (!t.starts_with("-----") || !t.ends_with("-----"))
        return false;
    const std::string inner = lower(trim(std::string_view(t).substr(5, t.size() - 10)));
    return inner == "original message" || inner == "ursprüngliche nachricht" ||
           inner == "message d'origine" || inner == "forwarded message";
}

// Outlook's header of the message it answers: "From:" with "Sent:" (or "Date:") and
// "To:" or "Subject:" in the lines after it.
bool is_reply_header(const std::vector<std::string>& lines, std::size_t i) {
    if (!starts_with_any(lines[i], {"From:", "Von:", "De :", "De:", "*From:*"}))
        return false;
    bool sent = false, about = false;
    for (std::size_t j = i + 1; j < lines.size() && j <= i + 5; ++j) {
        sent =
            sent || starts_with_any(
                        lines[j], {"Sent:", "Date:", "Gesendet:", "Envoyé :", "Datum:", "*Sent:*"});
        about = about || starts_with_any(lines[j], {"To:", "Subject:", "An:", "Betreff:", "À :",
                                                    "Objet :", "*To:*", "*Subject:*"});
    }
    return sent && about;
}

bool ends_attribution(std::string_view line) {
    return line.ends_with("wrote:") || line.ends_with("schrieb:") || line.ends_with("a écrit :") ||
           line.ends_with("a écrit:") ||
           (line.find("schrieb") != std::string_view::npos && line.ends_with(":"));
}

bool starts_attribution(std::string_view line) {
    return starts_with_any(line, {"On ", "Am ", "Le "});
}

// The lines from `i` that attribute a quote ("On ..., Jane wrote:"), when the quote follows
// them (or nothing does): how many, else 0.
std::size_t attribution_at(const std::vector<std::string>& lines, std::size_t i) {
    if (!starts_attribution(lines[i]))
        return 0;
    std::size_t count = 0;
    for (std::size_t j = i; j < lines.size() && j < i + 3; ++j) {
        if (ends_attribution(lines[j])) {
            count = j - i + 1;
            break;
        }
    }
    if (count == 0)
        return 0;
    std::size_t next = i + count;
    while (next < lines.size() && lines[next].empty())
        ++next;
    return next == lines.size() || quote_depth(lines[next]) > 0 ? count : 0;
}

}  // namespace

std::string html_to_text(std::string_view html) {
    HtmlText out;
    std::string left_out;  // the element being left out
    int depth = 0;         // its nesting
    std::size_t i = 0;
    while (i < html.size()) {
        if (html.substr(i, 4) == "<!--") {
            const std::size_t end = html.find("-->", i + 4);
            i = end == std::string_view::npos ? html.size() : end + 3;
            continue;
        }
        if (html[i] == '<' && i + 1 < html.size() && (html[i + 1] == '!' || html[i + 1] == '?')) {
            const std::size_t end = html.find('>', i);
            i = end == std::string_view::npos ? html.size() : end + 1;
            continue;
        }
        if (html[i] == '<') {
            std::size_t at = i;
            if (auto tag = read_tag(html, at)) {
                i = at;
                if (!left_out.empty()) {
                    if (tag->name == left_out && !is_void(tag->name) && !tag->self_closing)
                        depth += tag->closing ? -1 : 1;
                    if (depth == 0)
                        left_out.clear();
                    continue;
                }
                if (!tag->closing && !tag->self_closing && !is_void(tag->name) &&
                    is_left_out(*tag)) {
                    left_out = tag->name;
                    depth = 1;
                    continue;
                }
                if (tag->name == "br") {
                    out.line_break();
                } else if (tag->name == "p") {
                    out.paragraph();
                } else if (tag->name == "li") {
                    out.block();
                    if (!tag->closing)
                        out.text("- ");
                } else if (tag->name == "td" || tag->name == "th") {
                    out.text(" ");
                } else if (is_block(tag->name)) {
                    out.block();
                    if (tag->name == "pre")
                        out.pre(!tag->closing);
                }
                continue;
            }
        }
        if (!left_out.empty()) {
            ++i;
            continue;
        }
        if (html[i] == '&') {
            const std::size_t semi = html.find(';', i);
            if (semi != std::string_view::npos && semi - i <= 10) {
                if (auto cp = entity(html.substr(i + 1, semi - i - 1))) {
                    out.character(*cp);
                    i = semi + 1;
                    continue;
                }
            }
        }
        out.text(html.substr(i, 1));
        ++i;
    }
    return out.take();
}

std::string unflow(std::string_view text, bool delete_space) {
    std::string out;
    bool joining = false;
    std::size_t joining_depth = 0;
    for (const std::string& raw : split_lines(text)) {
        std::string_view line = raw;
        const std::size_t depth = quote_depth(line);
        // The quote marks (and the blank after them), then the space-stuffing.
        std::string_view content = line;
        for (std::size_t marks = 0; marks < depth;) {
            if (content.front() == '>')
                ++marks;
            content.remove_prefix(1);
        }
        if (content.starts_with(' '))
            content.remove_prefix(1);
        if (joining && depth == joining_depth) {
            out += content;  // the line goes on where the last one broke
        } else {
            if (joining)
                out += '\n';
            out += depth == 0 ? content : line;
        }
        const bool soft = content.ends_with(' ') && content != "-- ";
        if (soft && delete_space)
            out.pop_back();
        joining = soft;
        joining_depth = depth;
        if (!soft)
            out += '\n';
    }
    if (joining)
        out += '\n';
    return out;
}

std::string strip_replies(std::string_view text) {
    const std::vector<std::string> raw = split_lines(text);
    std::vector<std::string> lines;
    lines.reserve(raw.size());
    for (const auto& l : raw)
        lines.push_back(rstrip(l));
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (is_signature(raw[i]) || is_original_marker(lines[i]) || is_reply_header(lines, i))
            break;
        if (quote_depth(lines[i]) > 0)
            continue;
        if (std::size_t n = attribution_at(lines, i)) {
            i += n - 1;
            continue;
        }
        if (lines[i].empty() && (kept.empty() || kept.back().empty()))
            continue;
        kept.push_back(lines[i]);
    }
    while (!kept.empty() && kept.back().empty())
        kept.pop_back();
    std::string out;
    for (const auto& l : kept) {
        out += l;
        out += '\n';
    }
    return out;
}

std::string clean_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    const std::vector<char32_t> cps = utf8_decode(text);
    for (std::size_t i = 0; i < cps.size(); ++i) {
        const char32_t cp = cps[i];
        if (cp == U'\r') {
            if (i + 1 >= cps.size() || cps[i + 1] != U'\n')
                out += '\n';
            continue;
        }
        if (cp == U'\u2028' || cp == U'\u2029') {
            out += '\n';
            continue;
        }
        const bool control = (cp < 0x20 && cp != U'\t' && cp != U'\n') ||
                             (cp >= 0x7F && cp <= 0x9F) || cp == U'\uFEFF';
        if (!control)
            utf8_append(out, cp);
    }
    return out;
}

std::string clean_line(std::string_view text) {
    std::string out;
    for (char32_t cp : utf8_decode(text)) {
        const bool control = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == U'\u2028' ||
                             cp == U'\u2029' || cp == U'\uFEFF';
        utf8_append(out, control ? U' ' : cp);
    }
    return trim(out);
}

}  // namespace crm::formats
