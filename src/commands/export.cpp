#include <CLI/CLI.hpp>

#include "crm/commands/commands.hpp"
#include "crm/commands/common.hpp"
#include "crm/output/csv.hpp"
#include "crm/output/json.hpp"

namespace crm::commands {

namespace {

struct ExportOptions {
    std::string format = "json";
    std::string what;
};

std::string date_text(const std::optional<Date>& d) {
    return d ? d->iso() : "";
}

// "Send statement (due 2026-11-30, done 2026-11-28)"
std::string commitments_text(const std::vector<Commitment>& items) {
    std::vector<std::string> parts;
    for (const auto& c : items) {
        std::string s = c.what;
        std::vector<std::string> when;
        if (c.due)
            when.push_back("due " + c.due->iso());
        if (c.done)
            when.push_back("done " + c.done->iso());
        if (!when.empty())
            s += " (" + join(when, ", ") + ")";
        parts.push_back(s);
    }
    return join(parts, "; ");
}

void export_json(const store::Snapshot& snap, Context& ctx) {
    output::Json clients = output::Json::array();
    for (const auto& rec : snap.clients) {
        output::Json c = output::to_json(rec.client);
        output::Json visits = output::Json::array(), reviews = output::Json::array();
        for (const auto& v : rec.visits)
            visits.push_back(output::to_json(v));
        for (const auto& r : rec.reviews)
            reviews.push_back(output::to_json(r));
        c["visits"] = visits;
        c["reviews"] = reviews;
        clients.push_back(c);
    }
    ctx.out() << output::dump(output::Json{{"as_of", ctx.today().iso()}, {"clients", clients}});
}

// One row per contact (a client without contacts gets one row), in the columns
// `crm import` reads, so an export can be edited in a spreadsheet and imported elsewhere.
void export_clients_csv(const store::Snapshot& snap, Context& ctx) {
    ctx.out() << output::csv_row({"slug", "name", "stage", "tier", "every", "owner", "since",
                                  "tags", "contact", "role", "email", "phone"});
    for (const auto& rec : snap.clients) {
        const Client& c = rec.client;
        std::vector<Contact> contacts = c.contacts;
        if (contacts.empty())
            contacts.emplace_back();
        for (const auto& p : contacts) {
            ctx.out() << output::csv_row(
                {c.slug, c.name, c.stage, c.tier, c.every ? c.every->str() : "", c.owner,
                 date_text(c.since), join(c.tags, ";"), p.name, p.role, p.email, p.phone});
        }
    }
}

void export_visits_csv(const store::Snapshot& snap, Context& ctx) {
    ctx.out() << output::csv_row({"client", "name", "date", "kind", "by", "where", "initiated_by",
                                  "with", "discussed", "new_topics", "promises", "actions",
                                  "next_contact", "notes", "file"});
    for (const auto& rec : snap.clients) {
        for (const auto& v : rec.visits) {
            ctx.out() << output::csv_row({rec.client.slug, rec.client.name, v.date.iso(), v.kind,
                                          v.by, v.where, v.initiated_by, join(v.with, "; "),
                                          join(v.discussed, "; "), join(v.new_topics, "; "),
                                          commitments_text(v.promises), commitments_text(v.actions),
                                          date_text(v.next_contact), v.notes, v.file});
        }
    }
}

void export_reviews_csv(const store::Snapshot& snap, Context& ctx) {
    ctx.out() << output::csv_row({"client", "name", "date", "by", "project", "rating", "why",
                                  "went_well", "to_improve", "testimonial", "referrals", "file"});
    for (const auto& rec : snap.clients) {
        for (const auto& r : rec.reviews) {
            ctx.out() << output::csv_row({rec.client.slug, rec.client.name, r.date.iso(), r.by,
                                          r.project, std::string(rating_name(r.rating)), r.why,
                                          join(r.went_well, "; "), join(r.to_improve, "; "),
                                          r.testimonial, join(r.referrals, "; "), r.file});
        }
    }
}

int run(const ExportOptions& o, Context& ctx) {
    if (o.format == "json" && !o.what.empty())
        throw UsageError("--what is for --format csv; JSON always holds everything",
                         "crm export --format csv --what " + o.what);
    store::Snapshot snap = ctx.load_all();
    if (o.format == "json")
        export_json(snap, ctx);
    else if (o.what == "visits")
        export_visits_csv(snap, ctx);
    else if (o.what == "reviews")
        export_reviews_csv(snap, ctx);
    else
        export_clients_csv(snap, ctx);
    return ctx.warn_problems(snap.problems);
}

}  // namespace

Runner register_export(CLI::App& cmd) {
    auto o = std::make_shared<ExportOptions>();
    cmd.add_option("--format", o->format, "json (everything, nested) or csv (one table)")
        ->check(CLI::IsMember({"json", "csv"}));
    cmd.add_option("--what", o->what,
                   "With csv: clients (one row per contact, the default), visits or reviews")
        ->check(CLI::IsMember({"clients", "visits", "reviews"}));
    return [o](Context& ctx) { return run(*o, ctx); };
}

}  // namespace crm::commands
