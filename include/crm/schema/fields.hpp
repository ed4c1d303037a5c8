#pragma once
// A record kind's schema: one table of fields, from which reading, checking, writing, the
// record cache and export all work. A field is a key, the member it fills and how; the
// member's type chooses how the value is read, written and encoded (values.hpp).
//
//   constexpr Field<Visit> kVisitFields[] = {
//       {"date", &Visit::date, kRequired | kGuarded, "add a line such as  date: 2026-11-23",
//        Allowed::any, {"--date", "When it happened (default today)"}},
//       {"kind", &Visit::kind, kSummary, {}, Allowed::visit_kinds, {"--kind", "What it was"}},
//       ...
//   };
//
// The same row says how a person gives the field on the command line (Arg): the option of
// the command that creates the record (`log-visit --where`), its help, and whether `set`
// may change it; args.hpp reads what is typed into the member, by its type. A new field
// is one line here plus the code that uses it; the cache's version changes by itself
// when a table does (cache_layout_version).
#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "crm/schema/values.hpp"

namespace crm::schema {

template <class R>
using Member =
    std::variant<std::string R::*, Date R::*, std::optional<Date> R::*,
                 std::vector<std::string> R::*, std::vector<Commitment> R::*,
                 std::vector<Contact> R::*, Ratings R::*, std::optional<Cadence> R::*, Rating R::*,
                 bool R::*, Duration R::*, std::vector<Tier> R::*, std::vector<TeamMember> R::*,
                 MailSettings R::*, std::optional<Money> R::*, std::optional<Percent> R::*,
                 std::vector<OpportunityStage> R::*, std::vector<Attachment> R::*,
                 CaptureSettings R::*>;

// Field flags.
enum Flag : std::uint8_t {
    kRequired = 1,   // the file must have the key (and, for text, not blank)
    kSummary = 2,    // in the summary part of a visit (what `due` and `promises` read)
    kKeepEmpty = 4,  // text written even when empty
    kProse = 8,      // text written as a literal block when it has several lines
    kNonEmpty = 16,  // a list that must have an item
    kAhead = 32,    // a date that looks forward (next contact, a due date): `fri` is the coming one
    kGuarded = 64,  // a date on the wrong side of today (a visit tomorrow, a next contact
                    // yesterday) is refused unless --force: a typo, almost always
};

// Values a field may hold, beyond its type, checked by `crm check` only: reports read
// every value they can (an unknown stage is still a client to call).
enum class Allowed : std::uint8_t {
    any,
    visit_kinds,
    initiated_by,
    stages,
    tiers,
    opportunity_stages,  // an open stage of crm.yaml's opportunity_stages, won or lost
    date_orders,         // dmy or mdy
    directions,          // a captured message's: in or out
    report_states,       // a calendar meeting's write-up: pending
    address,             // one e-mail address (model/mail_address.hpp), checked as typed
};

// The values `allowed` names in `s`, in their order (one list for `crm check`, the command
// line and completion alike); empty for Allowed::any.
std::vector<std::string> allowed_values(Allowed allowed, const Settings& s);

// What else a field's value names, for completion: values the folder already holds.
enum class Names : std::uint8_t { none, team, contacts, tags, projects };

// How the command line gives a field (args.hpp).
enum ArgFlag : std::uint8_t {
    kSettable = 1,  // FIELD of `set` / `opportunity set` / `contact set`
    kMustGive = 2,  // the option is required by the command that creates the record
    kNotBlank = 4,  // typed empty, it is refused (a name, an owner); else empty clears it
};

// A field on the command line: the option of the command that creates the record
// (`log-visit --where W`, repeatable when the member is a list) and, with kSettable, a
// FIELD that `set` and its kin change. Empty `option`: no command creates it from options.
struct Arg {
    std::string_view option = {};   // "--where"
    std::string_view help = {};     // one line for --help
    std::string_view example = {};  // a value, for the commented lines of the editor template
    Names names = Names::none;
    std::uint8_t flags = 0;         // ArgFlag
    std::string_view due_key = {};  // a trailing " by DATE" goes to this date field
    std::string_view instead = {};  // not settable: how to change it instead

    bool has(ArgFlag f) const { return (flags & f) != 0; }
    // The option's name without its dashes: `set` and `opportunity set` take it as FIELD too.
    std::string_view word() const { return option.substr(option.starts_with("--") ? 2 : 0); }
};

template <class R>
struct Field {
    std::string_view key;
    Member<R> member;
    std::uint8_t flags = 0;
    std::string_view hint = {};  // for a required field: how to add it
    Allowed allowed = Allowed::any;
    Arg arg = {};

    bool has(Flag f) const { return (flags & f) != 0; }
    Style style() const {
        return has(kProse) ? Style::prose : has(kKeepEmpty) ? Style::keep_empty : Style::plain;
    }
};

template <class R>
struct Schema {
    std::string_view kind;  // "client": the word of messages ("client has no name:")
    std::uint8_t tag;  // first byte of a record's cache bytes: a visit never decodes as a client
    std::span<const Field<R>> fields;
    CustomFields R::*custom = nullptr;  // keys a person added, kept in file order
    bool all_summary = false;           // every field in the summary (clients, reviews)
    // `crm check` only, after every field is read: rules between fields (an opportunity
    // won and lost at once). Like Allowed, never a reason for a report to skip a file.
    void (*check)(const R& record, const yaml::Node& root, Problems& p) = nullptr;

    const Field<R>* find(std::string_view key) const {
        auto it = std::find_if(fields.begin(), fields.end(),
                               [&](const Field<R>& f) { return f.key == key; });
        return it == fields.end() ? nullptr : &*it;
    }
    // The field a person names: its key, or its option's word (`rfp` for rfp_expected).
    const Field<R>* named(std::string_view word) const {
        if (const Field<R>* f = find(word))
            return f;
        auto it = std::find_if(fields.begin(), fields.end(), [&](const Field<R>& f) {
            return !f.arg.option.empty() && f.arg.word() == word;
        });
        return it == fields.end() ? nullptr : &*it;
    }
    bool in_summary(const Field<R>& f) const { return all_summary || f.has(kSummary); }
};

// Calls `f(field, value)` for every field of `record`, in table order, with the value
// typed (const std::string&, const Date&, ...): for export and JSON, which format each
// kind of value their own way.
template <class R, class F>
void for_each_field(const Schema<R>& schema, const R& record, F&& f) {
    for (const auto& field : schema.fields)
        std::visit([&](auto member) { f(field, record.*member); }, field.member);
}

}  // namespace crm::schema
