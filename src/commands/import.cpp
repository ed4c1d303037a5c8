#include <filesystem>

#include "crm/commands/common.hpp"
#include "crm/commands/contact.hpp"
#include "crm/commands/import.hpp"
#include "crm/model/contact.hpp"
#include "crm/model/slug.hpp"
#include "crm/render/table.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/text.hpp"

#include "import_calendar.hpp"
#include "import_read.hpp"

namespace crm::commands {

namespace {

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
    if (is_calendar_input(o.file))
        return import_calendar(o, ctx);
    std::string text = read_import_file(o.file);
    auto& folder = ctx.folder();
    const Settings& settings = folder.settings();
    std::vector<Incoming> incoming = read_incoming(o.file, text, settings, ctx);

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
            const std::string file = folder.client_file(have->slug);
            std::string edited;
            try {
                // Read in the transaction: the file replaced must be the one read.
                const std::string text =
                    (tx ? tx->read(file) : folder.read(file)).value_or(std::string());
                edited = with_new_contacts(text, file, missing);
                (void)schema::read_client(edited, file);
            } catch (const Error& e) {
                ++skipped;
                report.add({{"skipped", render::Style::bold},
                            {have->slug},
                            {have->name + ": " + e.what() + "; add them with crm contact add (" +
                             added + ")"}});
                continue;
            }
            // Outside the try: a write that fails (a full disk) fails the import, which
            // takes back what it wrote, rather than being counted as one client skipped.
            if (tx)
                tx->replace(file, edited);
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
        c.notes = in.notes;
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
    // The report once it is committed: a commit that fails is an error, never a success.
    if (tx && !tx->touched().empty()) {
        std::string name = std::filesystem::path(o.file).filename().string();
        std::vector<std::string> what;
        if (created)
            what.push_back(plural(created, "client"));
        if (updated)
            what.push_back("contacts at " + plural(updated, "client"));
        tx->commit("import: " + join(what, " and ") + " from " + name);
    }
    if (!report.empty())
        ctx.out() << report.render(render::Styler(ctx.color()), ctx.terminal_width());
    std::string summary = std::to_string(created) + " created, " + std::to_string(updated) +
                          " updated, " + std::to_string(unchanged) + " unchanged, " +
                          std::to_string(skipped) + " skipped";
    ctx.note(o.dry_run ? summary + "; dry run: nothing written" : summary);
    return ctx.warn_problems(problems);
}

}  // namespace crm::commands
