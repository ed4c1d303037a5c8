#pragma once
// `crm watch` and `crm unwatch`: the acting user joins or leaves a client's watchers.
#include <string>

#include "crm/commands/context.hpp"

namespace crm::commands {

// Adds (watch) or removes (unwatch) ctx.user() in the client's `watchers:` list, changing
// only that line; a no-op with a message when there is nothing to change.
int change_watching(Context& ctx, const std::string& client_query, bool watch);

}  // namespace crm::commands
