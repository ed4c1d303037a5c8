// The command line of the deal clock: `crm opportunity` and its subcommands, and
// `crm pipeline`.

#include <CLI/CLI.hpp>

#include "crm/commands/opportunity.hpp"
#include "crm/commands/pipeline.hpp"

#include "registrations.hpp"

namespace crm::cli {

namespace {

constexpr const char* kClientHelp = "The client: slug, name, or a unique part of either";
constexpr const char* kOppHelp = "The opportunity: a unique piece of its title or file name";

// A subcommand of `crm opportunity` whose options fill an `Options`, run by `run`.
template <class Options>
std::shared_ptr<Options> subcommand(CLI::App& parent, const char* name, const char* summary,
                                    const std::shared_ptr<commands::Runner>& selected,
                                    int (*run)(const Options&, commands::Context&),
                                    CLI::App*& sub) {
    auto o = std::make_shared<Options>();
    sub = parent.add_subcommand(name, summary);
    sub->callback([selected, o, run] {
        *selected = [o, run](commands::Context& ctx) { return run(*o, ctx); };
    });
    return o;
}

}  // namespace

commands::Runner register_opportunity(CLI::App& cmd) {
    cmd.require_subcommand(1);
    cmd.footer(
        "An opportunity is a prospective project, from the first conversation to the award:\n"
        "clients/<slug>/opportunities/<date>-<author>-<suffix>.yaml. Its next step and its\n"
        "expected RFP (rfp_lead before it) show in 'crm due'; 'crm pipeline' weighs the open\n"
        "ones and tells how often engaging before the RFP won the work.");
    auto selected = std::make_shared<commands::Runner>();
    CLI::App* sub = nullptr;

    auto add = subcommand(cmd, "add", "Log a prospective project; prints its file", selected,
                          &commands::opportunity_add, sub);
    sub->add_option("CLIENT", add->client, kClientHelp)->required();
    sub->add_option("TITLE", add->title, "What the project is, e.g. \"Depot expansion stage 2\"")
        ->required();
    sub->add_option("--value", add->value, "The expected fee: a plain number, e.g. 180000");
    sub->add_option("--probability", add->probability,
                    "Win probability in percent, 0-100 (default: the stage's)");
    sub->add_option("--stage", add->stage,
                    "An open stage of opportunity_stages (default: the first)");
    sub->add_option("--engaged", add->engaged,
                    "When we first talked about it (default today): a date, -3m, mon...");
    sub->add_option("--rfp", add->rfp, "When the RFP or tender is expected: a date, +2m...");
    sub->add_option("--decision", add->decision, "When the client is expected to award it");
    sub->add_option("--next-step", add->next_step, "The next step: \"TEXT [by DATE]\"");
    sub->add_option("--owner", add->owner, "Who pursues it (default: you)");
    sub->add_option("--note", add->note, "Free-text notes");

    auto set = subcommand(cmd, "set", "Change one field, keeping the rest of the file", selected,
                          &commands::opportunity_set, sub);
    sub->footer(
        "FIELD: title, owner, stage (an open stage; becoming rfp records rfp_since), value,\n"
        "probability, engaged, rfp_expected (or rfp), decision_expected (or decision),\n"
        "next_step (\"TEXT [by DATE]\"), next_step_due, lost_reason, notes, or a custom key.\n"
        "Only that line changes; comments and every other line stay as they are.");
    sub->add_option("CLIENT", set->client, kClientHelp)->required();
    sub->add_option("OPP", set->opportunity, kOppHelp)->required();
    sub->add_option("FIELD", set->field, "The key to change")->required();
    sub->add_option("VALUE", set->value, "The new value")->required();

    auto won = subcommand(cmd, "won", "Record an opportunity won", selected,
                          &commands::opportunity_won, sub);
    sub->add_option("CLIENT", won->client, kClientHelp)->required();
    sub->add_option("OPP", won->opportunity, kOppHelp)->required();
    sub->add_option("--value", won->value, "The final fee (default: the value it has)");
    sub->add_option("--date", won->date, "When it was awarded (default today)");

    auto lost = subcommand(cmd, "lost", "Record an opportunity lost, and why", selected,
                           &commands::opportunity_lost, sub);
    sub->add_option("CLIENT", lost->client, kClientHelp)->required();
    sub->add_option("OPP", lost->opportunity, kOppHelp)->required();
    sub->add_option("--reason", lost->reason, "Why it was lost: price, scope, went elsewhere...")
        ->required();
    sub->add_option("--date", lost->date, "When it was decided (default today)");

    return [selected](commands::Context& ctx) { return (*selected)(ctx); };
}

commands::Runner register_pipeline(CLI::App& cmd) {
    auto o = std::make_shared<commands::PipelineOptions>();
    cmd.footer(
        "Open opportunities by stage (crm.yaml's opportunity_stages) with value, probability\n"
        "(the stage's default when absent), weighted value, expected RFP and decision, and\n"
        "how many months before the RFP we engaged; weighted totals by month of expected\n"
        "decision; and the deal clock: of the opportunities won or lost, how those engaged\n"
        "before the RFP ended against those engaged on or after it, over all history.");
    auto* owner = cmd.add_option("--owner", o->owner, "Only opportunities this person pursues");
    auto* mine = cmd.add_flag("--mine", o->mine,
                              "Only the opportunities I pursue (I = CRM_USER, else git's "
                              "user.name)");
    owner->excludes(mine);
    cmd.add_option("--format", o->format, "table, json or csv")
        ->check(CLI::IsMember({"table", "json", "csv"}));
    return [o](commands::Context& ctx) { return commands::pipeline(*o, ctx); };
}

}  // namespace crm::cli
