// The commands of the deal clock: `crm opportunity` and its commands, and `crm pipeline`.
// Each one whole, from its name to what runs it (args.hpp).
#include "crm/commands/opportunity.hpp"
#include "crm/commands/pipeline.hpp"
#include "crm/schema/records.hpp"

#include "args.hpp"

namespace crm::cli {

namespace {

constexpr const char* kOppHelp = "The opportunity: a unique piece of its title or file name";

void client_and_opportunity(Args& a, std::string& client, std::string& opportunity) {
    a.client(client);
    a.positional("OPP", opportunity, kOppHelp, Values::of(Kind::opportunities));
}

const Command kOpportunityCommands[] = {
    {"add", "Log a prospective project; prints its file", "",
     [](Args& a) {
         auto o = a.options<commands::OpportunityAddOptions>();
         a.client(o->client);
         a.fields(schema::opportunity_schema(), o->opportunity);
         a.force(o->force);
         return a.run(o, &commands::opportunity_add);
     }},
    {"set", "Change one field, keeping the rest of the file",
     "FIELD: title, owner, stage (an open stage; becoming rfp records rfp_since), value,\n"
     "probability, engaged, rfp_expected (or rfp), decision_expected (or decision),\n"
     "next_step (\"TEXT [by DATE]\"), next_step_due, lost_reason, notes, or a custom key.\n"
     "Only that line changes; comments and every other line stay as they are.",
     [](Args& a) {
         auto o = a.options<commands::OpportunitySetOptions>();
         client_and_opportunity(a, o->client, o->opportunity);
         a.positional("FIELD", o->field, "The key to change",
                      {Kind::fields, {}, Record::opportunity});
         a.positional("VALUE", o->value, "The new value",
                      {Kind::field_value, {}, Record::opportunity});
         a.force(o->force);
         return a.run(o, &commands::opportunity_set);
     }},
    {"won", "Record an opportunity won", "",
     [](Args& a) {
         auto o = a.options<commands::OpportunityWonOptions>();
         client_and_opportunity(a, o->client, o->opportunity);
         a.option("--value", o->value, "The final fee (default: the value it has)", {}, "N");
         a.past_date("--date", o->date, "When it was awarded (default today)");
         return a.run(o, &commands::opportunity_won);
     }},
    {"lost", "Record an opportunity lost, and why", "",
     [](Args& a) {
         auto o = a.options<commands::OpportunityLostOptions>();
         client_and_opportunity(a, o->client, o->opportunity);
         a.required(
             a.option("--reason", o->reason, "Why it was lost: price, scope, went elsewhere..."));
         a.past_date("--date", o->date, "When it was decided (default today)");
         return a.run(o, &commands::opportunity_lost);
     }},
};

const Command kCommands[] = {
    {"opportunity", "Prospective projects: add, set, won, lost",
     "An opportunity is a prospective project, from the first conversation to the award:\n"
     "clients/<slug>/opportunities/<date>-<author>-<suffix>.yaml. Its next step and its\n"
     "expected RFP (rfp_lead before it) show in 'crm due'; 'crm pipeline' weighs the open\n"
     "ones and tells how often engaging before the RFP won the work.",
     [](Args& a) {
         for (const Command& c : kOpportunityCommands)
             a.subcommand(c);
         return a.subcommands();
     }},

    {"pipeline", "Open opportunities weighted, by month, and the deal clock",
     "Open opportunities by stage (crm.yaml's opportunity_stages) with value, probability\n"
     "(the stage's default when absent), weighted value, expected RFP and decision, and\n"
     "how many months before the RFP we engaged; weighted totals by month of expected\n"
     "decision; and the deal clock: of the opportunities won or lost, how those engaged\n"
     "before the RFP ended against those engaged on or after it, over all history.",
     [](Args& a) {
         auto o = a.options<commands::PipelineOptions>();
         a.owner_or_mine(o->owner, o->mine, "Only opportunities this person pursues",
                         "Only the opportunities I pursue (I = CRM_USER, else git's user.name)");
         a.format(o->format, {Format::table, Format::json, Format::csv});
         return a.run(o, &commands::pipeline);
     }},
};

}  // namespace

std::span<const Command> deal_commands() {
    return kCommands;
}

}  // namespace crm::cli
