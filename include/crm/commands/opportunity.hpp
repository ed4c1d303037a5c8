#pragma once
// crm opportunity add | set | won | lost
#include <string>

#include "crm/commands/context.hpp"

namespace crm::commands {

struct OpportunityAddOptions {
    std::string client;
    std::string title;
    std::string value;
    std::string probability;
    std::string stage;
    std::string engaged;
    std::string rfp;
    std::string decision;
    std::string next_step;  // "TEXT [by DATE]"
    std::string owner;
    std::string note;
};

// OPP, in the three below: a unique piece of the title or the file name, any case.
struct OpportunitySetOptions {
    std::string client;
    std::string opportunity;
    std::string field;
    std::string value;
};

struct OpportunityWonOptions {
    std::string client;
    std::string opportunity;
    std::string value;
    std::string date;
};

struct OpportunityLostOptions {
    std::string client;
    std::string opportunity;
    std::string reason;
    std::string date;
};

int opportunity_add(const OpportunityAddOptions& o, Context& ctx);
int opportunity_set(const OpportunitySetOptions& o, Context& ctx);
int opportunity_won(const OpportunityWonOptions& o, Context& ctx);
int opportunity_lost(const OpportunityLostOptions& o, Context& ctx);

}  // namespace crm::commands
