// crm opportunity add: a new opportunity file, named like a visit's, through the transaction.
#include "crm/commands/common.hpp"
#include "crm/commands/opportunity.hpp"
#include "crm/model/opportunity.hpp"
#include "crm/schema/check.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/format.hpp"

#include "writes.hpp"

namespace crm::commands {

namespace {

Opportunity from_options(const OpportunityAddOptions& o, Context& ctx,
                         std::vector<std::string>& warnings) {
    const Date today = ctx.today();
    const Settings& s = ctx.folder().settings();
    Opportunity opp;
    opp.by = ctx.user();
    type_fields(schema::opportunity_schema(), o.opportunity, opp, typing(ctx, o.force, &warnings));
    if (opp.owner.empty())
        opp.owner = opp.by;
    if (opp.stage.empty() && !s.opportunity_stages.empty())
        opp.stage = s.opportunity_stages.front().name;
    // Logged in the RFP stage: the RFP is out, and today is the first day we know it.
    if (opp.stage == kRfpStage)
        opp.rfp_since = today;
    if (!opp.engaged)
        opp.engaged = today;
    return opp;
}

}  // namespace

int opportunity_add(const OpportunityAddOptions& o, Context& ctx) {
    // Bad option values are usage errors, whatever the client.
    std::vector<std::string> warnings;
    const Opportunity opp = from_options(o, ctx, warnings);
    const std::string slug = resolve_client(ctx, o.client);
    const Client client = ctx.folder().load_client(slug);
    const std::string text = schema::opportunity_yaml(opp);
    // The rules between fields (the RFP before the decision) are the schema's: the new
    // file must be one `crm check` passes.
    const std::string shown = record_file_path(slug, RecordKind::opportunity, "(new)");
    const auto problems =
        schema::check_file(text, shown, schema::FileKind::opportunity, ctx.folder().settings());
    if (!problems.empty())
        throw UsageError(problems.front().problem(), problems.front().hint());
    write_new_record(
        ctx, slug, RecordKind::opportunity, ctx.today(), opp.by, text,
        fmt::format("opportunity add: {}: {}", client.name, commit_subject(opp.title)));
    say_dates(ctx, schema::opportunity_schema(), opp, warnings);
    return 0;
}

}  // namespace crm::commands
