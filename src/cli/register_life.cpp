// The command line of the commands of a client's life: its contacts, its name, merging two,
// deleting one, and the history with its undo. Each one's options bound to its options
// struct, and the function that runs it.
#include <CLI/CLI.hpp>

#include "crm/commands/contact.hpp"
#include "crm/commands/merge.hpp"
#include "crm/commands/rename.hpp"
#include "crm/commands/rm.hpp"
#include "crm/commands/undo.hpp"

#include "registrations.hpp"

namespace crm::cli {

namespace {

constexpr const char* kClientHelp = "The client: slug, name, or a unique part of either";
constexpr const char* kContactHelp = "The contact: name in any case, e-mail, or a unique part";

}  // namespace

commands::Runner register_contact(CLI::App& cmd) {
    cmd.require_subcommand(1);
    cmd.footer(
        "Each change edits only the lines of that contact in client.yaml (comments, order\n"
        "and quoting elsewhere stay byte for byte), reads the file back as a client, and\n"
        "commits. A second entry for one person (the same name or e-mail) is refused.");
    auto add = std::make_shared<commands::ContactAddOptions>();
    CLI::App* a = cmd.add_subcommand("add", "Add a contact to a client");
    a->add_option("CLIENT", add->client, kClientHelp)->required();
    a->add_option("CONTACT", add->contact, "The person: \"Jane Doe <jane@example.com>\"")
        ->required();
    a->add_option("--role", add->role, "Their role, e.g. \"Director of Projects\"");
    a->add_option("--phone", add->phone, "Their phone number");
    a->add_option("--note", add->note, "Free-text notes about them");

    auto set = std::make_shared<commands::ContactSetOptions>();
    CLI::App* s = cmd.add_subcommand("set", "Change one field of a contact");
    s->add_option("CLIENT", set->client, kClientHelp)->required();
    s->add_option("CONTACT", set->contact, kContactHelp)->required();
    s->add_option("FIELD", set->field, "name, role, email, phone or notes")
        ->required()
        ->check(CLI::IsMember({"name", "role", "email", "phone", "notes"}));
    s->add_option("VALUE", set->value, "The new value")->required();

    auto rm = std::make_shared<commands::ContactRmOptions>();
    CLI::App* r = cmd.add_subcommand("rm", "Remove a contact from a client");
    r->add_option("CLIENT", rm->client, kClientHelp)->required();
    r->add_option("CONTACT", rm->contact, kContactHelp)->required();

    return [a, s, add, set, rm](commands::Context& ctx) {
        if (a->parsed())
            return commands::contact_add(*add, ctx);
        if (s->parsed())
            return commands::contact_set(*set, ctx);
        return commands::contact_rm(*rm, ctx);
    };
}

commands::Runner register_rename(CLI::App& cmd) {
    auto o = std::make_shared<commands::RenameOptions>();
    cmd.footer(
        "Changes the client's name: line. With --slug the folder moves to the new name's\n"
        "slug as well, in the same commit, which git records as renames (git log --follow\n"
        "finds a visit's history). Refused when another client has that name, or the slug\n"
        "(in any case, or beside a numbered one such as acme-2) is taken.");
    cmd.add_option("CLIENT", o->client, kClientHelp)->required();
    cmd.add_option("NEW-NAME", o->name, "The client's new name")->required();
    cmd.add_flag("--slug", o->slug, "Move the folder to the new name's slug too");
    return [o](commands::Context& ctx) { return commands::rename(*o, ctx); };
}

commands::Runner register_merge(CLI::App& cmd) {
    auto o = std::make_shared<commands::MergeOptions>();
    cmd.footer(
        "OTHER's visits, reviews and other records move unchanged into KEEP's folder; its\n"
        "contacts, tags and watchers join KEEP's; its notes are appended; the earlier since\n"
        "stays; KEEP's name stays. OTHER's folder goes. One commit. When stage, tier, every,\n"
        "owner or a rating differ, nothing is changed unless --prefer says whose wins.");
    cmd.add_option("KEEP", o->keep, "The client that stays")->required();
    cmd.add_option("OTHER", o->other, "The client that joins it and goes")->required();
    cmd.add_option("--prefer", o->prefer, "Where the two differ, whose values stay: keep or other")
        ->check(CLI::IsMember({"keep", "other"}));
    return [o](commands::Context& ctx) { return commands::merge(*o, ctx); };
}

commands::Runner register_rm(CLI::App& cmd) {
    auto o = std::make_shared<commands::RmOptions>();
    cmd.footer(
        "Deletes the client's folder, every record in it, in one commit, and says how to get\n"
        "it back (crm undo, or git revert with the commit's id). Asks first on a terminal;\n"
        "elsewhere (a script, cron) --yes is required.");
    cmd.add_option("CLIENT", o->client, kClientHelp)->required();
    cmd.add_flag("-y,--yes", o->yes, "Do not ask; required when not run on a terminal");
    return [o](commands::Context& ctx) { return commands::rm(*o, ctx); };
}

commands::Runner register_undo(CLI::App& cmd) {
    cmd.footer(
        "Takes back the last commit crm made in this clone. Not pushed yet: the commit goes\n"
        "and its files are as before it, every other change of yours stays as it is. Pushed\n"
        "already: a revert commit. Refused when that commit's files have changed since, when\n"
        "the last commit is not crm's, and during a merge or rebase.");
    return [](commands::Context& ctx) { return commands::undo(ctx); };
}

commands::Runner register_log(CLI::App& cmd) {
    auto o = std::make_shared<commands::LogOptions>();
    cmd.add_option("CLIENT", o->client, "Only this client's history (a slug of one removed, too)");
    cmd.add_option("--since", o->since, "From this day on: YYYY-MM-DD, -2w, mon...");
    cmd.add_option("--format", o->format, "table (default) or json")
        ->check(CLI::IsMember({"table", "json"}));
    return [o](commands::Context& ctx) { return commands::log_history(*o, ctx); };
}

}  // namespace crm::cli
