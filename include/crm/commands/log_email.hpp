#pragma once
// crm log-email: captured mail as visits (spec section 3, "Capture").
#include <string>
#include <vector>

#include "crm/commands/context.hpp"

namespace crm::commands {

struct LogEmailOptions {
    std::vector<std::string> files;  // messages; "-" is standard input
    std::string mbox;
    std::string maildir;
    std::string client;  // forces the client
    bool keep_attachments = false;
    bool dry_run = false;
};

// Each message becomes a `kind: email` visit of the client it matches, or waits in
// inbox/; automatic, mass, `capture.never` and already logged messages are skipped and
// counted. One commit. Exit 1 when a message could not be read (named on stderr), so
// that a mail delivery agent keeps it.
int log_email(const LogEmailOptions& o, Context& ctx);

}  // namespace crm::commands
