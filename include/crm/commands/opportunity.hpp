#pragma once
// crm opportunity add | set | won | lost
#include <string>

#include "crm/commands/common.hpp"
#include "crm/commands/context.hpp"

namespace crm::commands {

struct OpportunityAddOptions {
    std::string client;
    FieldTexts opportunity;  // TITLE and the options, by key (schema/records.cpp's rows)
    bool force = false;      // keep a next-step date before today
};

// OPP, in the three below: a unique piece of the title or the file name, any case.
struct OpportunitySetOptions {
    std::string client;
    std::string opportunity;
    std::string field;  // a key of the schema's settable rows, its option's word, or custom
    std::string value;
    bool force = false;
};

struct OpportunityWonOptions {
    std::string client;
    std::string opportunity;
    std::string value;
    DateText date;  // past-facing; empty: today
};

struct OpportunityLostOptions {
    std::string client;
    std::string opportunity;
    std::string reason;
    DateText date;  // past-facing; empty: today
};

int opportunity_add(const OpportunityAddOptions& o, Context& ctx);
int opportunity_set(const OpportunitySetOptions& o, Context& ctx);
int opportunity_won(const OpportunityWonOptions& o, Context& ctx);
int opportunity_lost(const OpportunityLostOptions& o, Context& ctx);

}  // namespace crm::commands
