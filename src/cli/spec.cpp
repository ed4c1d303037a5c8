#include "spec.hpp"

#include <algorithm>

namespace crm::cli {

const OptionSpec* CommandSpec::option(const std::string& name) const {
    for (const auto& o : options)
        if (std::find(o.names.begin(), o.names.end(), name) != o.names.end())
            return &o;
    return nullptr;
}

const CommandSpec* CommandSpec::subcommand(const std::string& name) const {
    for (const auto& c : subcommands)
        if (c.name == name)
            return &c;
    return nullptr;
}

const CommandSpec* Spec::command(const std::string& name) const {
    for (const auto& c : commands)
        if (c.name == name)
            return &c;
    return nullptr;
}

}  // namespace crm::cli
