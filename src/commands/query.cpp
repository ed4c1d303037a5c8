#include "crm/commands/query.hpp"

#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::commands {

namespace {

// A tab or line break inside a value would break the line into other columns.
std::string cell(std::string_view s) {
    std::string out;
    for (char c : s)
        out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
    return out;
}

}  // namespace

int query(const QueryOptions& o, Context& ctx) {
    const std::string wanted = fold_case(trim(o.text));
    std::vector<DataError> problems;
    std::string lines;
    std::size_t found = 0;
    for (const auto& c : ctx.folder().load_clients(problems)) {
        const bool client_matches = fold_case(c.name).find(wanted) != std::string::npos ||
                                    c.slug.find(wanted) != std::string::npos;
        for (const auto& p : c.contacts) {
            if (p.email.empty())
                continue;  // nothing a mail program could use
            if (!client_matches && fold_case(p.name).find(wanted) == std::string::npos &&
                fold_case(p.email).find(wanted) == std::string::npos)
                continue;
            lines += fmt::format("{}\t{}\t{}\n", cell(p.email), cell(p.name), cell(c.name));
            ++found;
        }
    }
    if (found == 0) {
        ctx.out() << fmt::format("crm: no contact matches '{}'\n", cell(o.text));
        ctx.warn_problems(problems);
        return 1;
    }
    ctx.out() << fmt::format("crm: {} {} matching '{}'\n", found,
                             found == 1 ? "contact" : "contacts", cell(o.text))
              << lines;
    return ctx.warn_problems(problems);
}

}  // namespace crm::commands
