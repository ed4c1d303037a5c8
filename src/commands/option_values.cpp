#include "crm/commands/option_values.hpp"

#include <algorithm>

#include "crm/commands/common.hpp"
#include "crm/model/opportunity.hpp"
#include "crm/reports/due.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/format.hpp"

namespace crm::commands {

std::vector<Candidate> client_candidates(Context& ctx) {
    std::vector<DataError> problems;
    std::vector<Client> clients = ctx.folder().load_clients(problems);
    std::vector<Candidate> out;
    for (const auto& slug : ctx.folder().client_slugs()) {
        auto it = std::find_if(clients.begin(), clients.end(),
                               [&](const Client& c) { return c.slug == slug; });
        out.push_back({slug, it == clients.end() ? std::string() : it->name, false});
        if (it != clients.end() && it->name != slug)
            out.push_back({it->name, slug, true});
    }
    return out;
}

std::vector<std::string> contact_names(Context& ctx, const std::string& client) {
    std::vector<std::string> out;
    for (const auto& c : ctx.folder().load_client(resolve_client(ctx, client)).contacts)
        if (!c.name.empty())
            out.push_back(c.name);
    return out;
}

std::vector<std::string> tag_names(Context& ctx) {
    std::vector<DataError> problems;
    std::vector<std::string> out;
    for (const auto& c : ctx.folder().load_clients(problems))
        out.insert(out.end(), c.tags.begin(), c.tags.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

namespace {

// Each opportunity of a client whose file reads; one that does not is crm check's to
// name, and completion stays quiet about it.
template <typename Each>
void for_each_opportunity(const store::Folder& folder, const std::string& slug, Each&& each) {
    for (const auto& file : folder.record_files(slug, RecordKind::opportunity)) {
        try {
            if (const auto text = folder.read(file))
                each(schema::read_opportunity(*text, file));
        } catch (const DataError&) {
        }
    }
}

}  // namespace

std::vector<Candidate> opportunity_titles(Context& ctx, const std::string& client) {
    const store::Folder& folder = ctx.folder();
    const std::string slug = resolve_client(ctx, client);
    std::vector<Candidate> open, ended;
    for_each_opportunity(folder, slug, [&](const Opportunity& o) {
        if (!o.title.empty())
            (is_open(o) ? open : ended).push_back({o.title, stage_of(o, folder.settings()), false});
    });
    open.insert(open.end(), ended.begin(), ended.end());
    return open;
}

std::vector<Candidate> open_items(Context& ctx, const std::string& client) {
    std::vector<DataError> problems;
    const std::string slug = resolve_client(ctx, client);
    const ClientRecord record = ctx.folder().load_record(slug, problems, store::Unreadable::keep);
    std::vector<Candidate> out;
    int n = 0;
    for (const CommitmentRef& ref : open_commitments(record)) {
        const Commitment& c = *ref.item;
        out.push_back({std::to_string(++n),
                       c.due ? fmt::format("{} (due {})", c.what, *c.due) : c.what, false});
    }
    return out;
}

std::vector<std::string> won_projects(Context& ctx, const std::string& client) {
    const store::Folder& folder = ctx.folder();
    std::vector<std::string> slugs = client.empty()
                                         ? folder.client_slugs()
                                         : std::vector<std::string>{resolve_client(ctx, client)};
    std::vector<std::pair<Date, std::string>> won;
    for (const auto& slug : slugs) {
        for_each_opportunity(folder, slug, [&](const Opportunity& o) {
            if (outcome_of(o) == Outcome::won && !o.title.empty())
                won.emplace_back(o.won.value_or(Date{}), o.title);
        });
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
