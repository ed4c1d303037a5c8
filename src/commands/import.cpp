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
#include "crm/render/table.hpp"
#include "crm/schema/check.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"
#include "crm/yaml/item_edit.hpp"
#include "crm/yaml/key_edit.hpp"
#include "crm/yaml/write.hpp"

#include "import_read.hpp"

namespace crm::commands {

namespace {

namespace fs = std::filesystem;

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

// A client as the import sees it: one of the folder (its file changed by lines) or one
// it creates.
struct Target {
    Client client;  // as it will be
    bool created = false;
    std::size_t original_contacts = 0;                        // those after are added by the import
    std::map<std::size_t, std::vector<std::string>> changed;  // contact: its fields changed
    bool notes_changed = false;                               // the client's own notes
    std::vector<std::string> said;                            // what changed, for the report
    bool met = false;                                         // an entry of the file is here
    int line = 0;
    std::string file;  // where its entry is, for messages
    bool touched() const {
        return created || notes_changed || !changed.empty() ||
               client.contacts.size() > original_contacts;
    }
};

std::string digits_of(const std::string& phone) {
    std::string d;
    for (char c : phone)
        if (c >= '0' && c <= '9')
            d += c;
    return d;
}

bool same_value(std::string_view field, const std::string& a, const std::string& b) {
    if (field == "phone")
        return digits_of(a) == digits_of(b);
    return fold_case(trim(a)) == fold_case(trim(b));
}

std::string label_of(std::string_view field) {
    return field == "email" ? "e-mail" : std::string(field);
}

class Importer {
  public:
    Importer(std::vector<Client> existing, Client defaults, Date today)
        : defaults_(std::move(defaults)), today_(today) {
        for (auto& c : existing) {
            Target t;
            t.original_contacts = c.contacts.size();
            t.client = std::move(c);
            targets_.push_back(std::move(t));
        }
    }

    void take(const Arrival& a) {
        if (!a.person) {
            Target& t = client_named(a.profile.name, a);
            if (t.created) {
                append_lines(t.client.notes, a.profile.notes);
                for (const auto& tag : a.profile.tags)
                    add_unique(t.client.tags, tag);
            } else {
                // A client of the folder keeps its tags; what its own entry says that
                // its notes lack is added to them, never dropped.
                const std::string before = t.client.notes;
                append_lines(t.client.notes, a.profile.notes);
                if (t.client.notes != before) {
                    t.notes_changed = true;
                    t.said.emplace_back("notes added");
                }
            }
            return;
        }
        const Contact& p = *a.person;
        if (auto at = find_contact([&](const Contact& c) {
                return (!p.uid.empty() && fold_case(c.uid) == fold_case(p.uid)) ||
                       (!p.email.empty() && fold_case(c.email) == fold_case(p.email));
            })) {
            update(targets_[at->first], at->second, p);
            // The organisation's own entry belongs where its people are.
            if (!a.own_client && !find_named(a.profile.name))
                aliases_.emplace_back(fold_case(a.profile.name), at->first);
            return;
        }
        auto compatible = [&](const Contact& c) {
            return fold_case(c.name) == fold_case(p.name) && (c.email.empty() || p.email.empty());
        };
        if (a.own_client) {
            // The person's own client: one of that name whose person this can be, else a
            // client named apart from the other person of that name.
            for (std::size_t i = 0; i < targets_.size(); ++i) {
                Target& t = targets_[i];
                if (!named(t, a.profile.name) && !named_apart(t, a.profile.name))
                    continue;
                for (std::size_t k = 0; k < t.client.contacts.size(); ++k)
                    if (compatible(t.client.contacts[k])) {
                        update(t, k, p);
                        return;
                    }
            }
            std::string name = a.profile.name;
            if (Target* same = find_named(name)) {
                if (same->client.contacts.empty()) {
                    add_contact(*same, p);
                    return;
                }
                name = apart_name(name, p);
            }
            Arrival own = a;
            own.profile.name = name;
            add_contact(create(own), p);
            return;
        }
        Target& t = client_named(a.profile.name, a);
        for (std::size_t k = 0; k < t.client.contacts.size(); ++k)
            if (compatible(t.client.contacts[k])) {
                update(t, k, p);
                return;
            }
        add_contact(t, p);
    }

    std::vector<Target>& targets() { return targets_; }

  private:
    template <class Pred>
    std::optional<std::pair<std::size_t, std::size_t>> find_contact(Pred pred) {
        for (std::size_t i = 0; i < targets_.size(); ++i)
            for (std::size_t k = 0; k < targets_[i].client.contacts.size(); ++k)
                if (pred(targets_[i].client.contacts[k]))
                    return std::make_pair(i, k);
        return std::nullopt;
    }

    static bool named(const Target& t, const std::string& name) {
        return fold_case(t.client.name) == fold_case(name);
    }
    static bool named_apart(const Target& t, const std::string& name) {
        return fold_case(t.client.name).starts_with(fold_case(fmt::format("{} (", name)));
    }

    Target* find_named(const std::string& name) {
        const std::string slug = slugify(name);
        for (auto& t : targets_)
            if (named(t, name))
                return &t;
        for (const auto& [alias, index] : aliases_)
            if (alias == fold_case(name))
                return &targets_[index];
        for (auto& t : targets_)
            if (!t.created && t.client.slug == slug)
                return &t;
        return nullptr;
    }

    // "John Smith (john@beta.example)": a second person of that name, told apart by what
    // is theirs alone.
    std::string apart_name(const std::string& name, const Contact& p) {
        const std::string by = !p.email.empty() ? p.email : p.phone;
        std::string apart =
            by.empty() ? fmt::format("{} (2)", name) : fmt::format("{} ({})", name, by);
        for (int n = 3; find_named(apart); ++n)
            apart = fmt::format("{} ({})", name, n);
        return apart;
    }

    Target& client_named(const std::string& name, const Arrival& a) {
        if (Target* t = find_named(name)) {
            t->met = true;
            return *t;
        }
        return create(a);
    }

    Target& create(const Arrival& a) {
        Target t;
        t.created = true;
        t.met = true;
        t.line = a.line;
        t.file = a.file;
        Client& c = t.client;
        if (a.full_profile) {
            c = a.profile;
            c.contacts.clear();
        } else {
            c.name = a.profile.name;
            c.notes = a.profile.notes;
            c.tags = a.profile.tags;
        }
        // The options apply to every client the import creates; what the file says of
        // a client comes next; then the folder's defaults.
        for (const auto& tag : defaults_.tags)
            add_unique(c.tags, tag);
        if (!defaults_.stage.empty() && (given_.stage || c.stage.empty()))
            c.stage = defaults_.stage;
        if (c.tier.empty())
            c.tier = defaults_.tier;
        if (given_.owner || (c.owner.empty() && !a.full_profile))
            c.owner = defaults_.owner;
        if (given_.every)
            c.every = defaults_.every;
        if (!c.since)
            c.since = today_;
        targets_.push_back(std::move(t));
        return targets_.back();
    }

    void add_contact(Target& t, Contact p) {
        t.met = true;
        if (p.uid.empty() || find_contact([&](const Contact& c) { return c.uid == p.uid; }))
            p.uid = os::new_uuid();
        t.client.contacts.push_back(std::move(p));
    }

    static void append_lines(std::string& notes, const std::string& more) {
        for (const auto& line : split(more, '\n')) {
            if (trim(line).empty() || notes.find(line) != std::string::npos)
                continue;
            notes = notes.empty() ? line : fmt::format("{}\n{}", notes, line);
        }
    }
    static void add_unique(std::vector<std::string>& list, const std::string& v) {
        if (std::none_of(list.begin(), list.end(),
                         [&](const std::string& h) { return fold_case(h) == fold_case(v); }))
            list.push_back(v);
    }

    // The person `have` is: what they lack is filled, a value that differs is added to
    // their notes (once: importing again finds it there).
    void update(Target& t, std::size_t index, const Contact& p) {
        t.met = true;
        Contact& have = t.client.contacts[index];
        std::vector<std::string> fields;
        std::vector<std::string> noted;
        const std::string before_notes = have.notes;
        for (std::string_view f : {"name", "role", "email", "phone"}) {
            const std::string& v = contact_field(p, f);
            std::string& h = contact_field(have, f);
            if (v.empty() || same_value(f, h, v))
                continue;
            if (h.empty()) {
                h = v;
                fields.emplace_back(f);
            } else if (have.notes.find(v) == std::string::npos) {
                append_lines(have.notes,
                             fmt::format("{} (import {}): {}", label_of(f), today_.iso(), v));
                noted.push_back(label_of(f));
            }
        }
        append_lines(have.notes, p.notes);
        if (have.notes != before_notes)
            fields.emplace_back("notes");
        if (have.uid.empty() && !p.uid.empty() &&
            !find_contact([&](const Contact& c) { return c.uid == p.uid; })) {
            have.uid = p.uid;
            fields.emplace_back("uid");
        }
        if (fields.empty())
            return;
        if (index < t.original_contacts) {
            auto& list = t.changed[index];
            for (const auto& f : fields)
                if (std::find(list.begin(), list.end(), f) == list.end())
                    list.push_back(f);
        }
        std::vector<std::string> filled;
        for (const auto& f : fields)
            if (f != "notes" && f != "uid")
                filled.push_back(label_of(f));
        std::string what = have.name;
        if (!filled.empty())
            what += fmt::format(": {} added", join(filled, ", "));
        if (!noted.empty())
            what += fmt::format("{} a different {} kept in notes", filled.empty() ? ":" : ";",
                                join(noted, ", "));
        else if (filled.empty())
            what += ": notes added";
        if (!t.created)
            t.said.push_back(what);
    }

  public:
    struct Given {
        bool stage = false, owner = false, every = false;
    } given_;

  private:
    std::vector<Target> targets_;
    // An organisation the file names whose people are at a client of another name (found
    // by e-mail): "Northern Water" of an address book is "Northern Water Corporation".
    std::vector<std::pair<std::string, std::size_t>> aliases_;
    Client defaults_;
    Date today_;
};

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
    Importer importer(folder.load_clients(problems), defaults, ctx.today());
    auto given_option = [&](const char* key) {
        auto it = o.client.find(key);
        return it != o.client.end() && !it->second.empty();
    };
    importer.given_ = {given_option("stage"), given_option("owner"), given_option("every")};
    // People first: an organisation's own entry then goes where its people were found.
    for (const auto& a : arrivals)
        if (a.person)
            importer.take(a);
    for (const auto& a : arrivals)
        if (!a.person)
            importer.take(a);

    // Every file as it will be, checked as crm check would, before anything is written.
    struct Write {
        std::string file;
        std::string text;
        bool create;
    };
    std::vector<Write> writes;
    render::Table report({"RESULT", "SLUG", "CLIENT"});
    report.flexible(2);
    std::vector<std::string> planned;
    std::size_t created = 0, updated = 0, unchanged = 0, skipped = 0;
    for (auto& t : importer.targets()) {
        Client& c = t.client;
        if (!t.touched()) {
            if (t.met) {
                ++unchanged;
                report.add({{"unchanged"}, {c.slug}, {fmt::format("{}: already there", c.name)}});
            }
            continue;
        }
        if (t.created) {
            c.slug = unique_slug(slugify(c.name), [&](const std::string& s) {
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
            report.add({{"created", render::Style::bold},
                        {c.slug},
                        {fmt::format("{} ({})", c.name,
                                     plural(c.contacts.size(), "contact", "contacts"))}});
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
            report.add({{"skipped", render::Style::bold},
                        {c.slug},
                        {fmt::format("{}: {}; left as it is, without: {} (crm contact add and "
                                     "crm contact set do it by hand)",
                                     c.name, e.what(), join(said, "; "))}});
            continue;
        }
        writes.push_back({file, text, false});
        ++updated;
        report.add({{"updated", render::Style::bold},
                    {c.slug},
                    {fmt::format("{}: {}", c.name, join(said, "; "))}});
    }
    if (!report.empty())
        ctx.out() << report.render(render::Styler(ctx.color()), ctx.terminal_width());
    const std::string summary = fmt::format("{} created, {} updated, {} unchanged, {} skipped",
                                            created, updated, unchanged, skipped);
    ctx.note(o.dry_run ? fmt::format("{}; dry run: nothing written", summary) : summary);
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
    return ctx.warn_problems(problems);
}

}  // namespace

int import_file(const ImportOptions& o, Context& ctx) {
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
