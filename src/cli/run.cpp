#include "crm/cli/run.hpp"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <ostream>

#include "crm/cli/registry.hpp"
#include "crm/render/terminal_text.hpp"
#include "crm/util/error.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

#include "help_formatter.hpp"

namespace crm::cli {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

// An error can quote a file's text (a bad value, a name) or an argument: shown safe.
void print_error(std::ostream& err, const std::string& message, const std::string& hint) {
    err << "crm: error: " << render::safe_lines(message) << '\n';
    if (!hint.empty())
        err << "hint: " << render::safe_lines(hint) << '\n';
}

// The first word that is not an option, when it names no command. CLI11 reports it
// as an extra argument; a person wants to hear that the command does not exist.
std::optional<std::string> unknown_command(int argc, const char* const* argv) {
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--dir") {
            ++i;
            continue;
        }
        if (a.starts_with("-"))
            continue;
        for (const auto& c : command_table())
            if (a == c.name)
                return std::nullopt;
        return a;
    }
    return std::nullopt;
}

// A word that starts with '-' and names no option of crm or of any command: most likely a
// value (a name, a promise) that CLI11 took for an option.
std::optional<std::string> dash_value(int argc, const char* const* argv, const CLI::App& app) {
    auto known = [&](const std::string& word) {
        const std::string name = word.substr(0, word.find('='));
        std::vector<const CLI::App*> apps{&app};
        for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
            apps.push_back(sub);
        for (const CLI::App* a : apps)
            for (const CLI::Option* opt : a->get_options())
                if (opt->check_name(name))
                    return true;
        return false;
    };
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--")
            break;
        // "--bogus" is an option mistyped; "-Foo" or "-rf now" is a value.
        if (a.size() > 2 && a[0] == '-' && a[1] != '-' && !known(a))
            return a;
    }
    return std::nullopt;
}

std::string suggest_command(const std::string& word) {
    std::string best;
    std::size_t best_distance = 3;
    for (const auto& c : command_table()) {
        std::size_t d = edit_distance(word, c.name);
        if (d < best_distance) {
            best_distance = d;
            best = c.name;
        }
    }
    return best.empty() ? "run 'crm --help' for the list of commands"
                        : fmt::format("did you mean 'crm {}'?", best);
}

}  // namespace

int run(int argc, const char* const* argv, const commands::Environment& environment,
        const commands::Streams& streams) {
    CLI::App app{
        "crm: a client relationship manager for people who sell their expertise.\n"
        "Your clients, visits, promises and reviews as YAML files in a git repository.",
        "crm"};
    app.set_version_flag("--version", std::string("crm ") + CRM_VERSION);
    app.require_subcommand(1);
    // Global options are accepted after the command too: `crm due --no-color`.
    app.fallthrough();
    commands::GlobalOptions global;
    app.add_option("--dir", global.dir,
                   "The data folder (default: $CRM_DIR, the nearest folder with crm.yaml, ~/crm)");
    app.add_flag("--no-commit", global.no_commit, "Write files but do not commit them to git");
    app.add_flag("--include-changes", global.include_changes,
                 "Commit a file's changes that are not crm's with crm's change (else refused)");
    app.add_flag("--no-color", global.no_color, "No colour, even on a terminal (also: NO_COLOR)");
    // Help fits the terminal; piped, the usual 80 columns.
    const int help_width = [&] {
        if (auto cols = environment.getenv ? environment.getenv("COLUMNS") : std::nullopt)
            if (int n = std::atoi(cols->c_str()); n > 0)
                return n;
        return environment.terminal.out ? environment.terminal.width : 80;
    }();
    app.formatter(std::make_shared<HelpFormatter>(help_width));

    commands::Runner selected;
    for (const auto& info : command_table()) {
        CLI::App* sub = app.add_subcommand(info.name, info.summary);
        sub->footer("");
        commands::Runner runner = info.add(*sub);
        // A repeatable option takes one value per use: CLI11 would otherwise let
        // `--with Jane "The summary"` swallow the positional SUMMARY as a second value.
        for (CLI::Option* opt : sub->get_options(std::function<bool(CLI::Option*)>{}))
            if (opt->nonpositional() && opt->get_items_expected_max() > 1)
                opt->allow_extra_args(false);
        sub->callback([&selected, runner] { selected = runner; });
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e, streams.out, streams.err);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e, streams.out, streams.err);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e, streams.out, streams.err);
    } catch (const CLI::ParseError& e) {
        if (auto unknown = unknown_command(argc, argv)) {
            print_error(streams.err, fmt::format("unknown command '{}'", *unknown),
                        suggest_command(*unknown));
        } else if (auto dashed = dash_value(argc, argv, app)) {
            std::string command = "COMMAND";
            for (const CLI::App* sub : app.get_subcommands())
                command = sub->get_name();
            print_error(streams.err, e.what(),
                        fmt::format("'{}' was read as an option; a value that starts with '-' goes "
                                    "after --, as in: crm {} -- {}",
                                    *dashed, command,
                                    dashed->find(' ') == std::string::npos
                                        ? *dashed
                                        : fmt::format("\"{}\"", *dashed)));
        } else {
            print_error(streams.err, e.what(), "run 'crm --help' or 'crm COMMAND --help'");
        }
        return kExitUsage;
    } catch (const UsageError& e) {
        // Thrown by an option's own check while parsing (a bad date, say).
        print_error(streams.err, e.what(), e.hint());
        return kExitUsage;
    }

    commands::Context context(global, environment, streams);
    try {
        int code = selected(context);
        streams.out.flush();
        return code;
    } catch (const UsageError& e) {
        print_error(streams.err, e.what(), e.hint());
        return kExitUsage;
    } catch (const Error& e) {
        print_error(streams.err, e.what(), e.hint());
        return kExitFailure;
    } catch (const std::exception& e) {
        print_error(streams.err, e.what(), {});
        return kExitFailure;
    }
    return kExitOk;
}

}  // namespace crm::cli
