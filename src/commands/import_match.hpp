#pragma once
// crm import's rules of who is who: each person or organisation of the file meets the
// folder's clients (and those the file creates), by e-mail, else by name.
#include <map>
#include <string>
#include <vector>

#include "crm/model/records.hpp"

#include "import_read.hpp"

namespace crm::commands {

// A client as the import sees it: one of the folder (its file changed by lines) or one
// it creates.
struct Target {
    Client client;  // as it will be
    bool created = false;
    std::size_t original_contacts = 0;                        // those after are added by the import
    std::map<std::size_t, std::vector<std::string>> changed;  // contact: its fields changed
    bool notes_changed = false;                               // the client's own notes
    std::vector<std::string> said;                            // what changed, for the report
    bool met = false;                                         // an entry of the file is here
    int line = 0;
    std::string file;  // where its entry is, for messages
    bool touched() const {
        return created || notes_changed || !changed.empty() ||
               client.contacts.size() > original_contacts;
    }
};

// What the clients the import creates get: --stage, --owner (default: the person
// importing), --every, --tag, the folder's default tier, today as since.
struct ImportDefaults {
    Client client;
    bool stage_given = false;  // an option given applies over what crm's own CSV says
    bool owner_given = false;
    bool every_given = false;
    Date today;
};

// The folder's clients and those the file creates, each with what changes: people
// first, then the organisations' own entries (which go where their people were found).
std::vector<Target> match_arrivals(std::vector<Client> existing,
                                   const std::vector<Arrival>& arrivals,
                                   const ImportDefaults& defaults);

}  // namespace crm::commands
