// crm opportunity set | won | lost: surgical edits of one opportunity file (yaml/key_edit),
// its comments and every other line kept byte for byte, the result checked by the schema.
#include "crm/commands/common.hpp"
#include "crm/commands/opportunity.hpp"
#include "crm/model/opportunity.hpp"
#include "crm/schema/check.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/text.hpp"
#include "crm/yaml/key_edit.hpp"

#include "opportunity_values.hpp"

namespace crm::commands {

namespace {

using yaml::EditValue;

struct Candidate {
    std::string file;
    std::string text;
    Opportunity opportunity;
};

std::string base_name(const std::string& file) {
    return file.substr(file.rfind('/') + 1);
}

std::string describe(const std::vector<Candidate>& all, const std::vector<std::size_t>& which,
                     const Settings& s) {
    std::string out;
    for (std::size_t i : which) {
        const Opportunity& o = all[i].opportunity;
        out += "\n  " + base_name(all[i].file) + "  " + o.title + "  (" + stage_of(o, s) + ")";
    }
    return out;
}

// OPP: the title or the file name, whole (any case), else a unique piece of either.
std::size_t pick(const std::vector<Candidate>& all, const std::string& query,
                 const std::string& slug, const Settings& s) {
    const std::string again = "give more of the title, or the file name shown above";
    if (all.empty())
        throw RuntimeError(slug + " has no opportunities",
                           "add one with 'crm opportunity add " + slug + " TITLE'");
    std::vector<std::size_t> every(all.size());
    for (std::size_t i = 0; i < every.size(); ++i)
        every[i] = i;
    const std::string needle = fold_case(trim(query));
    std::vector<std::size_t> exact, partial;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const std::string title = fold_case(all[i].opportunity.title);
        const std::string name = fold_case(base_name(all[i].file));
        const std::string stem = name.ends_with(".yaml") ? name.substr(0, name.size() - 5) : name;
        if (needle == title || needle == name || needle == stem || needle == fold_case(all[i].file))
            exact.push_back(i);
        else if (!needle.empty() && (title.find(needle) != std::string::npos ||
                                     name.find(needle) != std::string::npos))
            partial.push_back(i);
    }
    const auto& found = exact.empty() ? partial : exact;
    if (found.size() == 1)
        return found.front();
    if (found.empty())
        throw RuntimeError(
            "no opportunity of " + slug + " matches '" + query + "'" + describe(all, every, s),
            again);
    throw RuntimeError("'" + query + "' matches " + std::to_string(found.size()) +
                           " opportunities of " + slug + describe(all, found, s),
                       again);
}

// One opportunity of a client, read under the transaction's lock, and its file's edits.
class OpportunityEdit {
  public:
    OpportunityEdit(Context& ctx, const std::string& client_query, const std::string& query)
        : ctx_(ctx), slug_(resolve_client(ctx, client_query)), tx_(ctx.transaction()) {
        store::Folder& folder = ctx.folder();
        client_ = folder.load_client(slug_);
        std::vector<Candidate> all;
        for (const auto& file : folder.record_files(slug_, RecordKind::opportunity)) {
            try {
                auto text = folder.read(file);
                if (!text)
                    continue;
                Opportunity o = schema::read_opportunity(*text, file);
                all.push_back({file, std::move(*text), std::move(o)});
            } catch (const DataError& e) {
                problems_.push_back(e);
            }
        }
        try {
            if (all.empty() && !problems_.empty())
                throw RuntimeError("the opportunity files of " + slug_ + " could not be read",
                                   "fix them (crm check shows where), then try again");
            target_ = std::move(all[pick(all, query, slug_, folder.settings())]);
        } catch (const RuntimeError&) {
            ctx.warn_problems(problems_);  // a broken file may be the one meant
            throw;
        }
    }

    const Client& client() const { return client_; }
    // The command that opens the file in the editor, for a hint.
    std::string edit_command() const {
        return "crm edit " + slug_ + " --visit " + base_name(file());
    }
    const std::string& file() const { return target_.file; }
    const std::string& text() const { return target_.text; }
    const Opportunity& opportunity() const { return target_.opportunity; }

    // Writes `edited` when it is still a clean opportunity file. A problem the edit brought
    // is the value's (exit 2); one the file had before is the file's (exit 1).
    void replace(const std::string& edited) {
        const Settings& s = ctx_.folder().settings();
        auto after = schema::check_file(edited, file(), schema::FileKind::opportunity, s);
        if (!after.empty()) {
            const auto& first = after.front();
            if (schema::check_file(text(), file(), schema::FileKind::opportunity, s).empty())
                throw UsageError(first.what(), first.hint());
            throw DataError(first.where(), first.problem(),
                            "fix the file first: " + edit_command());
        }
        tx_.replace(file(), edited);
    }

    // Commits, then says `done`, and returns the exit code: 1 when another opportunity
    // file was unreadable.
    int commit(const std::string& what, const std::string& done) {
        tx_.commit("opportunity " + what + ": " + client_.name + ": " +
                   commit_subject(opportunity().title));
        ctx_.note(done);
        return ctx_.warn_problems(problems_);
    }

  private:
    Context& ctx_;
    std::string slug_;
    store::Transaction tx_;
    Client client_;
    Candidate target_;
    std::vector<DataError> problems_;
};

Date future_date(const std::string& text, Date today, const std::string& field) {
    return parse_date_arg(text, today, DateDirection::future, field);
}

// set: the edited text for FIELD = VALUE, each value checked as its key's kind.
std::string edited(const OpportunitySetOptions& o, const OpportunityEdit& edit, Context& ctx) {
    const Date today = ctx.today();
    const Settings& s = ctx.folder().settings();
    const Opportunity& opp = edit.opportunity();
    const std::string& f = o.field;
    const std::string& v = o.value;
    auto set = [&](const std::string& text, const std::string& key, const EditValue& value) {
        return yaml::set_key(text, edit.file(), key, value);
    };
    const std::string& text = edit.text();
    if (f == "title" || f == "owner" || f == "lost_reason")
        return set(text, f, EditValue::text(text_arg(v, f)));
    if (f == "notes")
        return set(text, f, EditValue::text(v));
    if (f == "next_step" || f == "next-step") {
        const Commitment step = parse_commitment(v, today, f);
        std::string out = set(text, "next_step", EditValue::text(step.what));
        return step.due ? set(out, "next_step_due", EditValue::raw(step.due->iso())) : out;
    }
    if (f == "stage") {
        const std::string stage = open_stage_arg(v, s, "stage");
        if (!is_open(opp))
            throw RuntimeError(
                "'" + opp.title + "' is " + stage_of(opp, s) + "; its stage stays as it ended",
                "to reopen it, edit the file: " + edit.edit_command());
        std::string out = set(text, "stage", EditValue::text(stage));
        // The clock's RFP date: the day the RFP came out, kept from the first time.
        if (stage == kRfpStage && !opp.rfp_since && out != text)
            out = set(out, "rfp_since", EditValue::raw(today.iso()));
        return out;
    }
    if (f == "value")
        return set(text, f, EditValue::raw(money_text(money_arg(v, f))));
    if (f == "probability")
        return set(text, f, EditValue::raw(std::to_string(percent_arg(v, f).points)));
    if (f == "engaged" || f == "rfp_since")
        return set(text, f, EditValue::raw(past_date_arg(v, today, f).iso()));
    if (f == "rfp_expected" || f == "rfp")
        return set(text, "rfp_expected", EditValue::raw(future_date(v, today, f).iso()));
    if (f == "decision_expected" || f == "decision")
        return set(text, "decision_expected", EditValue::raw(future_date(v, today, f).iso()));
    if (f == "next_step_due")
        return set(text, f, EditValue::raw(future_date(v, today, f).iso()));
    if (f == "won" || f == "lost")
        throw UsageError("'" + f + "' is set by crm opportunity " + f,
                         "crm opportunity " + f + " CLIENT OPP" +
                             (f == "lost" ? " --reason TEXT" : "") + " [--date D]");
    if (f == "by")
        throw UsageError("'by' is who logged the opportunity, and stays",
                         "to change who pursues it: crm opportunity set CLIENT OPP owner NAME");
    if (!is_key_name(f))
        throw UsageError("'" + f + "' is not a field name",
                         "a field is title, owner, stage, value, probability, engaged, "
                         "rfp_expected, decision_expected, next_step, next_step_due, "
                         "lost_reason, notes, or a custom word of letters, digits, _ and -");
    return set(text, f, EditValue::text(v));
}

// The RFP must come before the decision, whichever of the two the command changed.
void require_rules(const std::string& edited, const OpportunityEdit& edit) {
    const Opportunity after = schema::read_opportunity(edited, edit.file());
    require_rfp_before_decision(after, "rfp_expected", "decision_expected");
}

}  // namespace

int opportunity_set(const OpportunitySetOptions& o, Context& ctx) {
    OpportunityEdit edit(ctx, o.client, o.opportunity);
    const std::string out = edited(o, edit, ctx);
    const std::string& title = edit.opportunity().title;
    if (out == edit.text()) {
        ctx.note(title + ": " + o.field + " is already " + o.value + "; nothing to change");
        return 0;
    }
    require_rules(out, edit);
    edit.replace(out);
    return edit.commit("set", title + ": " + o.field + " set to " + o.value);
}

int opportunity_won(const OpportunityWonOptions& o, Context& ctx) {
    const Date today = ctx.today();
    const Date date = o.date.empty() ? today : past_date_arg(o.date, today, "--date");
    std::optional<Money> value;
    if (!o.value.empty())
        value = money_arg(o.value, "--value");
    OpportunityEdit edit(ctx, o.client, o.opportunity);
    const Opportunity& opp = edit.opportunity();
    if (outcome_of(opp) == Outcome::lost)
        throw RuntimeError("'" + opp.title + "' was lost" +
                               (opp.lost ? " on " + opp.lost->iso() : "") +
                               ": an opportunity is won or lost, not both",
                           "if it was won after all, correct the file: " + edit.edit_command());
    std::string out = yaml::set_key(edit.text(), edit.file(), "stage", EditValue::text("won"));
    out = yaml::set_key(out, edit.file(), "won", EditValue::raw(date.iso()));
    if (value)
        out = yaml::set_key(out, edit.file(), "value", EditValue::raw(money_text(*value)));
    if (out == edit.text()) {
        ctx.note("'" + opp.title + "' is already won on " + date.iso() + "; nothing to change");
        return 0;
    }
    edit.replace(out);
    const auto final_value = value ? value : opp.value;
    return edit.commit("won", "won " + date.iso() + ": '" + opp.title + "' (" + edit.client().name +
                                  ")" + (final_value ? ", value " + money_text(*final_value) : ""));
}

int opportunity_lost(const OpportunityLostOptions& o, Context& ctx) {
    const Date today = ctx.today();
    const Date date = o.date.empty() ? today : past_date_arg(o.date, today, "--date");
    const std::string reason = text_arg(o.reason, "--reason");
    OpportunityEdit edit(ctx, o.client, o.opportunity);
    const Opportunity& opp = edit.opportunity();
    if (outcome_of(opp) == Outcome::won)
        throw RuntimeError("'" + opp.title + "' was won" +
                               (opp.won ? " on " + opp.won->iso() : "") +
                               ": an opportunity is won or lost, not both",
                           "if it was lost after all, correct the file: " + edit.edit_command());
    std::string out = yaml::set_key(edit.text(), edit.file(), "stage", EditValue::text("lost"));
    out = yaml::set_key(out, edit.file(), "lost", EditValue::raw(date.iso()));
    out = yaml::set_key(out, edit.file(), "lost_reason", EditValue::text(reason));
    if (out == edit.text()) {
        ctx.note("'" + opp.title + "' is already lost on " + date.iso() + "; nothing to change");
        return 0;
    }
    edit.replace(out);
    return edit.commit("lost", "lost " + date.iso() + ": '" + opp.title + "' (" +
                                   edit.client().name + "): " + reason);
}

}  // namespace crm::commands
