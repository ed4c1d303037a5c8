#pragma once
// A record kind's schema: one table of fields, from which reading, checking, writing, the
// record cache and export all work. A field is a key, the member it fills and how; the
// member's type chooses how the value is read, written and encoded (values.hpp).
//
//   constexpr Field<Visit> kVisitFields[] = {
//       {"date", &Visit::date, kRequired, "add a line such as  date: 2026-11-23"},
//       {"kind", &Visit::kind, kSummary, {}, Allowed::visit_kinds},
//       ...
//   };
//
// A new field is one line here plus the code that uses it; the cache's version changes by
// itself when a table does (cache_layout_version).
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
};

template <class R>
struct Field {
    std::string_view key;
    Member<R> member;
    std::uint8_t flags = 0;
    std::string_view hint = {};  // for a required field: how to add it
    Allowed allowed = Allowed::any;

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
