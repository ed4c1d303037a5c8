// The command line of capture: `crm log-email` and `crm inbox`, each one's options bound
// to its options struct, and the function that runs it.

#include <CLI/CLI.hpp>

#include "crm/commands/inbox.hpp"
#include "crm/commands/log_email.hpp"

#include "registrations.hpp"

namespace crm::cli {

commands::Runner register_log_email(CLI::App& cmd) {
    auto o = std::make_shared<commands::LogEmailOptions>();
    cmd.footer(
        "Each message becomes a kind: email visit of the client whose contact's address is\n"
        "in From, To or Cc, else whose contacts share a sender's or recipient's domain (never\n"
        "one of capture.public_domains); by is the teammate on it, direction out when a\n"
        "teammate sent it. A message that matches no client, or two, waits in inbox/ (crm\n"
        "inbox). Skipped and counted: a Message-ID already logged, automatic messages\n"
        "(Auto-Submitted, List-Id, Precedence: bulk), capture.never, more than\n"
        "capture.max_recipients people. One commit. From a mail filter (procmail):\n"
        "  :0 c\n"
        "  | crm log-email -");
    cmd.add_option("FILE", o->files, "A message (.eml); - reads one from standard input");
    cmd.add_option("--mbox", o->mbox, "Every message of this mbox file");
    cmd.add_option("--maildir", o->maildir, "Every message of this maildir (cur/ and new/)");
    cmd.add_option("--client", o->client,
                   "Log every message at this client, whatever its addresses say");
    cmd.add_flag("--keep-attachments", o->keep_attachments,
                 "Keep the attached files under clients/<slug>/files/");
    cmd.add_flag("-n,--dry-run", o->dry_run,
                 "Print the visits and inbox messages it would write; write nothing");
    return [o](commands::Context& ctx) { return commands::log_email(*o, ctx); };
}

commands::Runner register_inbox(CLI::App& cmd) {
    cmd.footer(
        "Messages crm log-email could not give to one client: inbox/<date>-<suffix>.yaml,\n"
        "tracked, so the whole team sees them. Without a subcommand, lists them numbered\n"
        "with their date, sender, subject and the clients they may belong to.");
    auto selected = std::make_shared<commands::Runner>();
    auto list = std::make_shared<commands::InboxOptions>();
    *selected = [list](commands::Context& ctx) { return commands::inbox(*list, ctx); };

    auto filed = std::make_shared<commands::InboxOptions>();
    filed->action = "file";
    CLI::App* sub =
        cmd.add_subcommand("file", "Log message N as a visit of CLIENT; it leaves the inbox");
    sub->add_option("N", filed->number, "The message's number, as crm inbox lists it")->required();
    sub->add_option("CLIENT", filed->client, "The client: slug, name, or a unique part of either")
        ->required();
    sub->callback([selected, filed] {
        *selected = [filed](commands::Context& ctx) { return commands::inbox(*filed, ctx); };
    });

    auto dropped = std::make_shared<commands::InboxOptions>();
    dropped->action = "drop";
    sub = cmd.add_subcommand("drop", "Remove message N from the inbox, logging nothing");
    sub->add_option("N", dropped->number, "The message's number, as crm inbox lists it")
        ->required();
    sub->callback([selected, dropped] {
        *selected = [dropped](commands::Context& ctx) { return commands::inbox(*dropped, ctx); };
    });
    return [selected](commands::Context& ctx) { return (*selected)(ctx); };
}

}  // namespace crm::cli
