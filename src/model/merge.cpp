#include "crm/model/merge.hpp"

#include <algorithm>

#include "crm/model/contact.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm {
inline namespace model {

namespace {

std::string rating_text(const std::optional<int>& r) {
    return r ? std::to_string(*r) : std::string();
}

std::string without_final_newlines(std::string s) {
    while (s.ends_with('\n'))
        s.pop_back();
    return s;
}

// One value of each client: nothing to do when OTHER has none or both agree; KEEP takes
// OTHER's when it has none; a conflict otherwise, settled by `prefer`. True when OTHER's
// value is taken.
bool take_other(const std::string& field, const std::string& keep, const std::string& other,
                MergePrefer prefer, MergePlan& plan) {
    if (other.empty() || keep == other)
        return false;
    if (keep.empty())
        return true;
    plan.conflicts.push_back({field, keep, other});
    return prefer == MergePrefer::other;
}

std::string appended_notes(const std::string& keep, const std::string& other) {
    const std::string k = without_final_newlines(keep), o = without_final_newlines(other);
    if (k.empty())
        return other;
    const bool ended = keep.ends_with('\n') || other.ends_with('\n');
    return fmt::format("{}\n\n{}{}", k, o, ended ? "\n" : "");
}

void plan_contacts(const Client& keep, const Client& other, MergePlan& plan) {
    for (const Contact& oc : other.contacts) {
        auto it = std::find_if(keep.contacts.begin(), keep.contacts.end(),
                               [&](const Contact& kc) { return same_contact(kc, oc); });
        if (it == keep.contacts.end()) {
            const bool listed = std::any_of(plan.new_contacts.begin(), plan.new_contacts.end(),
                                            [&](const Contact& c) { return same_contact(c, oc); });
            if (!listed)
                plan.new_contacts.push_back(oc);
            continue;
        }
        const auto index = static_cast<std::size_t>(it - keep.contacts.begin());
        for (std::string_view field : kContactFields) {
            const std::string& kv = contact_field(*it, field);
            const std::string& ov = contact_field(oc, field);
            if (ov.empty() || fold_case(kv) == fold_case(ov))
                continue;
            if (kv.empty())
                plan.contact_fills.push_back({index, std::string(field), ov});
            else if (field != "uid")  // KEEP's contact stays who it is in every address book
                plan.contact_differences.push_back(fmt::format("{}: {}", it->name, field));
        }
    }
}

}  // namespace

MergePlan plan_merge(const Client& keep, const Client& other, MergePrefer prefer, Date today) {
    MergePlan plan;
    if (take_other("stage", keep.stage, other.stage, prefer, plan)) {
        plan.text_fields.emplace_back("stage", other.stage);
        // As `crm set stage` does: the funnel counts the time in a stage from here.
        plan.raw_fields.emplace_back("stage_since",
                                     (other.stage_since ? *other.stage_since : today).iso());
    }
    if (take_other("tier", keep.tier, other.tier, prefer, plan))
        plan.text_fields.emplace_back("tier", other.tier);
    const std::string keep_every = keep.every ? keep.every->str() : "";
    const std::string other_every = other.every ? other.every->str() : "";
    if (take_other("every", keep_every, other_every, prefer, plan))
        plan.raw_fields.emplace_back("every", other_every);
    if (take_other("owner", keep.owner, other.owner, prefer, plan))
        plan.text_fields.emplace_back("owner", other.owner);
    const std::pair<const char*, std::optional<int> Ratings::*> ratings[] = {
        {"potential", &Ratings::potential},
        {"compatibility", &Ratings::compatibility},
        {"profitability", &Ratings::profitability}};
    for (const auto& [name, member] : ratings) {
        const std::string o = rating_text(other.ratings.*member);
        if (take_other(std::string("ratings.") + name, rating_text(keep.ratings.*member), o, prefer,
                       plan))
            plan.ratings.emplace_back(name, o);
    }
    if (other.since && (!keep.since || *other.since < *keep.since))
        plan.raw_fields.emplace_back("since", other.since->iso());
    for (const auto& field : other.custom) {
        auto it = std::find_if(keep.custom.begin(), keep.custom.end(),
                               [&](const auto& kv) { return kv.first == field.first; });
        if (take_other(field.first, it == keep.custom.end() ? "" : it->second, field.second, prefer,
                       plan))
            plan.text_fields.push_back(field);
    }

    plan_contacts(keep, other, plan);
    for (const auto& t : other.tags) {
        const bool have =
            std::find(keep.tags.begin(), keep.tags.end(), t) != keep.tags.end() ||
            std::find(plan.new_tags.begin(), plan.new_tags.end(), t) != plan.new_tags.end();
        if (!have)
            plan.new_tags.push_back(t);
    }
    for (const auto& w : other.watchers) {
        auto same = [&](const std::string& x) { return same_person(x, w); };
        if (std::none_of(keep.watchers.begin(), keep.watchers.end(), same) &&
            std::none_of(plan.new_watchers.begin(), plan.new_watchers.end(), same))
            plan.new_watchers.push_back(w);
    }
    const std::string o = trim(other.notes);
    if (!o.empty() && keep.notes.find(o) == std::string::npos)
        plan.notes = appended_notes(keep.notes, other.notes);
    return plan;
}

}  // namespace model
}  // namespace crm
