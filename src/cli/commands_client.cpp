// The commands of a client's life: its contacts, its name, merging two, deleting one,
// who watches it. Each one whole, from its name to what runs it (args.hpp).
#include "crm/commands/contact.hpp"
#include "crm/commands/merge.hpp"
#include "crm/commands/rename.hpp"
#include "crm/commands/rm.hpp"
#include "crm/commands/watching.hpp"
#include "crm/schema/records.hpp"

#include "args.hpp"

namespace crm::cli {

namespace {

const Command kContactCommands[] = {
    {"add", "Add a contact to a client", "",
     [](Args& a) {
         auto o = a.options<commands::ContactAddOptions>();
         a.client(o->client);
         a.positional("CONTACT", o->contact, "The person: \"Jane Doe <jane@example.com>\"");
         a.fields(schema::contact_schema(), o->fields);
         return a.run(o, &commands::contact_add);
     }},
    {"set", "Change one field of a contact", "",
     [](Args& a) {
         auto o = a.options<commands::ContactSetOptions>();
         a.client(o->client);
         a.contact(o->contact);
         a.positional_choice("FIELD", o->field, "name, role, email, phone or notes",
                             settable_words(schema::contact_schema()));
         a.positional("VALUE", o->value, "The new value", {Kind::field_value, {}, Record::contact});
         return a.run(o, &commands::contact_set);
     }},
    {"rm", "Remove a contact from a client", "",
     [](Args& a) {
         auto o = a.options<commands::ContactRmOptions>();
         a.client(o->client);
         a.contact(o->contact);
         return a.run(o, &commands::contact_rm);
     }},
};

// watch and unwatch: CLIENT, then teammates instead of the person acting.
commands::Runner watching(Args& a, bool watch) {
    auto client = std::make_shared<std::string>();
    auto names = std::make_shared<std::vector<std::string>>();
    a.client(*client);
    a.positionals("NAME", *names,
                  "Teammates (from crm.yaml's team) instead of you: a lead can subscribe a "
                  "colleague",
                  Values::of(Kind::team));
    return [client, names, watch](commands::Context& ctx) {
        return commands::change_watching(ctx, *client, *names, watch);
    };
}

const Command kCommands[] = {
    {"contact", "Add, change or remove a client's contact",
     "Each change edits only the lines of that contact in client.yaml (comments, order\n"
     "and quoting elsewhere stay byte for byte), reads the file back as a client, and\n"
     "commits. A second entry for one person (the same name or e-mail) is refused.",
     [](Args& a) {
         for (const Command& c : kContactCommands)
             a.subcommand(c);
         return a.subcommands();
     }},

    {"rename", "Give a client a new name, and its folder a new slug",
     "Changes the client's name: line. With --slug the folder moves to the new name's\n"
     "slug as well, in the same commit, which git records as renames (git log --follow\n"
     "finds a visit's history). Refused when another client has that name, or the slug\n"
     "(in any case, or beside a numbered one such as acme-2) is taken.",
     [](Args& a) {
         auto o = a.options<commands::RenameOptions>();
         a.client(o->client);
         a.positional("NEW-NAME", o->name, "The client's new name");
         a.flag("--slug", o->slug, "Move the folder to the new name's slug too");
         return a.run(o, &commands::rename);
     }},

    {"merge", "Merge two clients that are one: records, contacts, tags",
     "OTHER's visits, reviews and other records move unchanged into KEEP's folder; its\n"
     "contacts, tags and watchers join KEEP's; its notes are appended; the earlier since\n"
     "stays; KEEP's name stays. OTHER's folder goes. One commit. When stage, tier, every,\n"
     "owner or a rating differ, nothing is changed unless --prefer says whose wins.",
     [](Args& a) {
         auto o = a.options<commands::MergeOptions>();
         a.client(o->keep, "The client that stays", "KEEP");
         a.client(o->other, "The client that joins it and goes", "OTHER");
         a.choice("--prefer", o->prefer, "Where the two differ, whose values stay: keep or other",
                  {"keep", "other"});
         return a.run(o, &commands::merge);
     }},

    {"rm", "Delete a client and its records (crm undo brings it back)",
     "Deletes the client's folder, every record in it, in one commit, and says how to get\n"
     "it back (crm undo, or git revert with the commit's id). Asks first on a terminal;\n"
     "elsewhere (a script, cron) --yes is required.",
     [](Args& a) {
         auto o = a.options<commands::RmOptions>();
         a.client(o->client);
         a.flag("-y,--yes", o->yes, "Do not ask; required when not run on a terminal");
         return a.run(o, &commands::rm);
     }},

    {"watch", "Hear about new visits and reviews at a client", "",
     [](Args& a) { return watching(a, true); }},
    {"unwatch", "Stop watching a client", "", [](Args& a) { return watching(a, false); }},
};

}  // namespace

std::span<const Command> client_commands() {
    return kCommands;
}

}  // namespace crm::cli
