#pragma once
// Pieces several commands share: finding the client a CLIENT argument names, reading
// dates and records' fields as typed, checking option values, and commit messages.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "crm/commands/context.hpp"
#include "crm/model/commitment_text.hpp"  // parse_commitment, for log-visit and opportunities
#include "crm/model/records.hpp"
#include "crm/schema/args.hpp"
#include "crm/util/text.hpp"  // join, trim

namespace crm::commands {

// A date as typed on the command line, with the option it came with and the way it faces
// (past-facing --date and --since; future-facing --next and due's --until), both set
// where the option is declared (cli/args.hpp).
struct DateText {
    std::string text;
    std::string option = "--date";
    DateDirection direction = DateDirection::past;
    bool given() const { return !text.empty(); }
};

// The date `d` means, read with the folder's date_order; UsageError naming the option.
Date read_date(Context& ctx, const DateText& d);

// What a person typed for a new record's fields, by the key of the field in its schema
// (schema/records.cpp): each option's values in the order given. The command line fills
// it from the schema's rows, so a new field needs no code here.
using FieldTexts = std::map<std::string, std::vector<std::string>, std::less<>>;

// How typed values are read here: today, the folder's settings, --force, and the
// warnings (a promise without a date): into `warnings` when given (a command that writes
// says them after the write, with the dates it understood), else on stderr.
schema::Typing typing(Context& ctx, bool force = false,
                      std::vector<std::string>* warnings = nullptr);

// `record` with each field of `texts` read into it, in the schema's order: the record's
// date first, so that the dates looking forward are checked against it (a visit logged
// late may have a promise that fell due since).
template <class R>
void type_fields(const schema::Schema<R>& s, const FieldTexts& texts, R& record,
                 const schema::Typing& typing) {
    schema::Typing t = typing;
    for (const auto& f : s.fields) {
        if (auto it = texts.find(f.key); it != texts.end())
            for (const auto& text : it->second)
                schema::type_in(s, f, record, text, f.arg.option, t);
        if (schema::is_record_day(f.flags))
            if (const auto* day = std::get_if<Date R::*>(&f.member))
                schema::see_record_day(t, record.*(*day), s.kind);
    }
}

// A value as a note says it: a date with its weekday ("Fri 2026-11-27"), else as it is.
std::string said_value(const std::string& value);

// Says on stderr what each date of `record` was understood as (schema::dates_of), then
// the warnings kept while it was typed.
template <class R>
void say_dates(Context& ctx, const schema::Schema<R>& s, const R& record,
               const std::vector<std::string>& warnings = {}) {
    for (const auto& line : schema::dates_of(s, record, ctx.today()))
        ctx.note(schema::said(line));
    for (const auto& w : warnings)
        ctx.warn(w);
}

// The slug of the client `query` names (exact slug, exact name, unique prefix, unique
// substring). Throws RuntimeError listing the candidates or the closest names.
std::string resolve_client(Context& ctx, const std::string& query);

// The client `slug`, or when its client.yaml cannot be read, a client of that slug only
// (named by it, Client::unreadable) with a warning naming the problem: a new record of a
// client is written whatever state its profile is in.
Client client_or_slug(Context& ctx, const std::string& slug);

// The one of `allowed` that `value` names, in any case (`--tier a` is tier A, `--stage
// CLIENT` stage client): one rule for every option that names a stage, tier, kind or
// rating. Throws UsageError naming `option` and the allowed values otherwise.
std::string one_of(const std::string& option, const std::string& value,
                   const std::vector<std::string>& allowed);

// A value as a commit subject shows it: its first line, cut to 60 columns with "...".
std::string commit_subject(const std::string& value);

// Whether FIELD may name a custom top-level key: a word of letters, digits, _ and -.
bool is_key_name(const std::string& s);

}  // namespace crm::commands
