#pragma once
// What teammates added: new clients, visits and reviews, grouped by client with the
// clients the user watches first. Pure: the store says which files arrived (and which
// commit author added each), the records say what they hold.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/model/date.hpp"
#include "crm/model/layout.hpp"
#include "crm/model/records.hpp"
#include "crm/util/text.hpp"

namespace crm {
inline namespace reports {

// Same person: names compared without case and surrounding blanks.
bool is_watcher(const Client& client, std::string_view user);

struct NewsItem {
    std::string file;
    Date date;
    std::string by;
    std::string what;     // visit kind, or "review"
    std::string summary;  // first line of the notes, the project and rating...
};

struct NewsGroup {
    std::string slug;
    std::string name;
    bool watched = false;
    bool new_client = false;
    std::string added_by;         // for a new client
    std::vector<NewsItem> items;  // oldest first
};

struct NewsQuery {
    std::string user;
    bool watched_only = false;    // `crm news`: only clients the user watches
    bool include_clients = true;  // `crm sync` announces new clients too
};

// News from the files that arrived. `records` holds every client any added file belongs
// to (others are ignored). Records by `user` are not news. Watched clients first, then
// by name.
std::vector<NewsGroup> news_from_added(const std::vector<AddedFile>& added,
                                       const std::vector<ClientRecord>& records,
                                       const NewsQuery& query);

// News by date: visits and reviews dated on or after `since`.
std::vector<NewsGroup> news_since(const std::vector<ClientRecord>& records, Date since,
                                  const NewsQuery& query);

std::size_t count_items(const std::vector<NewsGroup>& groups);

// A record in one line, as the news shows it: a captured message's subject, a visit's
// first line of notes (else what was discussed, else where); a review's rating and
// project.
std::string record_summary(const Visit& v);
// A visit's kind as the news and alerts show it: a captured message's with its direction
// ("email in", "email out").
std::string record_kind(const Visit& v);
std::string record_summary(const Review& r);

}  // namespace reports
}  // namespace crm
