// crm import's writing half: each person or organisation of the file meets the folder.
// Identity is by e-mail, else by name; a person already there gets what they lacked and
// a value that differs in their notes; two people of one name stay two. Every file is
// built, then checked as `crm check` would, then written: a bad one writes nothing.
#include "crm/commands/import.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include "crm/commands/contact.hpp"
#include "crm/model/contact.hpp"
#include "crm/model/slug.hpp"
#include "crm/os/files.hpp"
#include "crm/os/uuid.hpp"
#include "crm/render/import_view.hpp"
#include "crm/schema/check.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"
#include "crm/yaml/item_edit.hpp"
#include "crm/yaml/key_edit.hpp"
#include "crm/yaml/write.hpp"

#include "import_calendar.hpp"
#include "import_match.hpp"
#include "import_read.hpp"
#include "import_records.hpp"

namespace crm::commands {

namespace {

namespace fs = std::filesystem;

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

// The lines of custom fields a client.yaml written by client_yaml lacks.
std::string with_custom(std::string text, const CustomFields& custom) {
    for (const auto& [key, value] : custom)
        text += fmt::format("{}: {}\n", yaml::scalar(key), yaml::scalar(value));
    return text;
}

// The files to read: FILE itself, or a vdir's .vcf (and .ics) files in name order.
std::vector<std::string> files_of(const std::string& path) {
    std::error_code ec;
    if (!fs::is_directory(path, ec))
        return {path};
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(path, ec)) {
        const std::string ext = ascii_lower(entry.path().extension().string());
        if ((ext == ".vcf" || ext == ".ics") && entry.is_regular_file(ec))
            files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    if (files.empty())
        throw RuntimeError(fmt::format("'{}' holds no .vcf or .ics file", path),
                           "a vdir (khard's, vdirsyncer's) has one card or calendar per file");
    return files;
}

int import_contacts(const ImportOptions& o, const std::vector<Arrival>& arrivals,
                    const Client& given, Context& ctx) {
    auto& folder = ctx.folder();
    const Settings& settings = folder.settings();
    std::optional<store::Transaction> tx;
    if (!o.dry_run)
        tx.emplace(folder.root(), ctx.commit_policy());
    std::vector<DataError> problems;
    Client defaults = given;
    defaults.stage = given.stage.empty() ? settings.stages.front() : given.stage;
    defaults.tier = settings.default_tier;
    if (defaults.owner.empty())
        defaults.owner = ctx.user();
    auto given_option = [&](const char* key) {
        auto it = o.client.find(key);
        return it != o.client.end() && !it->second.empty();
    };
    std::vector<Target> targets =
        match_arrivals(folder.load_clients(problems), arrivals,
                       {defaults, given_option("stage"), given_option("owner"),
                        given_option("every"), ctx.today()});

    // Every file as it will be, checked as crm check would, before anything is written.
    struct Write {
        std::string file;
        std::string text;
        bool create;
    };
    std::vector<Write> writes;
    render::ImportReport report;
    std::vector<std::string> planned;
    std::size_t created = 0, updated = 0, unchanged = 0, skipped = 0;
    for (auto& t : targets) {
        Client& c = t.client;
        if (!t.touched()) {
            if (t.met) {
                ++unchanged;
                report.unchanged(c.slug, c.name);
            }
            continue;
        }
        if (t.created) {
            // crm's own CSV names the slug it had (a client renamed keeps its slug): a
            // backup restores it, and the records that name it find it.
            c.slug = unique_slug(
                is_valid_slug(c.slug) ? c.slug : slugify(c.name), [&](const std::string& s) {
                    return std::find(planned.begin(), planned.end(), s) != planned.end() ||
                           folder.client_dir_taken(s);
                });
            planned.push_back(c.slug);
            const std::string file = folder.client_file(c.slug);
            const std::string text = with_custom(schema::client_yaml(c), c.custom);
            if (auto p = schema::check_file(text, file, schema::FileKind::client, settings);
                !p.empty())
                throw DataError({t.file, t.line, 0},
                                fmt::format("{} would be a client.yaml crm refuses: {}", c.name,
                                            p.front().what()),
                                "correct the entry in the file, then import again; nothing "
                                "was written");
            writes.push_back({file, text, true});
            ++created;
            report.created(c.slug, c.name, c.contacts.size());
            continue;
        }
        // A client of the folder: only the lines of the contacts that change, and those
        // added, as `crm contact set` and `crm contact add` write them.
        const std::string file = folder.client_file(c.slug);
        std::vector<std::string> said = t.said;
        std::vector<Contact> added(c.contacts.begin() + static_cast<long>(t.original_contacts),
                                   c.contacts.end());
        std::vector<std::string> added_names;
        for (const auto& p : added)
            added_names.push_back(p.name);
        if (!added.empty())
            said.insert(said.begin(),
                        fmt::format("{} added ({})", plural(added.size(), "contact", "contacts"),
                                    join(added_names, ", ")));
        std::string text;
        try {
            // Read in the transaction: the file replaced must be the one read.
            text = (tx ? tx->read(file) : folder.read(file)).value_or(std::string());
            for (const auto& [index, fields] : t.changed)
                for (const auto& f : fields)
                    text = yaml::set_item_key(
                        text, file, "contacts", index, f,
                        contact_edit_value(f, contact_field(c.contacts[index], f)));
            if (!added.empty())
                text = with_new_contacts(text, file, added);
            if (t.notes_changed)
                text = yaml::set_text_key(text, file, "notes", c.notes);
            if (auto p = schema::check_file(text, file, schema::FileKind::client, settings);
                !p.empty())
                throw DataError(p.front());
        } catch (const Error& e) {
            ++skipped;
            report.skipped(c.slug, c.name, e.what(), said);
            continue;
        }
        writes.push_back({file, text, false});
        ++updated;
        report.updated(c.slug, c.name, said);
    }
    // The report once it is committed: a commit that fails is an error, never a success.
    if (tx && !writes.empty()) {
        for (const auto& w : writes) {
            if (w.create)
                tx->create(w.file, w.text);
            else
                tx->replace(w.file, w.text);
        }
        std::vector<std::string> what;
        if (created)
            what.push_back(plural(created, "client", "clients"));
        if (updated)
            what.push_back(fmt::format("contacts at {}", plural(updated, "client", "clients")));
        tx->commit(fmt::format("import: {} from {}", join(what, " and "),
                               fs::path(o.file).filename().string()));
    }
    ctx.out() << report.render(render::Styler(ctx.color()), ctx.terminal_width());
    ctx.note(render::import_summary(created, updated, unchanged, skipped, o.dry_run));
    return ctx.warn_problems(problems);
}

}  // namespace

int import_file(const ImportOptions& o, Context& ctx) {
    if (is_calendar_input(o.file))
        return import_calendar(o, ctx);
    if (is_record_table(o.file))
        return import_records(o, ctx);
    auto& folder = ctx.folder();
    const Settings& settings = folder.settings();
    Client given;
    type_fields(schema::client_schema(), o.client, given, typing(ctx));

    std::vector<Arrival> arrivals;
    std::vector<std::string> calendars;
    for (const auto& file : files_of(o.file)) {
        const std::string head = os::read_file(file, 512).value_or(std::string());
        const ImportKind kind = import_kind(file, head);
        if (kind == ImportKind::calendar) {
            calendars.push_back(file);
            continue;
        }
        const std::string text = read_import_file(file, kind, ctx);
        auto more = read_arrivals(file, text, kind, settings, ctx);
        arrivals.insert(arrivals.end(), std::make_move_iterator(more.begin()),
                        std::make_move_iterator(more.end()));
    }
    int status = 0;
    if (!arrivals.empty() || calendars.empty())
        status = import_contacts(o, arrivals, given, ctx);
    if (!calendars.empty())
        status = std::max(status, import_calendars(o, calendars, ctx));
    return status;
}

}  // namespace crm::commands
