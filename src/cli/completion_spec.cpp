#include "completion_spec.hpp"

#include "crm/model/records.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::cli {

namespace {

// The choices of an IsMember validator, from the type name CLI11 shows in help
// ("TEXT:{table,json,csv}"); empty without one.
std::string choices_of(const CLI::Option* opt) {
    const std::string type = opt->get_type_name();
    const auto open = type.find('{');
    const auto close = type.rfind('}');
    if (open == std::string::npos || close == std::string::npos || close < open)
        return {};
    std::string words = type.substr(open + 1, close - open - 1);
    for (char& c : words)
        if (c == ',')
            c = ' ';
    return fmt::format("words:{}", words);
}

std::string option_kind(const std::string& command, const CLI::Option* opt) {
    if (std::string fixed = choices_of(opt); !fixed.empty())
        return fixed;
    const std::string name =
        fmt::format("--{}", opt->get_lnames().empty() ? "" : opt->get_lnames().front());
    if (name == "--dir" || name == "--maildir")
        return "dirs";
    if (name == "--client")
        return "values:clients";
    if (name == "--mbox")
        return "files";
    if (name == "--stage")  // an opportunity's stages are crm.yaml's opportunity_stages
        return command.starts_with("opportunity") ? "values:opportunity-stages" : "values:stages";
    if (name == "--tier")
        return "values:tiers";
    if (name == "--to" || name == "--owner")
        return "values:team";
    if (name == "--rating")
        return fmt::format("words:{}", join(rating_names(), " "));
    if (command == "review" && name == "--project")
        return "values:projects";
    return {};
}

std::string positional_kind(const std::string& command, const CLI::Option* opt) {
    const std::string name = opt->get_name();
    if (std::string fixed = choices_of(opt); !fixed.empty())
        return fixed;
    if (name == "CLIENT" || name == "KEEP" || name == "OTHER")
        return "values:clients";
    if (name == "CONTACT")  // an existing one, except the one `contact add` brings
        return command == "contact add" ? "" : "values:contacts";
    if (name == "NAME" && (command == "watch" || command == "unwatch"))
        return "values:team";
    if (name == "FILE")
        return "files";
    if (name == "DIR")
        return "dirs";
    if (name == "FIELD" && command == "set")
        return "words:stage tier every owner name ratings.potential ratings.compatibility "
               "ratings.profitability";
    return {};
}

void add_commands(const CLI::App& app, const std::string& prefix, std::vector<CommandSpec>& out) {
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        CommandSpec spec;
        spec.name = prefix + sub->get_name();
        spec.summary = sub->get_description();
        spec.options = options_of(*sub, spec.name);
        for (const CLI::Option* opt : sub->get_options()) {
            if (opt->nonpositional())
                continue;
            spec.positionals.push_back(
                {opt->get_name(), positional_kind(spec.name, opt), opt->get_expected_max() > 1});
        }
        for (const CLI::App* nested : sub->get_subcommands([](const CLI::App*) { return true; }))
            spec.subcommands.push_back(nested->get_name());
        out.push_back(spec);
        add_commands(*sub, fmt::format("{} ", spec.name), out);
    }
}

}  // namespace

std::vector<OptionSpec> options_of(const CLI::App& app, const std::string& command) {
    std::vector<OptionSpec> out;
    for (const CLI::Option* opt : app.get_options()) {
        // Hidden options (no group) are plumbing for the scripts, not for people.
        if (!opt->nonpositional() || opt->get_group().empty())
            continue;
        OptionSpec spec;
        for (const auto& l : opt->get_lnames())
            spec.names.push_back(fmt::format("--{}", l));
        for (const auto& s : opt->get_snames())
            spec.names.push_back(fmt::format("-{}", s));
        // A flag expects no value (--help is a flag too, whatever its type says).
        spec.takes_value = opt->get_type_size_max() > 0 && opt->get_expected_max() > 0 &&
                           !opt->check_name("--help");
        spec.kind = spec.takes_value ? option_kind(command, opt) : "";
        spec.description = opt->get_description();
        out.push_back(spec);
    }
    return out;
}

std::vector<CommandSpec> commands_of(const CLI::App& app) {
    std::vector<CommandSpec> out;
    add_commands(app, "", out);
    return out;
}

std::vector<CommandSpec> top_level(const std::vector<CommandSpec>& cmds) {
    std::vector<CommandSpec> out;
    for (const auto& c : cmds)
        if (c.name.find(' ') == std::string::npos)
            out.push_back(c);
    return out;
}

}  // namespace crm::cli
