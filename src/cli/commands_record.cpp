// The commands that record: each one whole, from its name to what runs it (args.hpp).
#include "crm/commands/add_client.hpp"
#include "crm/commands/done.hpp"
#include "crm/commands/edit.hpp"
#include "crm/commands/inbox.hpp"
#include "crm/commands/init.hpp"
#include "crm/commands/log_email.hpp"
#include "crm/commands/log_visit.hpp"
#include "crm/commands/review.hpp"
#include "crm/commands/set.hpp"
#include "crm/schema/records.hpp"

#include "args.hpp"

namespace crm::cli {

namespace {

const Command kInboxCommands[] = {
    {"file", "Log message N as a visit of CLIENT; it leaves the inbox", "",
     [](Args& a) {
         auto o = a.options<commands::InboxOptions>();
         o->action = "file";
         a.positional("N", o->number, "The message's number, as crm inbox lists it");
         a.client(o->client);
         return a.run(o, &commands::inbox);
     }},
    {"drop", "Remove message N from the inbox, logging nothing", "",
     [](Args& a) {
         auto o = a.options<commands::InboxOptions>();
         o->action = "drop";
         a.positional("N", o->number, "The message's number, as crm inbox lists it");
         return a.run(o, &commands::inbox);
     }},
};

const Command kCommands[] = {
    {"init", "Create a data folder: crm.yaml, .gitignore, git repository", "",
     [](Args& a) {
         auto o = a.options<commands::InitOptions>();
         a.positional("DIR", o->dir, "The folder to create (default: --dir, $CRM_DIR, or ~/crm)",
                      Values::of(Kind::dirs), false);
         return a.run(o, &commands::init);
     }},

    {"add-client", "Record a new client", "",
     [](Args& a) {
         auto o = a.options<commands::AddClientOptions>();
         a.fields(schema::client_schema(), o->client);
         a.option("--phone", o->phone, "Phone number of the first contact", {}, "PHONE");
         return a.run(o, &commands::add_client);
     }},

    {"log-visit", "Log a visit, call or meeting: what was discussed, promised, next",
     "Dates are read as people type them (fri, next fri, in 2 weeks, 15 dec; 15/12 as\n"
     "date_order says): --date looks back, --next and a promise's 'by DATE' look ahead.\n"
     "After the file's path, crm says on stderr what each date was understood as. A visit\n"
     "dated after today, or a next contact or due date before today (before the visit's\n"
     "day, for a visit logged late), is refused without --force. In the editor and on\n"
     "stdin the same phrases work (due: next fri), and crm writes the date it understood.",
     [](Args& a) {
         auto o = a.options<commands::LogVisitOptions>();
         a.client(o->client);
         a.positional("SUMMARY", o->summary,
                      "What happened, in a sentence (goes to notes); - reads a visit as YAML "
                      "from stdin",
                      {}, false);
         a.fields(schema::visit_schema(), o->visit);
         a.flag("--edit", o->edit, "Write the visit in your editor");
         a.option("--meeting", o->meeting,
                  "Write up this meeting taken from the calendar: its date or file name", {},
                  "DATE|FILE");
         a.force(o->force);
         return a.run(o, &commands::log_visit);
     }},

    {"review", "Record a post-project review, angry to elated",
     "A post-project review places the client on the spectrum angry, unhappy, neutral,\n"
     "happy, elated. An angry or unhappy review makes a follow-up due (review_follow_up\n"
     "in crm.yaml, 7d by default) until a visit or call is logged after it; 'crm due'\n"
     "and 'crm reviews' list it.",
     [](Args& a) {
         auto o = a.options<commands::ReviewOptions>();
         a.client(o->client);
         a.fields(schema::review_schema(), o->review);
         a.force(o->force);
         return a.run(o, &commands::review);
     }},

    {"done", "Mark promises or actions delivered",
     "Each ITEM is the item's number in `crm promises` (each client's open items are\n"
     "numbered from 1), its text, or a piece of its text that only it contains; several\n"
     "words that together name one item need no quotes. Without ITEM, the client's only\n"
     "open item. Adds one line `done: DATE` to each item's visit file and changes\n"
     "nothing else in it; one commit for all of them.",
     [](Args& a) {
         auto o = a.options<commands::DoneOptions>();
         a.client(o->client);
         a.positionals("ITEM", o->items,
                       "Number as listed by crm promises, or a unique piece of text",
                       Values::of(Kind::items));
         a.past_date("--date", o->date, "The day it was delivered (default: today)");
         return a.run(o, &commands::done);
     }},

    {"set", "Change one field of a client, keeping the rest of the file", "",
     [](Args& a) {
         auto o = a.options<commands::SetOptions>();
         a.client(o->client);
         a.positional("FIELD", o->field,
                      "stage, tier, every, owner, name, notes, ratings.potential, "
                      "ratings.compatibility, ratings.profitability, or a custom field",
                      {Kind::fields, {}, Record::client});
         a.positional("VALUE", o->value, "The new value", {Kind::field_value, {}, Record::client});
         return a.run(o, &commands::set);
     }},

    {"edit", "Open a client or visit file in your editor, validated on save", "",
     [](Args& a) {
         auto o = a.options<commands::EditOptions>();
         a.client(o->client);
         a.option("--visit", o->visit,
                  "Edit a visit, review or opportunity instead: latest (visit), a date, or a "
                  "piece of its file name",
                  {}, "WHICH");
         return a.run(o, &commands::edit);
     }},
    {"log-email", "Log mail as visits: a message, an mbox or a maildir",
     "Each message becomes a kind: email visit of the client whose contact's address is\n"
     "in From, To or Cc, else whose contacts share a sender's or recipient's domain (never\n"
     "one of capture.public_domains); by is the teammate on it, direction out when a\n"
     "teammate sent it. A message that matches no client, or two, waits in inbox/ (crm\n"
     "inbox). Skipped and counted: a Message-ID already logged, automatic messages\n"
     "(Auto-Submitted, List-Id, Precedence: bulk), capture.never, more than\n"
     "capture.max_recipients people. One commit. From a mail filter (procmail):\n"
     "  :0 c\n"
     "  | crm log-email -",
     [](Args& a) {
         auto o = a.options<commands::LogEmailOptions>();
         a.positionals("FILE", o->files, "A message (.eml); - reads one from standard input",
                       Values::of(Kind::files));
         a.option("--mbox", o->mbox, "Every message of this mbox file", Values::of(Kind::files),
                  "FILE");
         a.option("--maildir", o->maildir, "Every message of this maildir (cur/ and new/)",
                  Values::of(Kind::dirs), "DIR");
         a.option("--client", o->client,
                  "Log every message at this client, whatever its addresses say",
                  Values::of(Kind::clients), "CLIENT");
         a.flag("--keep-attachments", o->keep_attachments,
                "Keep the attached files under clients/<slug>/files/");
         a.flag("-n,--dry-run", o->dry_run,
                "Print the visits and inbox messages it would write; write nothing");
         return a.run(o, &commands::log_email);
     }},

    {"inbox", "Captured mail whose client is unknown: list, file, drop",
     "Messages crm log-email could not give to one client: inbox/<date>-<suffix>.yaml,\n"
     "tracked, so the whole team sees them. Without a subcommand, lists them numbered\n"
     "with their date, sender, subject and the clients they may belong to.",
     [](Args& a) {
         for (const Command& c : kInboxCommands)
             a.subcommand(c);
         auto list = a.options<commands::InboxOptions>();
         return a.subcommands_or(a.run(list, &commands::inbox));
     }},
};

}  // namespace

std::span<const Command> record_commands() {
    return kCommands;
}

}  // namespace crm::cli
