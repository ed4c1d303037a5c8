#pragma once
// `crm watch` and `crm unwatch`: people join or leave a client's watchers.
#include <string>
#include <vector>

#include "crm/commands/context.hpp"

namespace crm::commands {

// Adds (watch) or removes (unwatch) each of `names` (none: ctx.user()) in the client's
// `watchers:` list, changing only those lines, in one commit; a no-op with a message for
// each name with nothing to change. When crm.yaml has a team, every name must be a
// teammate's (UsageError listing the team) and is written as the team spells it, so that
// a lead can subscribe a colleague to a client's alerts.
int change_watching(Context& ctx, const std::string& client_query,
                    const std::vector<std::string>& names, bool watch);

// The people `names` means (none: ctx.user()), as change_watching says; checked before
// anything is read.
std::vector<std::string> watching_people(Context& ctx, const std::vector<std::string>& names);

}  // namespace crm::commands
