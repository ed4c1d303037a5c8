#include "crm/model/records.hpp"

#include <algorithm>

namespace crm {
inline namespace model {

const std::vector<std::string>& rating_names() {
    static const std::vector<std::string> kNames{"angry", "unhappy", "neutral", "happy", "elated"};
    return kNames;
}

std::optional<Rating> parse_rating(std::string_view text) {
    const auto& names = rating_names();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == text)
            return static_cast<Rating>(i);
    return std::nullopt;
}

std::string_view rating_name(Rating r) {
    return rating_names()[static_cast<std::size_t>(r)];
}

bool needs_follow_up(Rating r) {
    return r == Rating::angry || r == Rating::unhappy;
}

const std::vector<std::string>& visit_kinds() {
    static const std::vector<std::string> kKinds{"visit", "call",  "meeting", "email",
                                                 "lunch", "event", "other"};
    return kKinds;
}

bool is_visit_kind(std::string_view kind) {
    const auto& k = visit_kinds();
    return std::find(k.begin(), k.end(), kind) != k.end();
}

namespace {

template <class Record>
void sort_by_date(std::vector<Record>& records) {
    auto before = [](const Record& a, const Record& b) {
        return a.date != b.date ? a.date < b.date : a.file < b.file;
    };
    // File names start with the date, so records usually arrive in order already.
    if (!std::is_sorted(records.begin(), records.end(), before))
        std::stable_sort(records.begin(), records.end(), before);
}

}  // namespace

void sort_by_date(ClientRecord& rec) {
    sort_by_date(rec.visits);
    sort_by_date(rec.reviews);
    // An opportunity has no date key: its file name starts with the day it was logged.
    auto by_file = [](const Opportunity& a, const Opportunity& b) { return a.file < b.file; };
    if (!std::is_sorted(rec.opportunities.begin(), rec.opportunities.end(), by_file))
        std::sort(rec.opportunities.begin(), rec.opportunities.end(), by_file);
}

}  // namespace model
}  // namespace crm
