#pragma once
// `crm merge KEEP OTHER`: what becomes of KEEP's profile when OTHER joins it, decided
// from the two clients alone (the files are the command's business).
//
// KEEP's name stays. stage, tier, every, owner and each rating are one value per client:
// when both have one and they differ, that is a conflict, which only --prefer settles;
// when only OTHER has one, KEEP takes it. The earlier `since` wins; OTHER's stage comes
// with its `stage_since` (today when it has none, as `crm set stage` does). A custom field only
// OTHER has is taken; one both have with different values is a conflict like the others. Contacts
// are one person when they share a name or an e-mail: OTHER's new people are added, and a field
// KEEP's entry leaves empty is filled from OTHER's. Tags and watchers are united; OTHER's notes are
// appended to KEEP's.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "crm/model/records.hpp"

namespace crm {
inline namespace model {

enum class MergePrefer { none, keep, other };

struct MergeConflict {
    std::string field;  // "stage", "ratings.potential", a custom key
    std::string keep;   // the two values, as a person reads them
    std::string other;
};

struct MergePlan {
    // Fields that differ; with MergePrefer::none and any here, the merge is refused.
    std::vector<MergeConflict> conflicts;
    // Top-level keys of KEEP's file to set to a new text value: stage, tier, owner,
    // custom fields (written as text)...
    std::vector<std::pair<std::string, std::string>> text_fields;
    // ...and to a value crm writes bare: every, since, stage_since.
    std::vector<std::pair<std::string, std::string>> raw_fields;
    // Ratings to set: "potential" -> "4".
    std::vector<std::pair<std::string, std::string>> ratings;
    // OTHER's contacts that are nobody of KEEP's, in OTHER's order.
    std::vector<Contact> new_contacts;
    // An empty field of one of KEEP's contacts (its index) that OTHER's entry fills.
    struct ContactFill {
        std::size_t index;
        std::string field;
        std::string value;
    };
    std::vector<ContactFill> contact_fills;
    // Where both entries of one person hold different values, KEEP's stays; these say so
    // ("Jane Doe: phone").
    std::vector<std::string> contact_differences;
    std::vector<std::string> new_tags;
    std::vector<std::string> new_watchers;
    // KEEP's notes with OTHER's appended, when OTHER has notes KEEP does not hold.
    std::optional<std::string> notes;
};

MergePlan plan_merge(const Client& keep, const Client& other, MergePrefer prefer, Date today);

}  // namespace model
}  // namespace crm
