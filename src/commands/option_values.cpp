#include "crm/commands/option_values.hpp"

#include <algorithm>

#include "crm/model/opportunity.hpp"
#include "crm/schema/records.hpp"

namespace crm::commands {

namespace {

// Won opportunities' titles, latest win first, each once: the projects a review is of.
// Reads the opportunity files only, not the whole folder.
std::vector<std::string> won_titles(Context& ctx) {
    const store::Folder& folder = ctx.folder();
    std::vector<std::pair<Date, std::string>> won;
    for (const auto& slug : folder.client_slugs()) {
        for (const auto& file : folder.record_files(slug, RecordKind::opportunity)) {
            try {
                auto text = folder.read(file);
                if (!text)
                    continue;
                const Opportunity o = schema::read_opportunity(*text, file);
                if (outcome_of(o) == Outcome::won && !o.title.empty())
                    won.emplace_back(o.won.value_or(Date{}), o.title);
            } catch (const DataError&) {
                // crm check names it; completion stays quiet
            }
        }
    }
    std::stable_sort(won.begin(), won.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> out;
    for (auto& [date, title] : won)
        if (std::find(out.begin(), out.end(), title) == out.end())
            out.push_back(std::move(title));
    return out;
}

}  // namespace

std::vector<std::string> option_values(const std::string& command, const std::string& option,
                                       Context& ctx) {
    if (option == "rating")
        return rating_names();
    if (option == "project" && command == "review")
        return won_titles(ctx);
    const Settings& s = ctx.folder().settings();
    if (option == "tier")
        return s.tier_names();
    if (option == "stage" && command.starts_with("opportunity")) {
        std::vector<std::string> open;
        for (const auto& st : s.opportunity_stages)
            open.push_back(st.name);
        return open;
    }
    if (option == "stage")
        return s.stages;
    return {};
}

}  // namespace crm::commands
