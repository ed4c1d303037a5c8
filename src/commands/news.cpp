#include <map>

#include "crm/commands/common.hpp"
#include "crm/commands/news.hpp"
#include "crm/git/sync.hpp"
#include "crm/render/news.hpp"
#include "crm/reports/news.hpp"
#include "crm/store/local_state.hpp"
#include "crm/util/format.hpp"

namespace crm::commands {

namespace {

// The state file in .crm/ that remembers when the user last read the news.
constexpr const char* kNewsState = "news";
// How far back the very first `crm news` looks.
constexpr int kFirstLookDays = 30;

}  // namespace

int news(const NewsOptions& o, Context& ctx) {
    const Date today = ctx.today();
    const std::string user = ctx.user();
    auto& folder = ctx.folder();
    std::vector<DataError> problems;
    std::vector<ClientRecord> watched;
    for (const auto& c : folder.load_clients(problems)) {
        if (!is_watcher(c, user))
            continue;
        try {
            watched.push_back(folder.load_record(c.slug, problems));
        } catch (const DataError& e) {
            problems.push_back(e);
        }
    }
    if (watched.empty()) {
        ctx.note(
            "you watch no clients yet: crm watch CLIENT to hear of their new visits and "
            "reviews");
        return ctx.warn_problems(problems);
    }

    NewsQuery q{user, true, false};
    std::vector<NewsGroup> groups;
    std::string since_text;
    const auto& git = ctx.git();
    const std::string head = git ? git::resolve_commit(*git, "HEAD") : std::string{};
    auto state = store::read_local_state(folder.root(), kNewsState);
    if (o.since.given()) {
        Date since = read_date(ctx, o.since);
        groups = news_since(watched, since, q);
        since_text = fmt::format("since {}", since);
    } else {
        // Last looked: what was committed since then, which also catches a visit a
        // teammate logged late with an earlier date. Without git, by record date.
        const std::string seen = git ? git::resolve_commit(*git, state["commit"]) : "";
        auto seen_date = Date::parse_iso(state["date"]);
        if (!seen.empty() && !head.empty()) {
            groups = news_from_added(git::added_files(*git, seen, head), watched, q);
            since_text = fmt::format("since you last looked{}",
                                     seen_date ? " (" + seen_date->iso() + ")" : "");
        } else {
            Date since = seen_date.value_or(today.plus_days(-kFirstLookDays));
            groups = news_since(watched, since, q);
            since_text = fmt::format("since {}", since);
        }
        std::map<std::string, std::string> now{{"date", today.iso()}};
        if (!head.empty())
            now["commit"] = head;
        store::write_local_state(folder.root(), kNewsState, now);
    }

    if (groups.empty()) {
        ctx.note(fmt::format("nothing new on the {} client{} you watch {}", watched.size(),
                             watched.size() == 1 ? "" : "s", since_text));
    } else {
        ctx.out() << render::render_news(groups, render::Styler(ctx.color()), ctx.terminal_width());
    }
    return ctx.warn_problems(problems);
}

}  // namespace crm::commands
