#include "crm/render/search_view.hpp"

#include <algorithm>

#include "crm/render/table.hpp"
#include "crm/render/table_layout.hpp"
#include "crm/render/terminal_text.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::render {

namespace {

constexpr int kGap = 2;
// Piped, the columns are padded to these and never cut: a longer value pushes the rest.
constexpr int kPipedName = 24;
constexpr int kPipedFile = 40;
// The matched text is what people read: never below this from 80 columns up.
constexpr int kReadingMin = 30;

}  // namespace

SearchTable::SearchTable(const Styler& styler, int width) : styler_(styler) {
    if (width <= 0)
        return;
    name_ = std::clamp(width / 5, 8, 24);
    const int rest = std::max(2, width - 2 * kGap - name_);
    text_ = std::max(std::min(kReadingMin, rest - 8), rest * 55 / 100);
    text_ = std::clamp(text_, 1, std::max(1, rest - 1));
    file_ = rest - text_;
}

std::string SearchTable::header() const {
    auto cell = [&](const char* title, int width) {
        const std::string shown = keep_end(title, width ? width : 0);
        const int room = width ? width : std::max(display_width(shown), 0);
        return fmt::format(
            "{}{}", styler_(shown, Style::header),
            std::string(static_cast<std::size_t>(std::max(0, room - display_width(shown)) + kGap),
                        ' '));
    };
    return fmt::format("{}{}{}\n", cell("CLIENT", name_ ? name_ : kPipedName),
                       cell("FILE:LINE", file_ ? file_ : kPipedFile),
                       styler_("TEXT", Style::header));
}

std::string SearchTable::row(const std::string& name, const std::string& file, int line,
                             const std::string& text) const {
    const auto names = wrap_cell(one_line(name), name_);
    const auto texts = wrap_cell(one_line(text), text_);
    std::string where = fmt::format("{}:{}", one_line(file), line);
    if (file_ && display_width(where) > file_) {
        // The client's column names the client: its folder is the first thing to go.
        if (const auto parts = split(file, '/'); parts.size() > 2 && parts[0] == "clients")
            where = fmt::format("{}:{}",
                                one_line(file.substr(parts[0].size() + parts[1].size() + 2)), line);
        where = keep_ends(where, file_);
    }
    const int name_w = name_ ? name_ : kPipedName;
    const int file_w = file_ ? file_ : kPipedFile;
    std::string out;
    for (std::size_t i = 0; i < std::max(names.size(), texts.size()); ++i) {
        const std::string n = i < names.size() ? names[i] : "";
        const std::string w = i == 0 ? where : "";
        const std::string t = i < texts.size() ? texts[i] : "";
        // Padding stays outside the colour so that underlines end with the text.
        std::string l = fmt::format(
            "{}{}{}{}{}", styler_(n, Style::bold),
            std::string(static_cast<std::size_t>(std::max(0, name_w - display_width(n)) + kGap),
                        ' '),
            w.empty() ? std::string() : styler_(w, Style::dim),
            std::string(static_cast<std::size_t>(std::max(0, file_w - display_width(w)) + kGap),
                        ' '),
            t);
        while (!l.empty() && l.back() == ' ')
            l.pop_back();
        format_to(out, "{}\n", l);
    }
    return out;
}

std::string keep_ends(const std::string& text, int width) {
    if (width <= 0 || display_width(text) <= width)
        return text;
    // The end (a file's unique part and the line number) gets the larger half.
    const int head_room = (width - 1) / 2;
    std::string head;
    int used = 0;
    for (char32_t cp : utf8_decode(text)) {
        if (used + char_width(cp) > head_room)
            break;
        utf8_append(head, cp);
        used += char_width(cp);
    }
    std::string tail = keep_end(text, width - used);
    return fmt::format("{}{}", head, tail);
}

std::string keep_end(const std::string& text, int width) {
    if (width <= 0 || display_width(text) <= width)
        return text;
    const auto cps = utf8_decode(text);
    int used = 1;  // the "…"
    std::size_t from = cps.size();
    while (from > 0 && used + char_width(cps[from - 1]) <= width)
        used += char_width(cps[--from]);
    std::string out = "…";
    for (std::size_t i = from; i < cps.size(); ++i)
        utf8_append(out, cps[i]);
    return out;
}

}  // namespace crm::render
