#include "app.hpp"

#include "crm/cli/registry.hpp"
#include "crm/util/format.hpp"

#include "args.hpp"
#include "help_formatter.hpp"

namespace crm::cli {

std::unique_ptr<CommandLine> command_line(int help_width) {
    auto line = std::make_unique<CommandLine>();
    CLI::App& app = line->app;
    app.description(
        "crm: a client relationship manager for people who sell their expertise.\n"
        "Your clients, visits, promises and reviews as YAML files in a git repository.");
    app.name("crm");
    app.set_version_flag("--version", fmt::format("crm {}", CRM_VERSION));
    app.require_subcommand(1);
    // Global options are accepted after the command too: `crm due --no-color`.
    app.fallthrough();
    CommandSpec root;
    Args globals(app, root);
    globals.option("--dir", line->global.dir,
                   "The data folder (default: $CRM_DIR, the nearest folder with crm.yaml, ~/crm)",
                   Values::of(Kind::dirs), "DIR");
    globals.flag("--no-commit", line->global.no_commit,
                 "Write files but do not commit them to git");
    globals.flag("--include-changes", line->global.include_changes,
                 "Commit a file's changes that are not crm's with crm's change (else refused)");
    globals.flag("--no-color", line->global.no_color,
                 "No colour, even on a terminal (also: NO_COLOR)");
    line->spec.globals = std::move(root.options);
    line->spec.globals.push_back({{"--version"},
                                  false,
                                  false,
                                  false,
                                  {},
                                  false,
                                  "",
                                  "Display program version information and exit",
                                  {}});
    line->spec.globals.push_back({{"-h", "--help"},
                                  false,
                                  false,
                                  false,
                                  {},
                                  false,
                                  "",
                                  "Print this help message and exit",
                                  {}});
    app.formatter(std::make_shared<HelpFormatter>(help_width));

    for (const CommandGroup& group : command_groups()) {
        for (const Command& c : group.commands) {
            CLI::App* sub = app.add_subcommand(c.name, c.summary);
            sub->group(group.title);
            sub->footer(c.footer);
            CommandSpec spec;
            spec.name = spec.path = c.name;
            spec.summary = c.summary;
            Args a(*sub, spec);
            commands::Runner runner = c.declare(a);
            line->spec.commands.push_back(std::move(spec));
            sub->callback([selected = &line->selected, runner] { *selected = runner; });
        }
    }
    return line;
}

}  // namespace crm::cli
