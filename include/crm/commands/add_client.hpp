#pragma once
// crm add-client
#include <string>

#include "crm/commands/common.hpp"
#include "crm/commands/context.hpp"

namespace crm::commands {

struct AddClientOptions {
    FieldTexts client;  // the client's fields as typed, by key (schema/records.cpp's rows)
    std::string phone;  // the first contact's phone
};

int add_client(const AddClientOptions& o, Context& ctx);

}  // namespace crm::commands
