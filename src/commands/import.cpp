#include <filesystem>

#include "crm/commands/common.hpp"
#include "crm/commands/contact.hpp"
#include "crm/commands/import.hpp"
#include "crm/formats/csv.hpp"
#include "crm/formats/csv_read.hpp"
#include "crm/formats/vcard.hpp"
#include "crm/model/contact.hpp"
#include "crm/model/slug.hpp"
#include "crm/os/files.hpp"
#include "crm/render/table.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/text.hpp"

namespace crm::commands {

namespace {

// A client as the import file describes it, before it meets the folder.
struct Incoming {
    std::string name;
    std::string tier;
    std::string stage;
    std::string owner;
    std::optional<Cadence> every;
    std::optional<Date> since;
    std::vector<std::string> tags;
    std::vector<Contact> contacts;
    int line = 0;
};

constexpr std::size_t kMaxImportBytes = 64 * 1024 * 1024;

void add_contact(std::vector<Contact>& contacts, const Contact& c) {
    for (const auto& have : contacts)
        if (same_contact(have, c))
            return;
    contacts.push_back(c);
}

Incoming& incoming_named(std::vector<Incoming>& all, const std::string& name, int line) {
    for (auto& in : all)
        if (fold_case(in.name) == fold_case(name))
            return in;
    Incoming in;
    in.name = name;
    in.line = line;
    all.push_back(in);
    return all.back();
}

std::vector<Incoming> from_vcard(std::string_view text, const std::string& file) {
    std::vector<Incoming> all;
    for (const auto& org : formats::group_by_org(formats::parse_vcards(text, file))) {
        Incoming& in = incoming_named(all, org.name, org.line);
        for (const auto& c : org.contacts)
            add_contact(in.contacts, c);
    }
    return all;
}

std::vector<std::string> split_tags(const std::string& text) {
    std::vector<std::string> tags;
    std::string current;
    for (char c : text + ";") {
        if (c == ';' || c == ',') {
            if (auto t = trim(current); !t.empty())
                tags.push_back(t);
            current.clear();
        } else {
            current += c;
        }
    }
    return tags;
}

// Columns by header name; "name" is required, any other column may be missing.
std::vector<Incoming> from_csv(std::string_view text, const std::string& file,
                               const Settings& settings, Context& ctx) {
    auto records = formats::read_csv(text, file);
    if (records.empty())
        throw DataError({file, 1, 0}, "the file is empty", "the first line names the columns");
    // The columns of `crm export --format csv` too, so an export imports elsewhere.
    const std::vector<std::string> known{"name", "tier",    "stage", "owner", "every", "since",
                                         "tags", "contact", "role",  "email", "phone", "slug"};
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < records[0].fields.size(); ++i) {
        std::string h = ascii_lower(trim(records[0].fields[i]));
        if (h == "client" || h == "company" || h == "organisation" || h == "organization")
            h = "name";
        if (std::find(known.begin(), known.end(), h) == known.end()) {
            ctx.warn(file + ": column '" + records[0].fields[i] + "' ignored (crm reads " +
                     join(known, ", ") + ")");
        } else if (!column.count(h)) {
            column[h] = i;
        }
    }
    if (!column.count("name")) {
        throw DataError({file, 1, 0}, "the header has no 'name' column",
                        "the first line names the columns: name,tier,stage,owner,contact,email,"
                        "phone,tags");
    }
    std::vector<Incoming> all;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const auto& rec = records[r];
        auto get = [&](const std::string& key) {
            auto it = column.find(key);
            return it != column.end() && it->second < rec.fields.size()
                       ? formats::unguard_cell(trim(rec.fields[it->second]))
                       : std::string();
        };
        std::string name = get("name");
        if (name.empty())
            throw DataError({file, rec.line, 0}, "this row has no name",
                            "every row needs the client's name");
        Incoming& in = incoming_named(all, name, rec.line);
        auto take = [&](std::string& field, const std::string& key,
                        const std::vector<std::string>& allowed) {
            std::string v = get(key);
            if (v.empty())
                return;
            if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), v) == allowed.end())
                throw DataError({file, rec.line, 0},
                                key + " '" + v + "' is not one of " + join(allowed, ", "),
                                "fix the row, or the " + key + "s in crm.yaml");
            if (field.empty())
                field = v;
        };
        take(in.tier, "tier", settings.tier_names());
        take(in.stage, "stage", settings.stages);
        take(in.owner, "owner", {});
        if (auto every = get("every"); !every.empty() && !in.every) {
            if (every == "never") {
                in.every = Cadence::never();
            } else if (auto d = parse_duration(every)) {
                in.every = Cadence{*d};
            } else {
                throw DataError({file, rec.line, 0}, "every '" + every + "' is not a duration",
                                "write 30d, 6w, 2m, 1y or never");
            }
        }
        if (auto since = get("since"); !since.empty() && !in.since) {
            in.since = Date::parse_iso(since);
            if (!in.since)
                throw DataError({file, rec.line, 0}, "since '" + since + "' is not a date",
                                "write YYYY-MM-DD");
        }
        for (const auto& t : split_tags(get("tags")))
            if (std::find(in.tags.begin(), in.tags.end(), t) == in.tags.end())
                in.tags.push_back(t);
        Contact c{get("contact"), get("role"), get("email"), get("phone"), ""};
        if (c.name.empty())
            c.name = c.email;
        if (!c.name.empty())
            add_contact(in.contacts, c);
    }
    return all;
}

bool is_vcard(const std::string& path, std::string_view text) {
    std::string ext = ascii_lower(std::filesystem::path(path).extension().string());
    if (ext == ".vcf" || ext == ".vcard")
        return true;
    if (ext == ".csv")
        return false;
    return fold_case(trim(text.substr(0, 200))).starts_with("begin:vcard");
}

std::string read_import_file(const std::string& path) {
    auto text = os::read_file(path, kMaxImportBytes);
    if (!text)
        throw RuntimeError("cannot read '" + path + "'", "check the file's name");
    if (text->size() > kMaxImportBytes)
        throw RuntimeError("'" + path + "' is larger than 64 MiB", "split it into parts");
    if (text->starts_with("\xFF\xFE") || text->starts_with("\xFE\xFF") || !is_valid_utf8(*text))
        throw RuntimeError("'" + path + "' is not UTF-8 text", "export or save it again as UTF-8");
    return *text;
}

const Client* find_existing(const std::vector<Client>& clients, const std::string& name) {
    std::string slug = slugify(name);
    for (const auto& c : clients)
        if (fold_case(c.name) == fold_case(name) || c.slug == name || c.slug == slug)
            return &c;
    return nullptr;
}

std::string plural(std::size_t n, const std::string& word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::vector<std::string> names_of(const std::vector<Contact>& contacts) {
    std::vector<std::string> names;
    for (const auto& c : contacts)
        names.push_back(c.name);
    return names;
}

}  // namespace

int import_file(const ImportOptions& o, Context& ctx) {
    std::string text = read_import_file(o.file);
    auto& folder = ctx.folder();
    const Settings& settings = folder.settings();
    std::vector<Incoming> incoming =
        is_vcard(o.file, text) ? from_vcard(text, o.file) : from_csv(text, o.file, settings, ctx);

    std::optional<store::Transaction> tx;
    if (!o.dry_run)
        tx.emplace(folder.root(), ctx.commit_policy());
    std::vector<DataError> problems;
    const std::vector<Client> existing = folder.load_clients(problems);

    render::Table report({"RESULT", "SLUG", "CLIENT"});
    report.flexible(2);
    std::vector<std::string> planned;
    std::size_t created = 0, updated = 0, unchanged = 0, skipped = 0;
    for (const auto& in : incoming) {
        if (const Client* have = find_existing(existing, in.name)) {
            std::vector<Contact> missing;
            for (const auto& c : in.contacts)
                if (std::none_of(have->contacts.begin(), have->contacts.end(),
                                 [&](const Contact& h) { return same_contact(h, c); }))
                    missing.push_back(c);
            if (missing.empty()) {
                ++unchanged;
                report.add({{"unchanged"}, {have->slug}, {have->name + ": already there"}});
                continue;
            }
            const std::string added = join(names_of(missing), ", ");
            // The new people join the client's contacts as `crm contact add` adds them:
            // only their lines, read back as a client, or the file is left alone.
            try {
                const std::string file = folder.client_file(have->slug);
                const std::string text = folder.read(file).value_or("");
                const std::string edited = with_new_contacts(text, file, missing);
                (void)schema::read_client(edited, file);
                if (tx)
                    tx->replace(file, edited);
            } catch (const Error& e) {
                ++skipped;
                report.add({{"skipped", render::Style::bold},
                            {have->slug},
                            {have->name + ": " + e.what() + "; add them with crm contact add (" +
                             added + ")"}});
                continue;
            }
            ++updated;
            report.add({{"updated", render::Style::bold},
                        {have->slug},
                        {have->name + ": " + plural(missing.size(), "contact") + " added (" +
                         added + ")"}});
            continue;
        }
        Client c;
        c.name = in.name;
        c.stage = in.stage.empty() ? settings.stages.front() : in.stage;
        c.tier = in.tier.empty() ? settings.default_tier : in.tier;
        c.owner = in.owner;
        c.every = in.every;
        c.since = in.since ? in.since : ctx.today();
        c.tags = in.tags;
        c.contacts = in.contacts;
        c.slug = unique_slug(slugify(c.name), [&](const std::string& s) {
            return std::find(planned.begin(), planned.end(), s) != planned.end() ||
                   folder.client_dir_taken(s);
        });
        planned.push_back(c.slug);
        ++created;
        report.add({{"created", render::Style::bold},
                    {c.slug},
                    {c.name + " (" + plural(c.contacts.size(), "contact") + ")"}});
        if (tx)
            tx->create(folder.client_file(c.slug), schema::client_yaml(c));
    }
    if (!report.empty())
        ctx.out() << report.render(render::Styler(ctx.color()), ctx.terminal_width());
    std::string summary = std::to_string(created) + " created, " + std::to_string(updated) +
                          " updated, " + std::to_string(unchanged) + " unchanged, " +
                          std::to_string(skipped) + " skipped";
    ctx.note(o.dry_run ? summary + "; dry run: nothing written" : summary);
    if (tx && !tx->touched().empty()) {
        std::string name = std::filesystem::path(o.file).filename().string();
        std::vector<std::string> what;
        if (created)
            what.push_back(plural(created, "client"));
        if (updated)
            what.push_back("contacts at " + plural(updated, "client"));
        tx->commit("import: " + join(what, " and ") + " from " + name);
    }
    return ctx.warn_problems(problems);
}

}  // namespace crm::commands
