#include "crm/reports/news.hpp"

#include <algorithm>
#include <map>

#include "crm/model/slug.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm {
inline namespace reports {

namespace {

std::string first_line(std::string_view text) {
    std::string t = trim(text);
    return t.substr(0, t.find('\n'));
}

NewsItem item_of(const Visit& v) {
    return {v.file, v.date, v.by, record_kind(v), record_summary(v)};
}

NewsItem item_of(const Review& r) {
    return {r.file, r.date, r.by, "review", record_summary(r)};
}

bool by_other(std::string_view by, const NewsQuery& q) {
    return !same_person(by, q.user);
}

NewsGroup group_of(const ClientRecord& rec, const NewsQuery& q) {
    NewsGroup g;
    g.slug = rec.client.slug;
    g.name = rec.client.name.empty() ? rec.client.slug : rec.client.name;
    g.watched = is_watcher(rec.client, q.user);
    return g;
}

std::vector<NewsGroup> finish(std::vector<NewsGroup> groups) {
    std::erase_if(groups, [](const NewsGroup& g) { return g.items.empty() && !g.new_client; });
    for (auto& g : groups) {
        std::stable_sort(g.items.begin(), g.items.end(), [](const NewsItem& a, const NewsItem& b) {
            return a.date != b.date ? a.date < b.date : a.file < b.file;
        });
    }
    std::stable_sort(groups.begin(), groups.end(), [](const NewsGroup& a, const NewsGroup& b) {
        if (a.watched != b.watched)
            return a.watched;
        return fold_case(a.name) != fold_case(b.name) ? fold_case(a.name) < fold_case(b.name)
                                                      : a.slug < b.slug;
    });
    return groups;
}

}  // namespace

bool is_watcher(const Client& client, std::string_view user) {
    return std::any_of(client.watchers.begin(), client.watchers.end(),
                       [&](const std::string& w) { return same_person(w, user); });
}

std::vector<NewsGroup> news_from_added(const std::vector<AddedFile>& added,
                                       const std::vector<ClientRecord>& records,
                                       const NewsQuery& q) {
    std::map<std::string, const ClientRecord*> by_slug;
    for (const auto& r : records)
        by_slug[r.client.slug] = &r;
    std::map<std::string, NewsGroup> groups;
    auto group = [&](const ClientRecord& rec) -> NewsGroup& {
        auto it = groups.find(rec.client.slug);
        if (it == groups.end())
            it = groups.emplace(rec.client.slug, group_of(rec, q)).first;
        return it->second;
    };
    for (const auto& f : added) {
        auto rp = parse_record_path(f.path);
        if (!rp)
            continue;
        auto found = by_slug.find(rp->slug);
        if (found == by_slug.end())
            continue;
        const ClientRecord& rec = *found->second;
        if (q.watched_only && !is_watcher(rec.client, q.user))
            continue;
        switch (rp->kind) {
            case RecordPath::Kind::client:
                if (q.include_clients && by_other(f.author, q)) {
                    NewsGroup& g = group(rec);
                    g.new_client = true;
                    g.added_by = f.author;
                }
                break;
            case RecordPath::Kind::visit:
                for (const auto& v : rec.visits)
                    if (v.file == f.path && by_other(v.by, q))
                        group(rec).items.push_back(item_of(v));
                break;
            case RecordPath::Kind::review:
                for (const auto& r : rec.reviews)
                    if (r.file == f.path && by_other(r.by, q))
                        group(rec).items.push_back(item_of(r));
                break;
            case RecordPath::Kind::opportunity:
                break;  // the news are visits and reviews (spec: crm news)
        }
    }
    std::vector<NewsGroup> out;
    for (auto& [slug, g] : groups)
        out.push_back(std::move(g));
    return finish(std::move(out));
}

std::vector<NewsGroup> news_since(const std::vector<ClientRecord>& records, Date since,
                                  const NewsQuery& q) {
    std::vector<NewsGroup> out;
    for (const auto& rec : records) {
        if (q.watched_only && !is_watcher(rec.client, q.user))
            continue;
        NewsGroup g = group_of(rec, q);
        for (const auto& v : rec.visits)
            if (v.date >= since && by_other(v.by, q))
                g.items.push_back(item_of(v));
        for (const auto& r : rec.reviews)
            if (r.date >= since && by_other(r.by, q))
                g.items.push_back(item_of(r));
        out.push_back(std::move(g));
    }
    return finish(std::move(out));
}

std::string record_kind(const Visit& v) {
    return v.direction.empty() ? v.kind : fmt::format("{} {}", v.kind, v.direction);
}

std::string record_summary(const Visit& v) {
    // A message by its subject, as a mail program lists it.
    std::string summary = first_line(v.subject);
    if (summary.empty())
        summary = first_line(v.notes);
    if (summary.empty() && !v.discussed.empty())
        summary = first_line(v.discussed.front());
    if (summary.empty())
        summary = first_line(v.where);
    return summary;
}

std::string record_summary(const Review& r) {
    std::string summary = std::string(rating_name(r.rating));
    if (!r.project.empty())
        summary += fmt::format(": {}", first_line(r.project));
    return summary;
}

std::size_t count_items(const std::vector<NewsGroup>& groups) {
    std::size_t n = 0;
    for (const auto& g : groups)
        n += g.items.size() + (g.new_client ? 1 : 0);
    return n;
}

}  // namespace reports
}  // namespace crm
