#include "crm/commands/export.hpp"
#include "crm/commands/common.hpp"
#include "crm/formats/csv.hpp"
#include "crm/formats/json.hpp"
#include "crm/formats/record_csv.hpp"

namespace crm::commands {

namespace {

std::string date_text(const std::optional<Date>& d) {
    return d ? d->iso() : "";
}

formats::Json client_json(const ClientRecord& rec) {
    formats::Json c = formats::to_json(rec.client);
    formats::Json visits = formats::Json::array(), reviews = formats::Json::array();
    for (const auto& v : rec.visits)
        visits.push_back(formats::to_json(v));
    for (const auto& r : rec.reviews)
        reviews.push_back(formats::to_json(r));
    c["visits"] = visits;
    c["reviews"] = reviews;
    formats::Json opportunities = formats::Json::array();
    for (const auto& o : rec.opportunities)
        opportunities.push_back(formats::to_json(o));
    c["opportunities"] = opportunities;
    return c;
}

// The document formats::dump would print for {"as_of": ..., "clients": [...]}, written one
// client at a time: a firm's whole folder as one JSON value took 400 MiB.
class JsonExport {
  public:
    JsonExport(std::ostream& out, Date today) : out_(out) {
        out_ << "{\n  \"as_of\": \"" << today.iso() << "\",\n  \"clients\": [";
    }
    void add(const ClientRecord& rec) {
        std::string text = formats::dump(client_json(rec));
        text.pop_back();  // dump's final newline
        out_ << (first_ ? "\n" : ",\n") << "    ";
        for (char c : text) {
            out_ << c;
            if (c == '\n')
                out_ << "    ";  // nested two levels down; strings hold no raw newline
        }
        first_ = false;
    }
    void finish() { out_ << (first_ ? "]" : "\n  ]") << "\n}\n"; }

  private:
    std::ostream& out_;
    bool first_ = true;
};

// One row per contact (a client without contacts gets one row), in the columns
// `crm import` reads, so an export can be edited in a spreadsheet and imported elsewhere.
const std::vector<std::string> kClientColumns{"slug",  "name", "stage",   "tier", "every", "owner",
                                              "since", "tags", "contact", "role", "email", "phone"};

void client_rows(const ClientRecord& rec, std::ostream& out) {
    const Client& c = rec.client;
    std::vector<Contact> contacts = c.contacts;
    if (contacts.empty())
        contacts.emplace_back();
    for (const auto& p : contacts) {
        out << formats::csv_row({c.slug, c.name, c.stage, c.tier, c.every ? c.every->str() : "",
                                 c.owner, date_text(c.since), join(c.tags, ";"), p.name, p.role,
                                 p.email, p.phone});
    }
}

void visit_rows(const ClientRecord& rec, std::ostream& out) {
    for (const auto& v : rec.visits)
        out << formats::csv_row(formats::visit_cells(rec.client, v));
}

void review_rows(const ClientRecord& rec, std::ostream& out) {
    for (const auto& r : rec.reviews)
        out << formats::csv_row(formats::review_cells(rec.client, r));
}

void opportunity_rows(const ClientRecord& rec, std::ostream& out) {
    for (const auto& o : rec.opportunities)
        out << formats::csv_row(formats::opportunity_cells(rec.client, o));
}

}  // namespace

int export_all(const ExportOptions& o, Context& ctx) {
    if (o.format == "json" && !o.what.empty())
        throw UsageError("--what is for --format csv; JSON always holds everything",
                         "crm export --format csv --what " + o.what);
    std::ostream& out = ctx.out();
    std::vector<DataError> problems;
    if (o.format == "json") {
        JsonExport json(out, ctx.today());
        problems = ctx.for_each_record(store::Detail::full,
                                       [&](const ClientRecord& rec) { json.add(rec); });
        json.finish();
    } else {
        // One table per kind of record: its columns, and the rows of each client.
        using Rows = void (*)(const ClientRecord&, std::ostream&);
        std::vector<std::string> columns = kClientColumns;
        Rows rows = client_rows;
        if (o.what == "visits") {
            columns = formats::visit_columns();
            rows = visit_rows;
        } else if (o.what == "reviews") {
            columns = formats::review_columns();
            rows = review_rows;
        } else if (o.what == "opportunities") {
            columns = formats::opportunity_columns();
            rows = opportunity_rows;
        }
        out << formats::csv_row(columns);
        problems = ctx.for_each_record(store::Detail::full,
                                       [&](const ClientRecord& rec) { rows(rec, out); });
    }
    return ctx.warn_problems(problems);
}

}  // namespace crm::commands
