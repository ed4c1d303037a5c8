#pragma once
// What a person types for a record's field, read into the record: the option of the
// command that creates it (`log-visit --where "Their office"`), or FIELD VALUE of the
// command that changes one (`set acme tier A`). The field's row (fields.hpp) says it
// all: the member's type picks how the text is read (a date by the grammar of spec
// section 3 in the field's direction, with the folder's date_order; a fee; a rating;
// "TEXT by DATE"), Allowed which values it may take (in any case: `--tier a` is tier A),
// kGuarded whether a date on the wrong side of today needs --force. Every refusal is a
// UsageError that names the option or field and the value.
//
// The same rows resolve the date phrases a person writes in a record's text (the editor
// template, `log-visit -`): `due: next fri` is written `due: 2026-11-27`.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crm/model/commitment_text.hpp"
#include "crm/schema/fields.hpp"
#include "crm/util/format.hpp"
#include "crm/yaml/edit_value.hpp"

namespace crm::schema {

// Where a typed value is read.
struct Typing {
    Date today;
    const Settings* settings = nullptr;  // stages, tiers, date_order
    bool force = false;                  // a guarded date on the wrong side of today is kept
    // Said on stderr by the command: a promise without a date (kNoDueDate).
    std::function<void(const std::string&)> warn;
    // The record's own day when it is before today (a visit logged late): a guarded date
    // looking forward is checked against that day instead of today, since a promise due
    // between the visit and today was no typo (it is overdue now). Set by see_record_day.
    std::optional<Date> record_day;
    std::string_view record_kind;  // "visit", for the refusal

    // The day before which a guarded date looking forward is refused.
    Date earliest_ahead() const { return record_day.value_or(today); }
};

// The record's own date: a required date looking back and guarded (a visit's or a
// review's `date`); the dates looking forward typed after it are checked against it.
constexpr bool is_record_day(std::uint8_t flags) {
    return (flags & kRequired) != 0 && (flags & kGuarded) != 0 && (flags & kAhead) == 0;
}
// Keeps `d`, the record's date of a record of kind `kind`, in `t` when it is before today.
void see_record_day(Typing& t, Date d, std::string_view kind);

// What one value's reader needs of its field's row.
struct FieldArg {
    std::string_view name;   // as the person gave it: "--where", "stage", "ratings.potential"
    std::uint8_t flags = 0;  // Flag
    Allowed allowed = Allowed::any;
    std::uint8_t arg_flags = 0;  // ArgFlag
};

// The one of `allowed` that `value` names, exactly or in any case; a UsageError naming
// `name` and every allowed value otherwise.
std::string choose(std::string_view name, std::string_view value,
                   const std::vector<std::string>& allowed);

// A date as the field reads it (its direction), refused on the wrong side of today when
// the field is kGuarded and --force was not given.
Date typed_date(const FieldArg& f, std::string_view text, const Typing& t);
// Why `d` is refused for a guarded field (message, hint), if it is.
std::optional<std::pair<std::string, std::string>> wrong_side(const FieldArg& f, Date d,
                                                              const Typing& t);

// One reader per kind of value; a list field takes one item per call (each use of a
// repeatable option adds one).
#define CRM_SCHEMA_TYPED(T) \
    void type_value(const FieldArg& f, std::string_view text, T& out, const Typing& t)
CRM_SCHEMA_TYPED(std::string);
CRM_SCHEMA_TYPED(Date);
CRM_SCHEMA_TYPED(std::optional<Date>);
CRM_SCHEMA_TYPED(std::vector<std::string>);
CRM_SCHEMA_TYPED(std::vector<Commitment>);
CRM_SCHEMA_TYPED(std::vector<Contact>);
CRM_SCHEMA_TYPED(Ratings);
CRM_SCHEMA_TYPED(Rating);
CRM_SCHEMA_TYPED(std::optional<Cadence>);
CRM_SCHEMA_TYPED(Duration);
CRM_SCHEMA_TYPED(std::optional<Money>);
CRM_SCHEMA_TYPED(std::optional<Percent>);
#undef CRM_SCHEMA_TYPED
// The kinds no one types on a command line (crm.yaml's tiers, team, mail, stages).
[[noreturn]] void not_typed(const FieldArg& f);
template <class T>
void type_value(const FieldArg& f, std::string_view, T&, const Typing&) {
    not_typed(f);
}

// The YAML value that `set` writes for a field, from the member as typed; `sub` names a
// part of it (`potential` of ratings).
#define CRM_SCHEMA_EDIT(T) yaml::EditValue edit_value(const T& v, std::string_view sub)
CRM_SCHEMA_EDIT(std::string);
CRM_SCHEMA_EDIT(Date);
CRM_SCHEMA_EDIT(std::optional<Date>);
CRM_SCHEMA_EDIT(Ratings);
CRM_SCHEMA_EDIT(Rating);
CRM_SCHEMA_EDIT(std::optional<Cadence>);
CRM_SCHEMA_EDIT(std::optional<Money>);
CRM_SCHEMA_EDIT(std::optional<Percent>);
#undef CRM_SCHEMA_EDIT
template <class T>
yaml::EditValue edit_value(const T&, std::string_view) {
    throw std::logic_error("a list is not set as one value");
}

// Sets field `f` of `record` from `text`, `name` being how the person named it. A field
// with a due_key reads "TEXT by DATE" as a promise does (commitment_text.hpp): the text
// here, the date in that field.
template <class R>
void type_in(const Schema<R>& s, const Field<R>& f, R& record, std::string_view text,
             std::string_view name, const Typing& t) {
    if (!f.arg.due_key.empty()) {
        const Field<R>* due = s.find(f.arg.due_key);
        const FieldArg as_due{name, due ? due->flags : std::uint8_t{}, Allowed::any, kNotBlank};
        std::vector<Commitment> one;
        type_value(as_due, text, one, t);
        std::visit(
            [&](auto m) {
                if constexpr (std::is_same_v<decltype(m), std::string R::*>)
                    record.*m = one.front().what;
            },
            f.member);
        if (due)
            std::visit(
                [&](auto m) {
                    if constexpr (std::is_same_v<decltype(m), std::optional<Date> R::*>)
                        record.*m = one.front().due;
                },
                due->member);
        return;
    }
    const FieldArg arg{name, f.flags, f.allowed, f.arg.flags};
    std::visit([&](auto m) { type_value(arg, text, record.*m, t); }, f.member);
}

// The value `set` writes for field `f` of `record` (after type_in).
template <class R>
yaml::EditValue edit_value_of(const Field<R>& f, const R& record, std::string_view sub = {}) {
    return std::visit([&](auto m) { return edit_value(record.*m, sub); }, f.member);
}

// The FIELDs `set` and its kin take: the keys of the settable rows (kSettable), a map of
// ratings as its three parts (ratings.potential...).
template <class R>
std::vector<std::string> settable_keys(const Schema<R>& s) {
    std::vector<std::string> out;
    for (const auto& f : s.fields) {
        if (!f.arg.has(kSettable))
            continue;
        if (std::holds_alternative<Ratings R::*>(f.member)) {
            for (const char* part : {"potential", "compatibility", "profitability"})
                out.push_back(fmt::format("{}.{}", f.key, part));
        } else {
            out.emplace_back(f.key);
        }
    }
    return out;
}

// What a person reads after a write, one line per date of the record that says more
// than "today": `promise 'Send fee proposal' due Fri 2026-11-27`, `next contact Mon
// 2026-12-14`, `visit dated Fri 2026-11-20`. A date looking back that is today (the
// default) goes unsaid; a date looking forward is always said.
struct DateLine {
    std::string label;  // "next contact", "promise 'Send fee proposal' due"
    Date date;
};
std::string said(const DateLine& line);  // "next contact Mon 2026-12-14"

template <class R>
std::vector<DateLine> dates_of(const Schema<R>& s, const R& record, Date today);

// `text` (a record of schema `s`, named `file` in errors) with every date phrase a person
// wrote (`date: yesterday`, `due: next fri`) replaced by the date it means, in the field's
// direction, and each guarded date checked against today (Typing::force). Only those
// lines change. Throws DataError at the value for a phrase that is no date, UsageError
// (naming file:line:column) for a date on the wrong side of today.
template <class R>
std::string with_dates_read(const Schema<R>& s, std::string_view text, const std::string& file,
                            const Typing& t);

// The editor template's commented lines: `# where: Their office, level 3` for each field
// of `record` that has an example and no value yet, in the form the file takes (a list,
// a promise with its due date, a block of prose).
template <class R>
std::string template_hints(const Schema<R>& s, const R& record);

}  // namespace crm::schema
