#include "crm/render/table_layout.hpp"

#include <algorithm>
#include <array>

#include "crm/render/terminal_text.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::render {

int shown_width(const std::vector<int>& widths, const std::vector<bool>& shown) {
    int total = -kColumnGap;
    for (std::size_t c = 0; c < widths.size(); ++c)
        if (shown[c])
            total += widths[c] + kColumnGap;
    return std::max(total, 0);
}

namespace {

bool never_cut(Role r) {
    return r == Role::number || r == Role::date || r == Role::flag;
}

// The fewest columns a column is given before another column goes.
int floor_of(const ColumnFit& f, int natural, int header, int width) {
    switch (f.role) {
        case Role::number:
        case Role::date:
        case Role::flag:
            return natural;
        case Role::reading: {
            // 30 on a terminal of 80, a third of a narrower one.
            const int base = f.min > 0 ? f.min : width >= 80 ? 30 : std::max(12, width / 3);
            return std::min(natural, std::max(base, header));
        }
        case Role::label:
            return std::min(natural, f.min > 0 ? f.min : 8);
        case Role::identifier:
            return std::min(natural, f.min > 0 ? f.min : 6);
    }
    return natural;
}

// When nothing else is left to go: what each column can still give.
int last_floor(const ColumnFit& f, int natural) {
    switch (f.role) {
        case Role::reading:
            return std::min(natural, 8);
        case Role::label:
            return std::min(natural, 3);
        case Role::identifier:
            return std::min(natural, 1);
        default:
            return natural;
    }
}

struct Plan {
    std::vector<int> widths;
    std::vector<bool> shown;
    bool narrow = false;  // the narrow headings are used
};

struct Measured {
    std::vector<std::string> headers;
    std::vector<std::vector<Cell>> rows;
};

Measured safe(const std::vector<std::string>& headers, const std::vector<ColumnFit>& fits,
              const std::vector<std::vector<Cell>>& rows, bool narrow) {
    Measured m;
    for (std::size_t c = 0; c < headers.size(); ++c) {
        const bool use_narrow = narrow && c < fits.size() && !fits[c].narrow_header.empty();
        m.headers.push_back(one_line(use_narrow ? fits[c].narrow_header : headers[c]));
    }
    for (const auto& row : rows) {
        m.rows.emplace_back();
        for (const auto& cell : row)
            m.rows.back().push_back({one_line(cell.text), cell.style});
    }
    return m;
}

std::vector<int> natural_widths(const Measured& m) {
    std::vector<int> widths(m.headers.size(), 0);
    for (std::size_t c = 0; c < widths.size(); ++c)
        widths[c] = display_width(m.headers[c]);
    for (const auto& row : m.rows)
        for (std::size_t c = 0; c < widths.size() && c < row.size(); ++c)
            widths[c] = std::max(widths[c], display_width(row[c].text));
    return widths;
}

Plan plan(const std::vector<std::string>& headers, const std::vector<ColumnFit>& fits,
          const std::vector<std::vector<Cell>>& rows, int width) {
    const std::size_t n = headers.size();
    Plan p;
    p.shown.assign(n, true);
    auto fit_of = [&](std::size_t c) { return c < fits.size() ? fits[c] : ColumnFit{}; };
    std::vector<int> natural = natural_widths(safe(headers, fits, rows, false));
    p.widths = natural;
    if (width <= 0)
        return p;
    for (std::size_t c = 0; c < n; ++c)
        p.shown[c] = fit_of(c).from <= 0 || width >= fit_of(c).from;
    if (shown_width(natural, p.shown) <= width)
        return p;

    const Measured narrow = safe(headers, fits, rows, true);
    natural = natural_widths(narrow);
    p.narrow = true;
    std::vector<int> floors(n);
    for (std::size_t c = 0; c < n; ++c) {
        floors[c] = floor_of(fit_of(c), natural[c], display_width(narrow.headers[c]), width);
        // A name beside the text people read (its own `min`) keeps its longest word
        // whole, up to 16 columns: "Corporatio/n" reads worse than a column less.
        if (fit_of(c).role == Role::reading && fit_of(c).min > 0) {
            int longest = 0;
            for (const auto& row : narrow.rows)
                if (c < row.size())
                    for (const auto& w : split(row[c].text, ' '))
                        longest = std::max(longest, display_width(w));
            floors[c] = std::max(floors[c], std::min({longest, 16, natural[c]}));
        }
    }

    // Columns that may go, lowest `drop` first, until the narrowest layout fits.
    while (shown_width(floors, p.shown) > width) {
        std::size_t victim = n;
        for (std::size_t c = 0; c < n; ++c)
            if (p.shown[c] && fit_of(c).drop > 0 &&
                (victim == n || fit_of(c).drop < fit_of(victim).drop))
                victim = c;
        if (victim == n)
            break;
        p.shown[victim] = false;
    }
    if (shown_width(floors, p.shown) > width)
        for (std::size_t c = 0; c < n; ++c)
            floors[c] = last_floor(fit_of(c), natural[c]);

    // What is left over goes to the text people read first, then labels, then identifiers.
    // A reading column first gets its longest word, the narrowest first, so that a name
    // wraps between words rather than inside one.
    p.widths = floors;
    int spare = width - shown_width(p.widths, p.shown);
    const Measured& m = narrow;
    std::vector<std::size_t> by_word;
    std::vector<int> word(n, 0);
    for (std::size_t c = 0; c < n; ++c) {
        if (!p.shown[c] || fit_of(c).role != Role::reading)
            continue;
        for (const auto& row : m.rows)
            if (c < row.size())
                for (const auto& w : split(row[c].text, ' '))
                    word[c] = std::max(word[c], display_width(w));
        word[c] = std::min(word[c], natural[c]);
        by_word.push_back(c);
    }
    std::stable_sort(by_word.begin(), by_word.end(), [&](std::size_t a, std::size_t b) {
        return word[a] - p.widths[a] < word[b] - p.widths[b];
    });
    for (std::size_t c : by_word) {
        const int give = std::min(spare, std::max(0, word[c] - p.widths[c]));
        p.widths[c] += give;
        spare -= give;
    }
    for (Role role : std::array{Role::reading, Role::label, Role::identifier}) {
        while (spare > 0) {
            std::size_t neediest = n;
            for (std::size_t c = 0; c < n; ++c)
                if (p.shown[c] && fit_of(c).role == role && p.widths[c] < natural[c] &&
                    (neediest == n ||
                     natural[c] - p.widths[c] > natural[neediest] - p.widths[neediest]))
                    neediest = c;
            if (neediest == n)
                break;
            ++p.widths[neediest];
            --spare;
        }
    }
    // Still too wide (a terminal narrower than the numbers): cut from the right, the only
    // case where anything but identifiers and labels is cut.
    for (std::size_t c = n; c-- > 0 && shown_width(p.widths, p.shown) > width;)
        if (p.shown[c])
            p.widths[c] = std::max(1, p.widths[c] - (shown_width(p.widths, p.shown) - width));
    return p;
}

}  // namespace

std::string TableText::str() const {
    std::string out = header;
    for (const auto& r : rows)
        out += r;
    return out;
}

std::vector<std::string> wrap_cell(const std::string& text, int width) {
    std::vector<std::string> lines;
    if (width <= 0 || display_width(text) <= width) {
        lines.push_back(text);
        return lines;
    }
    std::string line;
    auto push_word = [&](const std::string& word) {
        if (word.empty())
            return;
        const int lw = display_width(line);
        const int ww = display_width(word);
        if (!line.empty() && lw + 1 + ww <= width) {
            line += fmt::format(" {}", word);
            return;
        }
        if (!line.empty())
            lines.push_back(std::move(line));
        line.clear();
        if (ww <= width) {
            line = word;
            return;
        }
        // Wider than the column: broken between characters.
        for (char32_t cp : utf8_decode(word)) {
            std::string next = line;
            utf8_append(next, cp);
            if (display_width(next) > width && !line.empty()) {
                lines.push_back(std::move(line));
                next.clear();
                utf8_append(next, cp);
            }
            line = std::move(next);
        }
    };
    std::string word;
    for (char ch : text) {
        if (ch == ' ') {
            push_word(word);
            word.clear();
        } else {
            word += ch;
        }
    }
    push_word(word);
    if (!line.empty() || lines.empty())
        lines.push_back(std::move(line));
    return lines;
}

std::vector<int> column_widths(const std::vector<std::string>& headers,
                               const std::vector<ColumnFit>& fits,
                               const std::vector<std::vector<Cell>>& rows, int width) {
    Plan p = plan(headers, fits, rows, width);
    for (std::size_t c = 0; c < p.widths.size(); ++c)
        if (!p.shown[c])
            p.widths[c] = -1;
    return p.widths;
}

TableText lay_out(const std::vector<std::string>& headers, const std::vector<ColumnFit>& fits,
                  const std::vector<std::vector<Cell>>& raw_rows, const Styler& styler, int width) {
    const Plan p = plan(headers, fits, raw_rows, width);
    const Measured m = safe(headers, fits, raw_rows, p.narrow);
    const std::size_t n = headers.size();
    auto role = [&](std::size_t c) { return c < fits.size() ? fits[c].role : Role::label; };

    // One line of the table: the pieces of each shown column, padded to its width.
    auto line = [&](const std::vector<std::string>& pieces, const std::vector<Style>& styles) {
        std::string out;
        for (std::size_t c = 0; c < n; ++c) {
            if (!p.shown[c])
                continue;
            const std::string& text = pieces[c];
            const std::string fill(
                static_cast<std::size_t>(std::max(0, p.widths[c] - display_width(text))), ' ');
            // Padding stays outside the colour so that underlines end with the text.
            const std::string styled = styler(text, styles[c]);
            out += role(c) == Role::number ? fill + styled : styled + fill;
            out.append(kColumnGap, ' ');
        }
        while (!out.empty() && out.back() == ' ')
            out.pop_back();  // the gap after the last column too
        return fmt::format("{}\n", out);
    };

    TableText t;
    t.narrow = p.narrow;
    {
        std::vector<std::string> pieces(n);
        for (std::size_t c = 0; c < n; ++c)
            pieces[c] = truncate_to_width(m.headers[c], std::max(1, p.widths[c]));
        t.header = line(pieces, std::vector<Style>(n, Style::header));
    }
    for (const auto& row : m.rows) {
        std::vector<std::vector<std::string>> cells(n);
        std::vector<Style> styles(n, Style::none);
        std::size_t height = 1;
        for (std::size_t c = 0; c < n; ++c) {
            const std::string text = c < row.size() ? row[c].text : "";
            styles[c] = c < row.size() ? row[c].style : Style::none;
            if (!p.shown[c])
                cells[c] = {""};
            else if (role(c) == Role::reading && width > 0)
                cells[c] = wrap_cell(text, p.widths[c]);
            else if (never_cut(role(c)) && display_width(text) <= p.widths[c])
                cells[c] = {text};
            else
                cells[c] = {truncate_to_width(text, p.widths[c])};
            height = std::max(height, cells[c].size());
        }
        std::string block;
        for (std::size_t k = 0; k < height; ++k) {
            std::vector<std::string> pieces(n);
            for (std::size_t c = 0; c < n; ++c)
                pieces[c] = k < cells[c].size() ? cells[c][k] : "";
            block += line(pieces, styles);
        }
        t.rows.push_back(std::move(block));
    }
    return t;
}

}  // namespace crm::render
