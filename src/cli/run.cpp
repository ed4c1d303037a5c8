#include "crm/cli/run.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdlib>
#include <ostream>

#include "crm/render/terminal_text.hpp"
#include "crm/util/error.hpp"
#include "crm/util/format.hpp"

#include "app.hpp"
#include "complete.hpp"
#include "usage.hpp"

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

}  // namespace

int run(int argc, const char* const* argv, const commands::Environment& environment,
        const commands::Streams& streams) {
    // Help fits the terminal; piped, the usual 80 columns.
    const int help_width = [&] {
        if (auto cols = environment.getenv ? environment.getenv("COLUMNS") : std::nullopt)
            if (int n = std::atoi(cols->c_str()); n > 0)
                return n;
        return environment.terminal.out ? environment.terminal.width : 80;
    }();
    std::unique_ptr<CommandLine> line = command_line(help_width);
    const std::vector<std::string> words(argv + std::min(argc, 1), argv + argc);
    // The shells' completion asks here, word by word (complete.hpp), after crm's own
    // options if any (`crm --dir D __complete ...`), which count as typed.
    std::size_t at = 0;
    while (at < words.size()) {
        const std::string& w = words[at];
        if (w == "--no-commit" || w == "--include-changes" || w == "--no-color" ||
            w.starts_with("--dir="))
            at += 1;
        else if (w == "--dir" && at + 1 < words.size())
            at += 2;
        else
            break;
    }
    if (at < words.size() && words[at] == kCompleteCommand) {
        std::vector<std::string> typed(words.begin(), words.begin() + static_cast<long>(at));
        typed.insert(typed.end(), words.begin() + static_cast<long>(at) + 1, words.end());
        return complete(line->spec, typed, environment, streams);
    }

    try {
        // crm's own words for whatever CLI11 would refuse (usage.hpp).
        check_usage(line->spec, words);
        line->app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return line->app.exit(e, streams.out, streams.err);
    } catch (const CLI::CallForAllHelp& e) {
        return line->app.exit(e, streams.out, streams.err);
    } catch (const CLI::CallForVersion& e) {
        return line->app.exit(e, streams.out, streams.err);
    } catch (const CLI::ParseError&) {
        // The usage check read the line as CLI11 does; this would be a case it missed.
        print_error(streams.err, "the command line could not be read",
                    "run 'crm --help' or 'crm COMMAND --help'");
        return kExitUsage;
    } catch (const UsageError& e) {
        print_error(streams.err, e.what(), e.hint());
        return kExitUsage;
    }

    commands::Context context(line->global, environment, streams);
    try {
        int code = line->selected(context);
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
