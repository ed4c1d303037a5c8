// The commands that keep the folder: checking it, its history and its undo, contacts in
// and out, the shell's completion. Each one whole, from its name to what runs it.
#include "crm/commands/check.hpp"
#include "crm/commands/export.hpp"
#include "crm/commands/import.hpp"
#include "crm/commands/query.hpp"
#include "crm/commands/undo.hpp"
#include "crm/schema/records.hpp"

#include "args.hpp"
#include "completion.hpp"

namespace crm::cli {

namespace {

const Command kCommands[] = {
    {"check", "Validate every file of the folder", "",
     [](Args& a) {
         auto o = a.options<commands::CheckOptions>();
         a.format(o->format, {Format::text, Format::json});
         return a.run(o, &commands::check);
     }},

    {"log", "What changed, when and by whom, from git", "",
     [](Args& a) {
         auto o = a.options<commands::LogOptions>();
         a.client(o->client, "Only this client's history (a slug of one removed, too)", "CLIENT",
                  false);
         a.past_date("--since", o->since, "From this day on: YYYY-MM-DD, -2w, mon...");
         a.format(o->format, {Format::table, Format::json});
         return a.run(o, &commands::log_history);
     }},

    {"undo", "Take back crm's last commit: reset if not pushed, else revert",
     "Takes back the last commit crm made in this clone. Not pushed yet: the commit goes\n"
     "and its files are as before it, every other change of yours stays as it is. Pushed\n"
     "already: a revert commit. Refused when that commit's files have changed since, when\n"
     "the last commit is not crm's, and during a merge or rebase.",
     [](Args&) -> commands::Runner {
         return [](commands::Context& ctx) { return commands::undo(ctx); };
     }},

    {"import", "Import clients and contacts (vCard, CSV) or meetings (calendars)",
     "Reads Google, Outlook (UTF-8 or windows-1252), Apple, Android, Nextcloud,\n"
     "Thunderbird and LinkedIn exports, and crm's own CSV. A person is found by e-mail,\n"
     "else by name; one already there gets what they lacked, and a value that differs\n"
     "goes to their notes. Everything not imported is named. Importing again changes\n"
     "nothing. --owner, --stage, --tag and --every apply to the clients it creates.\n"
     "A calendar (.ics, or a vdir of them) brings its client meetings in (crm-import(1)).",
     [](Args& a) {
         auto o = a.options<commands::ImportOptions>();
         a.positional("FILE", o->file,
                      "A vCard (.vcf), CSV (.csv) or calendar (.ics) file, or a vdir of them",
                      Values::of(Kind::files));
         a.fields(schema::client_schema(), o->client, {"stage", "every", "owner", "tags"});
         a.flag("-n,--dry-run", o->dry_run, "Show what would be imported; write nothing");
         return a.run(o, &commands::import_file);
     }},

    {"export", "Export clients and visits as JSON, CSV or vCard",
     "JSON holds everything. CSV is one table (--what): clients (one row per contact),\n"
     "visits, reviews or opportunities, every field, which crm import reads back: the\n"
     "four tables are a whole backup. vCard 4.0 is one card per contact\n"
     "(UID the contact's uid), on stdout or, with --vdir, one file per contact in DIR\n"
     "for khard and vdirsyncer.",
     [](Args& a) {
         auto o = a.options<commands::ExportOptions>();
         a.format(o->format, {Format::json, Format::csv, Format::vcard});
         a.choice("--what", o->what,
                  "With csv: clients (one row per contact, the default), visits, reviews or "
                  "opportunities",
                  {"clients", "visits", "reviews", "opportunities"});
         a.option("--vdir", o->vdir,
                  "With vcard: write one <uid>.vcf per contact into DIR (a vdir), removing "
                  "those of contacts that are gone",
                  Values::of(Kind::dirs), "DIR");
         return a.run(o, &commands::export_all);
     }},

    {"query", "Contacts for mutt's and aerc's address completion",
     "Prints a first line, then email<TAB>name<TAB>client for each contact with an\n"
     "e-mail whose name, e-mail or client matches TEXT (any case, any part); exit 1\n"
     "when none does. In ~/.muttrc:  set query_command = \"crm query %s\"; in aerc's\n"
     "[compose]:  address-book-cmd = crm query \"%s\".",
     [](Args& a) {
         auto o = a.options<commands::QueryOptions>();
         a.positional("TEXT", o->text, "Part of a name, an e-mail or a client");
         return a.run(o, &commands::query);
     }},

    {"completion", "Shell completion script for bash, zsh or fish",
     "Load it in ~/.bashrc with  source <(crm completion bash), in ~/.zshrc after\n"
     "compinit with  source <(crm completion zsh), and in fish with\n"
     "crm completion fish | source. The script asks crm for the words as you type, so\n"
     "it never falls behind crm or the folder.",
     [](Args& a) {
         auto shell = std::make_shared<std::string>();
         a.positional_choice("SHELL", *shell, "bash, zsh or fish", {"bash", "zsh", "fish"});
         return commands::Runner([shell](commands::Context& ctx) {
             write_completion_script(*shell, ctx.out());
             return 0;
         });
     }},
};

}  // namespace

std::span<const Command> keep_commands() {
    return kCommands;
}

}  // namespace crm::cli
