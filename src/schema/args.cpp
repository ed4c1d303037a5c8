// Reading what a person types into a record's fields (args.hpp): one reader per kind of
// value, as values_read.cpp has one per kind of YAML node.
#include "crm/schema/args.hpp"

#include <algorithm>

#include "crm/model/contact.hpp"
#include "crm/model/mail_address.hpp"
#include "crm/model/opportunity.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/error.hpp"
#include "crm/util/text.hpp"
#include "crm/yaml/item_edit.hpp"
#include "crm/yaml/key_edit.hpp"
#include "crm/yaml/tree.hpp"

namespace crm::schema {

std::vector<std::string> allowed_values(Allowed allowed, const Settings& s) {
    switch (allowed) {
        case Allowed::any:
        case Allowed::address:
            return {};
        case Allowed::visit_kinds:
            return visit_kinds();
        case Allowed::initiated_by:
            return {"us", "client"};
        case Allowed::stages:
            return s.stages;
        case Allowed::tiers:
            return s.tier_names();
        case Allowed::opportunity_stages:
            return s.opportunity_stage_names();
        case Allowed::date_orders:
            return {"dmy", "mdy"};
        case Allowed::directions:
            return {"in", "out"};
        case Allowed::report_states:
            return {"pending"};
    }
    return {};
}

std::string choose(std::string_view name, std::string_view value,
                   const std::vector<std::string>& allowed) {
    for (const auto& a : allowed)
        if (a == value)
            return a;
    const std::string folded = fold_case(trim(value));
    for (const auto& a : allowed)
        if (fold_case(a) == folded)
            return a;
    throw UsageError(
        fmt::format("{}: '{}' is not one of {}", name, value, fmt::join(allowed, ", ")),
        fmt::format("use one of: {}", fmt::join(allowed, ", ")));
}

void not_typed(const FieldArg& f) {
    throw UsageError(fmt::format("{}: this is not given on the command line", f.name),
                     "change it in the file: crm edit");
}

Date typed_date(const FieldArg& f, std::string_view text, const Typing& t) {
    const bool ahead = (f.flags & kAhead) != 0;
    const DateOrder order = t.settings ? t.settings->order() : DateOrder::none;
    const Date d = parse_date_arg(
        text, t.today, ahead ? DateDirection::future : DateDirection::past, f.name, order);
    if (auto why = wrong_side(f, d, t))
        throw UsageError(why->first, why->second);
    return d;
}

void see_record_day(Typing& t, Date d, std::string_view kind) {
    if (d < t.today) {
        t.record_day = d;
        t.record_kind = kind;
    } else {
        t.record_day.reset();
    }
}

namespace {

// Why a date looking forward (`what`: "--next: Sun 2026-11-22", "--promise: due ...") is
// too early: before today, or before the day of the record it belongs to.
std::optional<std::pair<std::string, std::string>> too_early(std::string_view what, Date d,
                                                             const Typing& t) {
    if (t.force || d >= t.earliest_ahead())
        return std::nullopt;
    if (!t.record_day)
        return std::pair{fmt::format("{} is in the past", what),
                         fmt::format("give today or a later day, or add --force to keep {}", d)};
    const Date day = *t.record_day;
    return std::pair{fmt::format("{} is before the {} it belongs to ({} {})", what, t.record_kind,
                                 weekday_short(day), day),
                     fmt::format("give {} or a later day, or add --force to keep {}", day, d)};
}

}  // namespace

std::optional<std::pair<std::string, std::string>> wrong_side(const FieldArg& f, Date d,
                                                              const Typing& t) {
    const bool ahead = (f.flags & kAhead) != 0;
    if ((f.flags & kGuarded) == 0 || t.force)
        return std::nullopt;
    if (!ahead && d > t.today)
        return std::pair{fmt::format("{}: {} {} is in the future", f.name, weekday_short(d), d),
                         fmt::format("give the day it happened, or add --force to keep {}", d)};
    if (ahead)
        return too_early(fmt::format("{}: {} {}", f.name, weekday_short(d), d), d, t);
    return std::nullopt;
}

namespace {

// Typed text. Free text (prose, an item of a list) reaches the file exactly as typed,
// edge blanks and newlines included (spec section 5); a one-line value that names
// something (a name, a title, an owner, a place) loses a person's stray blanks at its
// edges. Blank, it clears the field, unless the field must have a text.
std::string text_of(const FieldArg& f, std::string_view text, bool exact) {
    std::string t = exact ? std::string(text) : trim(text);
    const bool needed =
        (f.flags & (kRequired | kKeepEmpty)) != 0 || (f.arg_flags & (kNotBlank | kMustGive)) != 0;
    if (needed && trim(text).empty())
        throw UsageError(
            fmt::format("{}: the text is empty", f.name),
            f.name.starts_with("-") ? "write the text, or leave the option out" : "write the text");
    return t;
}

}  // namespace

void type_value(const FieldArg& f, std::string_view text, std::string& out, const Typing& t) {
    const std::string v = text_of(f, text, (f.flags & kProse) != 0);
    switch (f.allowed) {
        case Allowed::any:
            out = v;
            return;
        case Allowed::address:
            if (auto why = v.empty() ? std::nullopt : contact_address_problem(v))
                throw UsageError(
                    fmt::format("{}: '{}' is not an e-mail address: it {}", f.name, v, *why),
                    "write one address, such as \"Jane Doe <jane@example.com>\"");
            out = v;
            return;
        case Allowed::opportunity_stages: {
            // Won and lost end an opportunity: they have commands of their own.
            const std::string stage = ascii_lower(v);
            if (stage == kWonStage || stage == kLostStage)
                throw UsageError(
                    fmt::format("{}: '{}' ends an opportunity", f.name, stage),
                    fmt::format("record it with 'crm opportunity {} CLIENT OPP'", stage));
            out = choose(f.name, v, t.settings->open_opportunity_stage_names());
            return;
        }
        default:
            out = choose(f.name, v, allowed_values(f.allowed, *t.settings));
    }
}

void type_value(const FieldArg& f, std::string_view text, Date& out, const Typing& t) {
    out = typed_date(f, text, t);
}

void type_value(const FieldArg& f, std::string_view text, std::optional<Date>& out,
                const Typing& t) {
    out = typed_date(f, text, t);
}

void type_value(const FieldArg& f, std::string_view text, std::vector<std::string>& out,
                const Typing&) {
    // An item of a list is never empty.
    out.push_back(text_of({f.name, f.flags, f.allowed, kNotBlank}, text, true));
}

// "TEXT by DATE": the date looks forward, and a due date before today (before the
// record's own day, for one dated earlier) is a typo unless --force says otherwise; no
// date at all is kept, with a warning.
void type_value(const FieldArg& f, std::string_view text, std::vector<Commitment>& out,
                const Typing& t) {
    const DateOrder order = t.settings ? t.settings->order() : DateOrder::none;
    Commitment c = parse_commitment(text, t.today, f.name, order);
    if (c.due)
        if (auto why = too_early(
                fmt::format("{}: due {} {}", f.name, weekday_short(*c.due), *c.due), *c.due, t))
            throw UsageError(why->first, why->second);
    if (!c.due && t.warn)
        t.warn(fmt::format("{} '{}': {}", f.name, c.what, kNoDueDate));
    out.push_back(std::move(c));
}

void type_value(const FieldArg& f, std::string_view text, std::vector<Contact>& out,
                const Typing& t) {
    std::optional<Contact> c = parse_contact_text(text);
    if (!c)
        throw UsageError(fmt::format("{}: '{}' names nobody", f.name, text),
                         "write \"Jane Doe <jane@example.com>\"");
    if (!c->email.empty())
        type_value(FieldArg{f.name, 0, Allowed::address}, c->email, c->email, t);
    out.push_back(std::move(*c));
}

void type_value(const FieldArg& f, std::string_view text, Ratings& out, const Typing&) {
    static const std::vector<std::string> kWhich{"potential", "compatibility", "profitability"};
    const auto dot = f.name.find('.');
    if (dot == std::string_view::npos)
        throw UsageError(fmt::format("{}: name one rating", f.name),
                         "ratings.potential, ratings.compatibility or ratings.profitability, as "
                         "in: crm set CLIENT ratings.potential 4");
    const std::string which = choose(f.name, f.name.substr(dot + 1), kWhich);
    const std::string v = trim(text);
    if (v.size() != 1 || v[0] < '1' || v[0] > '5')
        throw UsageError(fmt::format("{}: '{}' is not a rating", f.name, text),
                         "a rating is a whole number from 1 to 5");
    (which == "potential"       ? out.potential
     : which == "compatibility" ? out.compatibility
                                : out.profitability) = v[0] - '0';
}

void type_value(const FieldArg& f, std::string_view text, Rating& out, const Typing&) {
    out = *parse_rating(choose(f.name, text, rating_names()));
}

void type_value(const FieldArg& f, std::string_view text, std::optional<Cadence>& out,
                const Typing&) {
    const std::string v = trim(text);
    if (v == "never") {
        out = Cadence::never();
        return;
    }
    if (auto d = parse_duration(v)) {
        out = Cadence{*d};
        return;
    }
    throw UsageError(fmt::format("{}: '{}' is not a duration", f.name, text),
                     "use a number followed by d, w, m or y, such as 21d, 2w, 1m, or never");
}

void type_value(const FieldArg& f, std::string_view text, Duration& out, const Typing&) {
    out = parse_duration_arg(trim(text), f.name);
}

void type_value(const FieldArg& f, std::string_view text, std::optional<Money>& out,
                const Typing&) {
    if (!(out = parse_money(trim(text))))
        throw UsageError(fmt::format("{}: '{}' is not a non-negative number", f.name, text),
                         "write the fee as a plain number, without separators or currency: "
                         "180000 or 12500.50");
}

void type_value(const FieldArg& f, std::string_view text, std::optional<Percent>& out,
                const Typing&) {
    if (!(out = parse_percent(trim(text))))
        throw UsageError(fmt::format("{}: '{}' is not a probability from 0 to 100", f.name, text),
                         "a probability is a whole number of percent, from 0 to 100, e.g. 40");
}

yaml::EditValue edit_value(const std::string& v, std::string_view) {
    return yaml::EditValue::text(v);
}
yaml::EditValue edit_value(const Date& v, std::string_view) {
    return yaml::EditValue::raw(v.iso());
}
yaml::EditValue edit_value(const std::optional<Date>& v, std::string_view) {
    return yaml::EditValue::raw(v ? v->iso() : "");
}
yaml::EditValue edit_value(const Ratings& v, std::string_view sub) {
    const std::optional<int>& r = sub == "potential"       ? v.potential
                                  : sub == "compatibility" ? v.compatibility
                                                           : v.profitability;
    return yaml::EditValue::raw(r ? std::to_string(*r) : "");
}
yaml::EditValue edit_value(const Rating& v, std::string_view) {
    return yaml::EditValue::text(rating_name(v));
}
yaml::EditValue edit_value(const std::optional<Cadence>& v, std::string_view) {
    return yaml::EditValue::raw(v ? v->str() : "");
}
yaml::EditValue edit_value(const std::optional<Money>& v, std::string_view) {
    return yaml::EditValue::raw(v ? money_text(*v) : "");
}
yaml::EditValue edit_value(const std::optional<Percent>& v, std::string_view) {
    return yaml::EditValue::raw(v ? std::to_string(v->points) : "");
}

std::string said(const DateLine& line) {
    return fmt::format("{} {} {}", line.label, weekday_short(line.date), line.date);
}

namespace {

std::string label_of(std::string_view key) {
    std::string s(key);
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

// A key as one item of it is called: promises -> promise.
std::string singular(std::string_view key) {
    return label_of(key.ends_with('s') ? key.substr(0, key.size() - 1) : key);
}

}  // namespace

template <class R>
std::vector<DateLine> dates_of(const Schema<R>& s, const R& record, Date today) {
    std::vector<DateLine> out;
    for (const auto& f : s.fields) {
        // A date that belongs to a text ("next step 'X' due") is said with it.
        const Field<R>* text_of_due = nullptr;
        for (const auto& g : s.fields)
            if (g.arg.due_key == f.key)
                text_of_due = &g;
        auto say = [&](std::optional<Date> d) {
            if (!d || (!f.has(kAhead) && *d == today))
                return;
            std::string label = f.key == "date" ? fmt::format("{} dated", s.kind) : label_of(f.key);
            if (text_of_due)
                std::visit(
                    [&](auto m) {
                        if constexpr (std::is_same_v<decltype(m), std::string R::*>)
                            if (!(record.*m).empty())
                                label = fmt::format("{} '{}' due", label_of(text_of_due->key),
                                                    record.*m);
                    },
                    text_of_due->member);
            out.push_back({label, *d});
        };
        std::visit(
            [&](auto m) {
                using T = std::remove_cvref_t<decltype(record.*m)>;
                if constexpr (std::is_same_v<T, Date> || std::is_same_v<T, std::optional<Date>>) {
                    say(record.*m);
                } else if constexpr (std::is_same_v<T, std::vector<Commitment>>) {
                    for (const Commitment& c : record.*m)
                        if (c.due)
                            out.push_back(
                                {fmt::format("{} '{}' due", singular(f.key), c.what), *c.due});
                }
            },
            f.member);
    }
    return out;
}

namespace {

// The date a phrase at `node` means (nullopt: empty, or no scalar): a phrase that is no
// date is a DataError at it, a date on the wrong side of today a UsageError that names
// where it is (the person wrote a date; crm only doubts it).
std::optional<Date> read_phrase(const yaml::Node& node, const FieldArg& f, const std::string& file,
                                const Typing& t) {
    if (!node.is_scalar() || trim(node.value).empty())
        return std::nullopt;  // the reader says what is wrong with it
    Date d;
    try {
        FieldArg unguarded = f;
        unguarded.flags &= static_cast<std::uint8_t>(~kGuarded);
        d = typed_date(unguarded, trim(node.value), t);
    } catch (const UsageError& e) {
        throw DataError({file, node.mark.line, node.mark.column}, e.what(), e.hint());
    }
    if (auto why = wrong_side(f, d, t))
        throw UsageError(
            fmt::format("{}: {}", SourceLocation{file, node.mark.line, node.mark.column}.str(),
                        why->first),
            why->second);
    return d;
}

// The ISO text of `d` when the node at which it was read says it otherwise (a phrase).
std::optional<std::string> rewritten(const std::optional<Date>& d, const yaml::Node& node) {
    if (!d || d->iso() == node.value)
        return std::nullopt;
    return d->iso();
}

// The line editor keeps everything else of the person's text; where it cannot (an item
// in flow style) the person writes the date as the file holds it.
std::string set_in_item(const std::string& text, const std::string& file, const std::string& key,
                        std::size_t index, const std::string& name, const std::string& iso,
                        const yaml::Node& at) {
    try {
        return yaml::set_item_key(text, file, key, index, name, yaml::EditValue::raw(iso));
    } catch (const RuntimeError&) {
        throw DataError(
            {file, at.mark.line, at.mark.column},
            fmt::format("{}.{}: '{}' is no date crm can write here", key, name, at.value),
            fmt::format("write it as {}", iso));
    }
}

}  // namespace

template <class R>
std::string with_dates_read(const Schema<R>& s, std::string_view text, const std::string& file,
                            const Typing& typing) {
    Typing t = typing;  // the record's date, once read, is the day its due dates follow
    std::string out(text);
    const yaml::Node root = yaml::parse(text, file);
    if (!root.is_map())
        return out;
    for (const auto& f : s.fields) {
        const yaml::Node* node = root.find(f.key);
        if (!node)
            continue;
        const std::string key(f.key);
        std::visit(
            [&](auto m) {
                using T = std::remove_cvref_t<decltype(std::declval<R&>().*m)>;
                if constexpr (std::is_same_v<T, Date> || std::is_same_v<T, std::optional<Date>>) {
                    const std::optional<Date> d = read_phrase(*node, {f.key, f.flags}, file, t);
                    if (d && is_record_day(f.flags))
                        see_record_day(t, *d, s.kind);
                    if (auto iso = rewritten(d, *node))
                        out = yaml::set_key(out, file, key, yaml::EditValue::raw(*iso));
                } else if constexpr (std::is_same_v<T, std::vector<Commitment>>) {
                    if (!node->is_sequence())
                        return;
                    // Counted as the line editor counts items: empty ones do not count.
                    std::size_t i = 0;
                    for (const yaml::Node& item : node->items) {
                        if (item.is_null())
                            continue;
                        const std::size_t index = i++;
                        if (!item.is_map())
                            continue;
                        const std::string due_name = fmt::format("{}.due", key);
                        const std::string done_name = fmt::format("{}.done", key);
                        for (const auto& [name, flags] :
                             {std::pair{std::string("due"), std::uint8_t{kAhead | kGuarded}},
                              std::pair{std::string("done"), std::uint8_t{0}}}) {
                            const yaml::Node* v = item.find(name);
                            const std::string& shown = name == "due" ? due_name : done_name;
                            if (!v)
                                continue;
                            if (auto iso = rewritten(read_phrase(*v, {shown, flags}, file, t), *v))
                                out = set_in_item(out, file, key, index, name, *iso, *v);
                        }
                    }
                }
            },
            f.member);
    }
    return out;
}

template <class R>
std::string template_hints(const Schema<R>& s, const R& record) {
    static const Settings kDefaults;
    std::string out;
    for (const auto& f : s.fields) {
        if (f.arg.example.empty())
            continue;
        std::visit(
            [&](auto m) {
                using T = std::remove_cvref_t<decltype(record.*m)>;
                if (!is_empty(record.*m))
                    return;
                if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                    format_to(out, "# {}:\n#   - {}\n", f.key, f.arg.example);
                } else if constexpr (std::is_same_v<T, std::vector<Commitment>>) {
                    // A phrase is welcome here: crm writes the date it understood.
                    format_to(out, "# {}:\n#   - what: {}\n#     due: next fri\n", f.key,
                              f.arg.example);
                } else if (f.has(kProse)) {
                    format_to(out, "# {}: |\n#   {}\n", f.key, f.arg.example);
                } else if (f.allowed == Allowed::initiated_by) {
                    const std::vector<std::string> words = allowed_values(f.allowed, kDefaults);
                    format_to(out, "# {}: {}  # {}\n", f.key, f.arg.example,
                              fmt::join(words, " | "));
                } else {
                    format_to(out, "# {}: {}\n", f.key, f.arg.example);
                }
            },
            f.member);
    }
    return out;
}

#define CRM_SCHEMA_ARGS_FOR(R)                                                                   \
    template std::vector<DateLine> dates_of(const Schema<R>&, const R&, Date);                   \
    template std::string with_dates_read(const Schema<R>&, std::string_view, const std::string&, \
                                         const Typing&);                                         \
    template std::string template_hints(const Schema<R>&, const R&)
CRM_SCHEMA_ARGS_FOR(Client);
CRM_SCHEMA_ARGS_FOR(Visit);
CRM_SCHEMA_ARGS_FOR(Review);
CRM_SCHEMA_ARGS_FOR(Opportunity);
#undef CRM_SCHEMA_ARGS_FOR

}  // namespace crm::schema
