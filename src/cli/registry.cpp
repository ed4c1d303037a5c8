#include "crm/cli/registry.hpp"

#include "registrations.hpp"

namespace crm::cli {

namespace {

const CommandInfo kCommands[] = {
    {"init", "Create a data folder: crm.yaml, .gitignore, git repository", &register_init},
    {"add-client", "Record a new client", &register_add_client},
    {"log-visit", "Log a visit, call or meeting: what was discussed, promised, next",
     &register_log_visit},
    {"due", "Who to contact and what was promised, this week (or any window)", &register_due},
    {"review", "Record a post-project review, angry to elated", &register_review},
    {"list", "List clients, filtered", &register_list},
    {"show", "A client's profile, contacts, open promises and timeline", &register_show},
    {"promises", "Open promises and actions, numbered", &register_promises},
    {"done", "Mark a promise or action delivered", &register_done},
    {"set", "Change one field of a client, keeping the rest of the file", &register_set},
    {"edit", "Open a client or visit file in your editor, validated on save", &register_edit},
    {"contact", "Add, change or remove a client's contact", &register_contact},
    {"rename", "Give a client a new name, and its folder a new slug", &register_rename},
    {"merge", "Merge two clients that are one: records, contacts, tags", &register_merge},
    {"rm", "Delete a client and its records (crm undo brings it back)", &register_rm},
    {"undo", "Take back crm's last commit: reset if not pushed, else revert", &register_undo},
    {"log", "What changed, when and by whom, from git", &register_log},
    {"log-email", "Log mail as visits: a message, an mbox or a maildir", &register_log_email},
    {"inbox", "Captured mail whose client is unknown: list, file, drop", &register_inbox},
    {"reviews", "The satisfaction spectrum, follow-ups, testimonials, referrals",
     &register_reviews},
    {"portfolio", "Clients by tier with ratings, score and last contact", &register_portfolio},
    {"funnel", "Clients per stage of the sales funnel", &register_funnel},
    {"check", "Validate every file of the folder", &register_check},
    {"sync", "Pull and push through git, then tell what teammates added", &register_sync},
    {"watch", "Hear about new visits and reviews at a client", &register_watch},
    {"unwatch", "Stop watching a client", &register_unwatch},
    {"news", "Visits and reviews by others at the clients you watch", &register_news},
    {"remind", "Mail each teammate what they have due", &register_remind},
    {"notify", "Mail teammates the visits and reviews others added", &register_notify},
    {"search", "Find text in every record", &register_search},
    {"import", "Import clients and contacts from vCard or CSV", &register_import},
    {"export", "Export clients and visits as JSON or CSV", &register_export},
    {"completion", "Shell completion script for bash, zsh or fish", &register_completion},
    {"opportunity", "Prospective projects: add, set, won, lost", &register_opportunity},
    {"pipeline", "Open opportunities weighted, by month, and the deal clock", &register_pipeline},
    {"report", "The partners' monthly page: HTML with charts, or Markdown", &register_report},
};

}  // namespace

std::span<const CommandInfo> command_table() {
    return kCommands;
}

}  // namespace crm::cli
