// crm opportunity set | won | lost: surgical edits of one opportunity file (yaml/key_edit),
// its comments and every other line kept byte for byte, the result checked by the schema.
#include "crm/commands/common.hpp"
#include "crm/commands/opportunity.hpp"
#include "crm/model/opportunity.hpp"
#include "crm/schema/check.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"
#include "crm/yaml/key_edit.hpp"

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
        out += fmt::format("\n  {}  {}  ({})", base_name(all[i].file), o.title, stage_of(o, s));
    }
    return out;
}

// OPP: the title or the file name, whole (any case), else a unique piece of either.
std::size_t pick(const std::vector<Candidate>& all, const std::string& query,
                 const std::string& slug, const Settings& s) {
    const std::string again = "give more of the title, or the file name shown above";
    if (all.empty())
        throw RuntimeError(fmt::format("{} has no opportunities", slug),
                           fmt::format("add one with 'crm opportunity add {} TITLE'", slug));
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
        throw RuntimeError(fmt::format("no opportunity of {} matches '{}'{}", slug, query,
                                       describe(all, every, s)),
                           again);
    throw RuntimeError(fmt::format("'{}' matches {} opportunities of {}{}", query, found.size(),
                                   slug, describe(all, found, s)),
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
                throw RuntimeError(
                    fmt::format("the opportunity files of {} could not be read", slug_),
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
        return fmt::format("crm edit {} --visit {}", slug_, base_name(file()));
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
                            fmt::format("fix the file first: {}", edit_command()));
        }
        tx_.replace(file(), edited);
    }

    // Commits, then says `done`, and returns the exit code: 1 when another opportunity
    // file was unreadable.
    int commit(const std::string& what, const std::string& done) {
        tx_.commit(fmt::format("opportunity {}: {}: {}", what, client_.name,
                               commit_subject(opportunity().title)));
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

// set: the edited text for FIELD = VALUE, the value read as the schema's row for that
// key says (schema/records.cpp); `shown` gets it as written.
std::string edited(const OpportunitySetOptions& o, const OpportunityEdit& edit, Context& ctx,
                   std::string& shown, std::vector<std::string>& warnings) {
    const auto& s = schema::opportunity_schema();
    const Opportunity& opp = edit.opportunity();
    const std::string& f = o.field;
    const std::string& text = edit.text();
    auto set = [&](const std::string& in, const std::string& key, const EditValue& value) {
        return yaml::set_key(in, edit.file(), key, value);
    };
    const schema::Field<Opportunity>* field = s.named(f);
    if (!field) {
        if (!is_key_name(f))
            throw UsageError(fmt::format("'{}' is not a field name", f),
                             fmt::format("a field is {}, or a custom word of letters, digits, _ "
                                         "and -",
                                         join(schema::settable_keys(s), ", ")));
        shown = o.value;
        return set(text, f, EditValue::text(o.value));
    }
    if (!field->arg.has(schema::kSettable))
        throw UsageError(fmt::format("'{}' cannot be set with crm opportunity set", f),
                         std::string(field->arg.instead));
    const std::string key(field->key);
    if (key == "stage" && !is_open(opp))
        throw RuntimeError(fmt::format("'{}' is {}; its stage stays as it ended", opp.title,
                                       stage_of(opp, ctx.folder().settings())),
                           fmt::format("to reopen it, edit the file: {}", edit.edit_command()));
    Opportunity typed;
    schema::type_in(s, *field, typed, o.value, f, typing(ctx, o.force, &warnings));
    const EditValue value = schema::edit_value_of(*field, typed);
    shown = said_value(value.value);
    std::string out = set(text, key, value);
    // "TEXT by DATE": the date to its own key (next_step_due).
    if (const auto* due = field->arg.due_key.empty() ? nullptr : s.find(field->arg.due_key)) {
        const EditValue date = schema::edit_value_of(*due, typed);
        if (!date.value.empty()) {
            out = set(out, std::string(due->key), date);
            shown = fmt::format("{}, due {}", shown, said_value(date.value));
        }
    }
    // The clock's RFP date: the day the RFP came out, kept from the first time.
    if (key == "stage" && typed.stage == kRfpStage && !opp.rfp_since && out != text)
        out = set(out, "rfp_since", EditValue::raw(ctx.today().iso()));
    return out;
}

// A day something ended (won, lost): today or earlier.
Date day_ended(Context& ctx, const DateText& d) {
    const Date today = ctx.today();
    if (!d.given())
        return today;
    const Date date = read_date(ctx, d);
    if (date > today)
        throw UsageError(
            fmt::format("{}: {} {} is in the future", d.option, weekday_short(date), date),
            "give a day that has come: today or earlier");
    return date;
}

}  // namespace

int opportunity_set(const OpportunitySetOptions& o, Context& ctx) {
    OpportunityEdit edit(ctx, o.client, o.opportunity);
    std::string shown;
    std::vector<std::string> warnings;
    const std::string out = edited(o, edit, ctx, shown, warnings);
    const std::string& title = edit.opportunity().title;
    if (out == edit.text()) {
        ctx.note(fmt::format("{}: {} is already {}; nothing to change", title, o.field, shown));
        return 0;
    }
    // The rules between keys (the RFP before the decision) are the schema's, checked here.
    edit.replace(out);
    const int code = edit.commit("set", fmt::format("{}: {} set to {}", title, o.field, shown));
    for (const auto& w : warnings)
        ctx.warn(w);
    return code;
}

int opportunity_won(const OpportunityWonOptions& o, Context& ctx) {
    const Date date = day_ended(ctx, o.date);
    Opportunity typed;
    const auto& s = schema::opportunity_schema();
    if (!o.value.empty())
        schema::type_in(s, *s.find("value"), typed, o.value, "--value", typing(ctx));
    const std::optional<Money> value = typed.value;
    OpportunityEdit edit(ctx, o.client, o.opportunity);
    const Opportunity& opp = edit.opportunity();
    if (outcome_of(opp) == Outcome::lost)
        throw RuntimeError(
            fmt::format("'{}' was lost{}: an opportunity is won or lost, not both", opp.title,
                        opp.lost ? fmt::format(" on {}", *opp.lost) : ""),
            fmt::format("if it was won after all, correct the file: {}", edit.edit_command()));
    std::string out = yaml::set_key(edit.text(), edit.file(), "stage", EditValue::text("won"));
    out = yaml::set_key(out, edit.file(), "won", EditValue::raw(date.iso()));
    if (value)
        out = yaml::set_key(out, edit.file(), "value", EditValue::raw(money_text(*value)));
    if (out == edit.text()) {
        ctx.note(fmt::format("'{}' is already won on {} {}; nothing to change", opp.title,
                             weekday_short(date), date));
        return 0;
    }
    edit.replace(out);
    const auto final_value = value ? value : opp.value;
    return edit.commit(
        "won", fmt::format("won {} {}: '{}' ({}){}", weekday_short(date), date, opp.title,
                           edit.client().name,
                           final_value ? fmt::format(", value {}", money_text(*final_value)) : ""));
}

int opportunity_lost(const OpportunityLostOptions& o, Context& ctx) {
    const Date date = day_ended(ctx, o.date);
    Opportunity typed;
    const auto& s = schema::opportunity_schema();
    schema::type_in(s, *s.find("lost_reason"), typed, o.reason, "--reason", typing(ctx));
    const std::string& reason = typed.lost_reason;
    OpportunityEdit edit(ctx, o.client, o.opportunity);
    const Opportunity& opp = edit.opportunity();
    if (outcome_of(opp) == Outcome::won)
        throw RuntimeError(
            fmt::format("'{}' was won{}: an opportunity is won or lost, not both", opp.title,
                        opp.won ? fmt::format(" on {}", *opp.won) : ""),
            fmt::format("if it was lost after all, correct the file: {}", edit.edit_command()));
    std::string out = yaml::set_key(edit.text(), edit.file(), "stage", EditValue::text("lost"));
    out = yaml::set_key(out, edit.file(), "lost", EditValue::raw(date.iso()));
    out = yaml::set_key(out, edit.file(), "lost_reason", EditValue::text(reason));
    if (out == edit.text()) {
        ctx.note(fmt::format("'{}' is already lost on {} {}; nothing to change", opp.title,
                             weekday_short(date), date));
        return 0;
    }
    edit.replace(out);
    return edit.commit("lost", fmt::format("lost {} {}: '{}' ({}): {}", weekday_short(date), date,
                                           opp.title, edit.client().name, reason));
}

}  // namespace crm::commands
