#pragma once
// crm notify
#include <string>

#include "crm/commands/common.hpp"
#include "crm/commands/context.hpp"

namespace crm::commands {

struct NotifyOptions {
    DateText since;  // past-facing: records dated on or after this day, instead of what was added
    bool dry_run = false;
    std::string mbox;
};

int notify(const NotifyOptions& o, Context& ctx);

// What `crm sync` runs after a push when notify_on_sync is true: mails the teammates the
// records of the commits this clone just pushed (`from`..`to`). Every clone shares
// crm.yaml and so the setting; announcing only what each clone pushed tells each record
// once, by the clone that shared it. The state of `crm notify` is left alone.
int notify_pushed(Context& ctx, const std::string& from, const std::string& to);

}  // namespace crm::commands
