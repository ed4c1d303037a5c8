// The command line of the commands that keep the folder: each one's options, bound to its
// options struct, and the function that runs it.

#include <CLI/CLI.hpp>

#include "crm/commands/check.hpp"
#include "crm/commands/export.hpp"
#include "crm/commands/import.hpp"
#include "crm/commands/sync.hpp"

#include "registrations.hpp"

namespace crm::cli {

commands::Runner register_check(CLI::App& cmd) {
    auto o = std::make_shared<commands::CheckOptions>();
    cmd.add_option("--format", o->format, "text (file:line:column: problem) or json")
        ->check(CLI::IsMember({"text", "json"}));
    return [o](commands::Context& ctx) { return commands::check(*o, ctx); };
}

commands::Runner register_sync(CLI::App& cmd) {
    cmd.footer(
        "Commits crm's own changed files (never anything else), pulls with rebase, pushes, "
        "then lists the clients, visits and reviews teammates added since the last sync, "
        "watched clients first. On a conflict nothing is changed and the files are named.");
    return [](commands::Context& ctx) { return commands::sync(ctx); };
}

commands::Runner register_import(CLI::App& cmd) {
    auto o = std::make_shared<commands::ImportOptions>();
    cmd.add_option("FILE", o->file,
                   "A vCard (.vcf), CSV (.csv) or calendar (.ics) file, or a vdir of .ics files")
        ->required();
    cmd.add_flag("-n,--dry-run", o->dry_run, "Show what would be imported; write nothing");
    return [o](commands::Context& ctx) { return commands::import_file(*o, ctx); };
}

commands::Runner register_export(CLI::App& cmd) {
    auto o = std::make_shared<commands::ExportOptions>();
    cmd.add_option("--format", o->format, "json (everything, nested) or csv (one table)")
        ->check(CLI::IsMember({"json", "csv"}));
    cmd.add_option("--what", o->what,
                   "With csv: clients (one row per contact, the default), visits, reviews or "
                   "opportunities")
        ->check(CLI::IsMember({"clients", "visits", "reviews", "opportunities"}));
    return [o](commands::Context& ctx) { return commands::export_all(*o, ctx); };
}

}  // namespace crm::cli
