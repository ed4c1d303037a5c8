#include "crm/commands/option_values.hpp"

#include <algorithm>

#include "crm/commands/common.hpp"
#include "crm/model/opportunity.hpp"
#include "crm/schema/records.hpp"

namespace crm::commands {

std::vector<std::string> won_projects(Context& ctx, const std::string& client) {
    const store::Folder& folder = ctx.folder();
    std::vector<std::string> slugs = client.empty()
                                         ? folder.client_slugs()
                                         : std::vector<std::string>{resolve_client(ctx, client)};
    std::vector<std::pair<Date, std::string>> won;
    for (const auto& slug : slugs) {
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

}  // namespace crm::commands
