// The crm.yaml that `crm init` writes: every key with its default, commented, so that a
// person sees what can be set. Kept as text, not written from Settings, for the comments.
#include "crm/schema/records.hpp"

namespace crm::schema {

std::string default_settings_yaml() {
    return R"(# crm folder settings, shared by everyone who uses this folder. Every key is optional;
# the values below are the defaults. See crm-format(5).

# The sales funnel, in order.
stages: [lead, prospect, proposal, client, former, lost]
# Clients in these stages are never due for contact.
inactive_stages: [former, lost]
# Portfolio tiers and how often their clients should hear from you.
tiers:
  A: {every: 30d}
  B: {every: 60d}
  C: {every: 120d}
default_tier: B
# The window of `crm due` when no --within or --until is given.
due_within: 7d
# An angry or unhappy review makes a follow-up due this long after it.
review_follow_up: 7d
# Commit every change to git.
autocommit: true
# The open stages of an opportunity, in order, each with the win probability (percent)
# it stands for when an opportunity gives none of its own. An opportunity ends won or lost.
opportunity_stages:
  pre-scoping: 10
  rfp: 25
  proposal: 50
  negotiation: 75
# An expected RFP is due for attention this long before it comes out.
rfp_lead: 30d
# The kinds of visit that keep a relationship: only these reset a client's contact
# cadence. An e-mail exchanges information; add email here if it should count.
cadence_kinds: [visit, call, meeting, lunch, event]
# A meeting taken from the calendar (crm import FILE.ics) is to be written up within this.
report_within: 2d

# Who gets reminders (crm remind) and alerts of new reports (crm notify) by mail: each
# name as the records write it (owner:, by:, watchers:), each address plain.
# team:
#   - {name: Alice Smith, email: alice@example.com}
#   - {name: Bob Jones, email: bob@example.com}
# The From: address of that mail. The program that sends it is each person's own, never
# this shared file's: CRM_MAIL_COMMAND, else  git config --global crm.mailCommand "msmtp -t",
# else sendmail -t -oi (run without a shell, the message on its standard input).
# mail:
#   from: crm@example.com
# Run `crm notify` after every `crm sync` that pushed.
# notify_on_sync: false
# Who gets the reminders that belong to nobody in the team (empty: everyone).
# unowned_to: [Alice Smith]

# Capture from mail (crm log-email) and the calendar (crm import FILE.ics): addresses or
# domains never logged, the most people a message or event may have and still be logged,
# and the domains anyone can have an address at (never used to match a client).
# capture:
#   never: [payroll@example.com, newsletter.example]
#   max_recipients: 20
#   public_domains: [gmail.com, outlook.com, hotmail.com, yahoo.com, icloud.com, gmx.de, web.de]
)";
}

}  // namespace crm::schema
