#include "import_match.hpp"

#include <algorithm>

#include "crm/model/contact.hpp"
#include "crm/model/slug.hpp"
#include "crm/os/uuid.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::commands {

namespace {

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
    Importer(std::vector<Client> existing, const ImportDefaults& d)
        : given_{d.stage_given, d.owner_given, d.every_given},
          defaults_(d.client),
          today_(d.today) {
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

    struct Given {
        bool stage = false, owner = false, every = false;
    } given_;
    std::vector<Target> targets_;
    // An organisation the file names whose people are at a client of another name (found
    // by e-mail): "Northern Water" of an address book is "Northern Water Corporation".
    std::vector<std::pair<std::string, std::size_t>> aliases_;
    Client defaults_;
    Date today_;
};

}  // namespace

std::vector<Target> match_arrivals(std::vector<Client> existing,
                                   const std::vector<Arrival>& arrivals,
                                   const ImportDefaults& defaults) {
    Importer importer(std::move(existing), defaults);
    for (const auto& a : arrivals)
        if (a.person)
            importer.take(a);
    for (const auto& a : arrivals)
        if (!a.person)
            importer.take(a);
    return std::move(importer.targets());
}

}  // namespace crm::commands
