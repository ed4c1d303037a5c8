// crm opportunity add: a new opportunity file, named like a visit's, through the transaction.
#include "crm/commands/common.hpp"
#include "crm/commands/opportunity.hpp"
#include "crm/model/opportunity.hpp"
#include "crm/schema/check.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/text.hpp"

#include "opportunity_values.hpp"
#include "writes.hpp"

namespace crm::commands {

namespace {

Opportunity from_options(const OpportunityAddOptions& o, Context& ctx) {
    const Date today = ctx.today();
    const Settings& s = ctx.folder().settings();
    Opportunity opp;
    opp.title = trim(o.title);
    if (opp.title.empty())
        throw UsageError("TITLE: the title is empty",
                         "name the prospective project, e.g. \"Depot expansion stage 2\"");
    opp.by = ctx.user();
    opp.owner = o.owner.empty() ? opp.by : text_arg(o.owner, "--owner");
    opp.stage = o.stage.empty() ? (s.opportunity_stages.empty() ? std::string()
                                                                : s.opportunity_stages.front().name)
                                : open_stage_arg(o.stage, s, "--stage");
    // Logged in the RFP stage: the RFP is out, and today is the first day we know it.
    if (opp.stage == kRfpStage)
        opp.rfp_since = today;
    if (!o.value.empty())
        opp.value = money_arg(o.value, "--value");
    if (!o.probability.empty())
        opp.probability = percent_arg(o.probability, "--probability");
    opp.engaged = o.engaged.empty() ? today : past_date_arg(o.engaged, today, "--engaged");
    if (!o.rfp.empty())
        opp.rfp_expected = parse_date_arg(o.rfp, today, DateDirection::future, "--rfp");
    if (!o.decision.empty())
        opp.decision_expected =
            parse_date_arg(o.decision, today, DateDirection::future, "--decision");
    require_rfp_before_decision(opp, "--rfp", "--decision");
    if (!o.next_step.empty()) {
        const Commitment step =
            parse_commitment(o.next_step, today, "--next-step", ctx.folder().settings().order());
        if (!step.due)
            ctx.warn(fmt::format("--next-step '{}': {}", step.what, kNoDueDate));
        opp.next_step = step.what;
        opp.next_step_due = step.due;
    }
    opp.notes = o.note;
    return opp;
}

}  // namespace

int opportunity_add(const OpportunityAddOptions& o, Context& ctx) {
    // Bad option values are usage errors, whatever the client.
    const Opportunity opp = from_options(o, ctx);
    const std::string slug = resolve_client(ctx, o.client);
    const Client client = ctx.folder().load_client(slug);
    const std::string text = schema::opportunity_yaml(opp);
    // What the options cannot say wrong, the schema still checks: the file must be clean.
    const std::string shown = record_file_path(slug, RecordKind::opportunity, "(new)");
    const auto problems =
        schema::check_file(text, shown, schema::FileKind::opportunity, ctx.folder().settings());
    if (!problems.empty())
        throw UsageError(problems.front().what(), problems.front().hint());
    write_new_record(ctx, slug, RecordKind::opportunity, ctx.today(), opp.by, text,
                     "opportunity add: " + client.name + ": " + commit_subject(opp.title));
    return 0;
}

}  // namespace crm::commands
