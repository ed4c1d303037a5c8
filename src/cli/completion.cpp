// `crm completion bash|zsh|fish`, and the values the scripts ask crm for while a person
// types (`crm completion --values KIND [--of CLIENT]`: hidden, for the scripts only).
#include <CLI/CLI.hpp>

#include "crm/commands/common.hpp"
#include "crm/commands/option_values.hpp"
#include "crm/model/mail_address.hpp"

#include "completion_shells.hpp"
#include "completion_spec.hpp"
#include "registrations.hpp"

namespace crm::cli {

namespace {

struct CompletionOptions {
    std::string shell;
    std::string values;  // clients, contacts, team, stages, tiers, projects...
    std::string of;      // the client whose contacts
};

void print(commands::Context& ctx, const std::vector<std::string>& words) {
    for (const auto& w : words)
        if (!w.empty() && w.find_first_of("\r\n") == std::string::npos)
            ctx.out() << w << '\n';
}

// One a line. A folder that cannot be read gives nothing: a completion never complains.
int print_values(const CompletionOptions& o, commands::Context& ctx) {
    try {
        const Settings& s = ctx.folder().settings();
        std::vector<std::string> words;
        if (o.values == "clients") {
            words = ctx.folder().client_slugs();
        } else if (o.values == "contacts") {
            // By e-mail (one word, and unique) or else by name.
            const std::string slug = commands::resolve_client(ctx, o.of);
            // An e-mail that is no address (crm check names it) is never offered.
            for (const auto& c : ctx.folder().load_client(slug).contacts)
                words.push_back(c.email.empty() || contact_address_problem(c.email) ? c.name
                                                                                    : c.email);
        } else if (o.values == "team") {
            words = s.team_names();
        } else if (o.values == "stages") {
            words = s.stages;
        } else if (o.values == "tiers") {
            words = s.tier_names();
        } else if (o.values == "opportunity-stages") {
            words = s.open_opportunity_stage_names();
        } else if (o.values == "projects") {
            words = commands::won_projects(ctx, o.of);
        }
        print(ctx, words);
    } catch (const std::exception&) {
    }
    return 0;
}

int write_script(const CompletionOptions& o, const CLI::App& app, commands::Context& ctx) {
    if (o.shell.empty())
        throw UsageError("which shell?", "crm completion bash, zsh or fish");
    const auto cmds = commands_of(app);
    const auto globals = options_of(app, "");
    if (o.shell == "bash")
        bash_script(ctx.out(), cmds, globals);
    else if (o.shell == "zsh")
        zsh_script(ctx.out(), cmds, globals);
    else
        fish_script(ctx.out(), cmds, globals);
    return 0;
}

}  // namespace

commands::Runner register_completion(CLI::App& cmd) {
    auto o = std::make_shared<CompletionOptions>();
    cmd.add_option("SHELL", o->shell, "bash, zsh or fish")
        ->check(CLI::IsMember({"bash", "zsh", "fish"}));
    // For the scripts themselves, not for people: no group, so no help line.
    cmd.add_option("--values", o->values, "")
        ->group("")
        ->check(CLI::IsMember(
            {"clients", "contacts", "team", "stages", "tiers", "projects", "opportunity-stages"}));
    cmd.add_option("--of", o->of, "")->group("");
    // The whole command line, parent of this subcommand, lives as long as the run.
    const CLI::App* app = cmd.get_parent();
    return [o, app](commands::Context& ctx) {
        return o->values.empty() ? write_script(*o, *app, ctx) : print_values(*o, ctx);
    };
}

}  // namespace crm::cli
