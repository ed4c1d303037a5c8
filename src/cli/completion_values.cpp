#include "crm/cli/completion_values.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <sstream>

#include "crm/commands/option_values.hpp"

namespace crm::cli {

namespace {

CLI::App* find_command(CLI::App& app, const std::string& command) {
    CLI::App* at = &app;
    std::istringstream words(command);
    for (std::string word; words >> word;) {
        CLI::App* next = nullptr;
        for (CLI::App* sub : at->get_subcommands([](CLI::App*) { return true; }))
            if (sub->get_name() == word)
                next = sub;
        if (!next)
            return nullptr;
        at = next;
    }
    return at == &app ? nullptr : at;
}

// The set an IsMember check holds, from its description: {table,json,csv}.
std::vector<std::string> checked_choices(CLI::Option& opt) {
    std::string set;
    try {
        set = opt.get_validator()->get_description();
    } catch (const CLI::Error&) {
        return {};  // no check
    }
    if (set.size() < 2 || set.front() != '{' || set.back() != '}')
        return {};
    std::vector<std::string> out;
    std::istringstream items(set.substr(1, set.size() - 2));
    for (std::string item; std::getline(items, item, ',');)
        out.push_back(item);
    return out;
}

}  // namespace

std::vector<std::string> option_values(CLI::App& app, const std::string& command,
                                       const std::string& option, commands::Context& ctx) {
    try {
        CLI::App* cmd = find_command(app, command);
        CLI::Option* opt = cmd ? cmd->get_option_no_throw("--" + option) : nullptr;
        if (!opt)
            return {};
        if (auto choices = checked_choices(*opt); !choices.empty())
            return choices;
        return commands::option_values(command, option, ctx);
    } catch (const std::exception&) {
        return {};  // no folder, or a crm.yaml that does not read: nothing to offer
    }
}

}  // namespace crm::cli
