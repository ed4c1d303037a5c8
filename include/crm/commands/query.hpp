#pragma once
// crm query: contacts for a mail program's address completion.
#include <string>

#include "crm/commands/context.hpp"

namespace crm::commands {

struct QueryOptions {
    std::string text;
};

// Contacts with an e-mail whose name, e-mail or client matches `text` (any case, any
// part), as mutt's query_command and aerc's address-book-cmd read them: a first line
// that says what was searched, then `email<TAB>name<TAB>client` per contact. None: the
// first line says so and the exit code is 1, as mutt expects.
int query(const QueryOptions& o, Context& ctx);

}  // namespace crm::commands
