#include "crm/cli/registry.hpp"

#include "crm/commands/commands.hpp"

namespace crm::cli {

namespace {

const CommandInfo kCommands[] = {
    {"init", "Create a data folder: crm.yaml, .gitignore, git repository",
     &commands::register_init},
    {"add-client", "Record a new client", &commands::register_add_client},
    {"log-visit", "Log a visit, call or meeting: what was discussed, promised, next",
     &commands::register_log_visit},
    {"due", "Who to contact and what was promised, this week (or any window)",
     &commands::register_due},
    {"review", "Record a post-project review, angry to elated", &commands::register_review},
    {"list", "List clients, filtered", &commands::register_list},
    {"show", "A client's profile, contacts, open promises and timeline", &commands::register_show},
    {"promises", "Open promises and actions, numbered", &commands::register_promises},
    {"done", "Mark a promise or action delivered", &commands::register_done},
    {"set", "Change one field of a client, keeping the rest of the file", &commands::register_set},
    {"edit", "Open a client or visit file in your editor, validated on save",
     &commands::register_edit},
    {"reviews", "The satisfaction spectrum, follow-ups, testimonials, referrals",
     &commands::register_reviews},
    {"portfolio", "Clients by tier with ratings, score and last contact",
     &commands::register_portfolio},
    {"funnel", "Clients per stage of the sales funnel", &commands::register_funnel},
    {"check", "Validate every file of the folder", &commands::register_check},
    {"sync", "Pull and push through git, then tell what teammates added", &commands::register_sync},
    {"watch", "Hear about new visits and reviews at a client", &commands::register_watch},
    {"unwatch", "Stop watching a client", &commands::register_unwatch},
    {"news", "Visits and reviews by others at the clients you watch", &commands::register_news},
    {"search", "Find text in every record", &commands::register_search},
    {"import", "Import clients and contacts from vCard or CSV", &commands::register_import},
    {"export", "Export clients and visits as JSON or CSV", &commands::register_export},
    {"completion", "Shell completion script for bash, zsh or fish", &commands::register_completion},
};

}  // namespace

std::span<const CommandInfo> command_table() {
    return kCommands;
}

}  // namespace crm::cli
