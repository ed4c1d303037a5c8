#include <algorithm>

#include "crm/commands/common.hpp"
#include "crm/commands/promises.hpp"
#include "crm/formats/json.hpp"
#include "crm/render/table.hpp"
#include "crm/reports/due.hpp"
#include "crm/util/text.hpp"

namespace crm::commands {

namespace {

struct Row {
    const ClientRecord* record;
    CommitmentRef ref;
    int number;  // 0 for delivered items: only open ones are numbered
};

// The rows of one client: its open items numbered as `crm done` reads the numbers, then
// (with --all) what was delivered. Filters hide rows; they never renumber.
std::vector<Row> client_rows(const ClientRecord& r, const PromisesOptions& o, Date today,
                             const std::string& user) {
    std::vector<Row> rows;
    const auto open = open_commitments(r);
    for (std::size_t i = 0; i < open.size(); ++i)
        rows.push_back({&r, open[i], static_cast<int>(i + 1)});
    if (o.all)
        for (const auto& ref : delivered_commitments(r))
            rows.push_back({&r, ref, 0});
    std::erase_if(rows, [&](const Row& row) {
        const Commitment& c = *row.ref.item;
        if (o.overdue && !(c.open() && c.due && *c.due < today))
            return true;
        return o.mine && !same_person(r.client.owner, user) &&
               !same_person(row.ref.visit->by, user);
    });
    return rows;
}

std::string when(const Commitment& c, Date today) {
    if (c.done)
        return "done " + c.done->iso();
    return c.due ? relative_days(*c.due, today) : "no date";
}

void print_table(const std::vector<Row>& rows, Date today, Context& ctx) {
    render::Table table({"CLIENT", "#", "TYPE", "DUE", "WHEN", "WHAT", "BY"});
    table.right_align(1);
    table.flexible(5);
    const ClientRecord* previous = nullptr;
    for (const Row& row : rows) {
        const Commitment& c = *row.ref.item;
        const bool late = c.open() && c.due && *c.due < today;
        const bool first = row.record != previous;
        previous = row.record;
        table.add({{first ? row.record->client.name : "", render::Style::bold},
                   {row.number ? std::to_string(row.number) : "", render::Style::bold},
                   {std::string(due_type_name(row.ref.type)), render::Style::cyan},
                   {c.due ? c.due->iso() : ""},
                   {when(c, today), late     ? render::Style::red
                                    : c.done ? render::Style::green
                                             : render::Style::none},
                   {c.what, c.done ? render::Style::dim : render::Style::none},
                   {row.ref.visit->by, render::Style::dim}});
    }
    ctx.out() << table.render(render::Styler(ctx.color()), ctx.terminal_width());
}

void print_json(const std::vector<Row>& rows, Date today, Context& ctx) {
    formats::Json arr = formats::Json::array();
    for (const Row& row : rows) {
        const Commitment& c = *row.ref.item;
        formats::Json j = {{"client", row.record->client.slug},
                           {"name", row.record->client.name},
                           {"number", row.number ? formats::Json(row.number) : formats::Json()},
                           {"type", due_type_name(row.ref.type)},
                           {"what", c.what},
                           {"due", formats::date_or_null(c.due)},
                           {"done", formats::date_or_null(c.done)},
                           {"overdue", c.open() && c.due && *c.due < today},
                           {"by", row.ref.visit->by},
                           {"visit", row.ref.visit->file}};
        arr.push_back(j);
    }
    ctx.out() << formats::dump(arr);
}

}  // namespace

int promises(const PromisesOptions& o, Context& ctx) {
    const Date today = ctx.today();
    const std::string user = o.mine ? ctx.user() : "";
    std::vector<DataError> problems;
    std::vector<ClientRecord> records;
    if (!o.client.empty()) {
        const std::string slug = resolve_client(ctx, o.client);
        records.push_back(ctx.folder().load_record(slug, problems));
        records.back().client.slug = slug;
    } else {
        store::Snapshot snap = ctx.load_all(store::Detail::summary);
        records = std::move(snap.clients);
        problems = std::move(snap.problems);
    }

    // Clients whose next item is soonest come first; inside a client, the numbering order.
    std::vector<std::vector<Row>> groups;
    for (const auto& r : records)
        if (auto rows = client_rows(r, o, today, user); !rows.empty())
            groups.push_back(std::move(rows));
    auto first_due = [](const std::vector<Row>& g) { return g.front().ref.item->due; };
    std::stable_sort(groups.begin(), groups.end(), [&](const auto& a, const auto& b) {
        auto da = first_due(a), db = first_due(b);
        if (da.has_value() != db.has_value())
            return da.has_value();
        return da && *da < *db;
    });
    std::vector<Row> rows;
    for (auto& g : groups)
        rows.insert(rows.end(), g.begin(), g.end());

    if (o.format == "json")
        print_json(rows, today, ctx);
    else if (rows.empty())
        ctx.note(o.overdue ? "nothing overdue" : "no open promises or actions");
    else
        print_table(rows, today, ctx);
    return ctx.warn_problems(problems);
}

}  // namespace crm::commands
