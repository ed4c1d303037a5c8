#pragma once
// Values only the folder knows, for shell completion (cli/complete.hpp): clients by slug
// and by name, a client's contacts, opportunities and open items, the tags in use, the
// titles of won opportunities (which `review --project` names). Each throws like any
// read of the folder (no folder, a broken crm.yaml, a client that does not resolve); a
// record that cannot be read is left out.
#include <string>
#include <vector>

#include "crm/commands/context.hpp"

namespace crm::commands {

// A word to offer and what it is (zsh and fish show it beside the word).
struct Candidate {
    std::string word;
    std::string about;
    bool alias = false;  // another word for the one before: offered once something is typed
};

// Every client by slug (about: its name) and by name (an alias; about: its slug).
std::vector<Candidate> client_candidates(Context& ctx);

// The names of the contacts of the client `client` names, in file order.
std::vector<std::string> contact_names(Context& ctx, const std::string& client);

// The tags of every client, each once, sorted.
std::vector<std::string> tag_names(Context& ctx);

// The titles of the client's opportunities, open ones first (about: the stage).
std::vector<Candidate> opportunity_titles(Context& ctx, const std::string& client);

// The client's open promises and actions as `crm promises` numbers them (about: the text).
std::vector<Candidate> open_items(Context& ctx, const std::string& client);

// Won opportunities' titles, latest win first, each once; of one client when `client`
// names one, else of every client. Reads the opportunity files only.
std::vector<std::string> won_projects(Context& ctx, const std::string& client);

}  // namespace crm::commands
