#pragma once
// crm add-client
#include <string>
#include <vector>

#include "crm/commands/context.hpp"

namespace crm::commands {

struct AddClientOptions {
    std::string name;
    std::string stage;
    std::string tier;
    std::string every;
    std::string owner;
    std::vector<std::string> contacts;
    std::string phone;
    std::vector<std::string> tags;
    std::string note;
};

int add_client(const AddClientOptions& o, Context& ctx);

}  // namespace crm::commands
