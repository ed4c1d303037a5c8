#include "crm/render/check_view.hpp"

#include "crm/formats/json.hpp"
#include "crm/render/columns.hpp"
#include "crm/render/terminal_text.hpp"
#include "crm/util/format.hpp"

namespace crm::render {

namespace {

struct Finding {
    const DataError* problem;
    const char* level;  // "error" or "warning"
};

std::vector<Finding> findings(const std::vector<DataError>& problems,
                              const std::vector<DataError>& warnings) {
    std::vector<Finding> out;
    for (const auto& p : problems)
        out.push_back({&p, "error"});
    for (const auto& w : warnings)
        out.push_back({&w, "warning"});
    return out;
}

// The JSON's fields. The text is not a table: one line per problem, in the form an
// editor's jump-to-error reads, so it keeps its own lines (check_text).
const Columns<Finding>& check_columns() {
    using formats::Json;
    static const Columns<Finding> cols{
        {"file", "", {}, [](const Finding& f) { return Cell{f.problem->where().file}; }},
        {"line", "", {}, {}, {}, [](const Finding& f) { return Json(f.problem->where().line); }},
        {"column",
         "",
         {},
         {},
         {},
         [](const Finding& f) { return Json(f.problem->where().column); }},
        {"message", "", {}, [](const Finding& f) { return Cell{f.problem->problem()}; }},
        {"hint", "", {}, [](const Finding& f) { return Cell{f.problem->hint()}; }},
        {"level", "", {}, [](const Finding& f) { return Cell{f.level}; }},
    };
    return cols;
}

}  // namespace

std::string check_text(const std::vector<DataError>& problems,
                       const std::vector<DataError>& warnings) {
    std::string out;
    for (const Finding& f : findings(problems, warnings)) {
        // A problem can quote the file's own text.
        const DataError& p = *f.problem;
        out += fmt::format("{}{}{}\n", f.level[0] == 'w' ? "warning: " : "", safe_lines(p.what()),
                           p.hint().empty() ? "" : fmt::format(" ({})", safe_lines(p.hint())));
    }
    return out;
}

std::string check_json(const std::vector<DataError>& problems,
                       const std::vector<DataError>& warnings) {
    // Through formats::dump: a folder name that is not UTF-8 must not stop the report.
    return json(findings(problems, warnings), check_columns());
}

}  // namespace crm::render
