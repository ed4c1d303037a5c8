#include "crm/render/columns.hpp"

#include "crm/formats/csv.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

#include "markdown_text.hpp"

namespace crm::render {

std::string csv_rows(const std::vector<std::string>& keys,
                     const std::vector<std::vector<std::string>>& rows) {
    std::string out = formats::csv_row(keys);
    for (const auto& r : rows)
        out += formats::csv_row(r);
    return out;
}

std::string markdown_heading(const std::string& header) {
    std::string out = ascii_lower(header);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z')
        out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

std::string markdown_rows(const std::vector<std::string>& headers,
                          const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::string> heads;
    std::vector<std::string> rules;
    for (const auto& h : headers) {
        heads.push_back(md_cell(h));
        rules.emplace_back(static_cast<std::size_t>(display_width(h) + 2), '-');
    }
    std::string out = fmt::format("| {} |\n|{}|\n", fmt::join(heads, " | "), fmt::join(rules, "|"));
    for (const auto& r : rows) {
        std::vector<std::string> cells;
        cells.reserve(r.size());
        for (const auto& c : r)
            cells.push_back(md_cell(c));
        out += fmt::format("| {} |\n", fmt::join(cells, " | "));
    }
    return out;
}

}  // namespace crm::render
