#include "crm/store/period_changes.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "crm/git/period.hpp"
#include "crm/model/layout.hpp"
#include "crm/model/opportunity.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/error.hpp"

namespace crm::store {

namespace {

// The versions of the files to read, asked of git in one go and parsed once each.
class Versions {
  public:
    explicit Versions(const git::Git& git) : git_(git) {}

    // Asks for `path` as `commit` holds it; returns its number for get().
    std::size_t ask(const std::string& commit, const std::string& path) {
        const auto [it, added] = index_.try_emplace({commit, path}, asked_.size());
        if (added)
            asked_.emplace_back(commit, path);
        return it->second;
    }
    void read() { texts_ = git::read_files_at(git_, asked_); }
    template <class Record, class Parse>
    std::optional<Record> get(std::size_t i, Parse parse) const {
        if (i >= texts_.size() || !texts_[i])
            return std::nullopt;
        try {
            return parse(*texts_[i], asked_[i].second);
        } catch (const Error&) {
            return std::nullopt;  // an unreadable version counts as absent
        }
    }
    std::optional<Client> client(std::size_t i) const {
        return get<Client>(i, [](std::string_view text, const std::string& file) {
            return schema::read_client(text, file);
        });
    }
    std::optional<Opportunity> opportunity(std::size_t i) const {
        return get<Opportunity>(i, [](std::string_view text, const std::string& file) {
            return schema::read_opportunity(text, file);
        });
    }

  private:
    const git::Git& git_;
    std::vector<std::pair<std::string, std::string>> asked_;
    std::map<std::pair<std::string, std::string>, std::size_t> index_;
    std::vector<std::optional<std::string>> texts_;
};

// One file a commit changed that may be news, with the versions to compare.
struct Candidate {
    const git::PeriodCommit* commit = nullptr;
    RecordPath::Kind kind = RecordPath::Kind::client;
    std::string slug;
    bool added = false;                 // the commit created the file (not a rename)
    std::optional<std::size_t> before;  // the parent's version
    std::size_t after = 0;
    std::size_t client_after = 0;  // the client's file at the commit, for its name
};

FolderChange change_of(const Candidate& c, ChangeKind kind) {
    FolderChange f;
    f.kind = kind;
    f.date = c.commit->date;
    f.author = c.commit->author;
    f.slug = c.slug;
    f.client = c.slug;
    return f;
}

// Whether an opportunity became `outcome` at this commit, and not long before the period.
bool became(Outcome outcome, const std::optional<Opportunity>& before, const Opportunity& after,
            Date since) {
    if (outcome_of(after) != outcome || (before && outcome_of(*before) == outcome))
        return false;
    const auto& day = outcome == Outcome::won ? after.won : after.lost;
    return !day || *day >= since;
}

}  // namespace

FolderChanges period_changes(const git::Git& git, Date since, Date until) {
    FolderChanges out;
    out.known = true;
    const auto commits = git::commits_in_period(
        git, since, until,
        {":(glob)clients/*/client.yaml", ":(glob)clients/*/opportunities/*.yaml"});
    Versions versions(git);
    std::vector<Candidate> candidates;
    for (const auto& commit : commits) {
        for (const auto& file : commit.files) {
            const auto where = parse_record_path(file.path);
            if (file.status == 'D' || !where ||
                (where->kind != RecordPath::Kind::client &&
                 where->kind != RecordPath::Kind::opportunity))
                continue;
            Candidate c;
            c.commit = &commit;
            c.kind = where->kind;
            c.slug = where->slug;
            c.added = file.status == 'A';
            if (!c.added && !commit.parent.empty())
                c.before =
                    versions.ask(commit.parent, file.old_path.empty() ? file.path : file.old_path);
            c.after = versions.ask(commit.commit, file.path);
            c.client_after = versions.ask(commit.commit, client_file_path(where->slug));
            candidates.push_back(std::move(c));
        }
    }
    if (candidates.empty())
        return out;
    versions.read();

    for (const Candidate& c : candidates) {
        const auto client = versions.client(c.client_after);
        const std::string name = client && !client->name.empty() ? client->name : c.slug;
        if (c.kind == RecordPath::Kind::client) {
            if (!client)
                continue;
            const auto before = c.before ? versions.client(*c.before) : std::nullopt;
            if (c.added) {
                FolderChange f = change_of(c, ChangeKind::new_client);
                f.to = client->stage;
                f.client = name;
                out.items.push_back(std::move(f));
            } else if (before && before->stage != client->stage) {
                FolderChange f = change_of(c, ChangeKind::stage_move);
                f.from = before->stage;
                f.to = client->stage;
                f.client = name;
                out.items.push_back(std::move(f));
            }
            continue;
        }
        const auto after = versions.opportunity(c.after);
        if (!after)
            continue;
        const auto before = c.before ? versions.opportunity(*c.before) : std::nullopt;
        for (Outcome outcome : {Outcome::won, Outcome::lost}) {
            if (!became(outcome, before, *after, since))
                continue;
            FolderChange f =
                change_of(c, outcome == Outcome::won ? ChangeKind::won : ChangeKind::lost);
            f.client = name;
            f.title = after->title;
            if (after->value)
                f.value = after->value->amount;
            f.reason = after->lost_reason;
            out.items.push_back(std::move(f));
        }
    }
    std::stable_sort(
        out.items.begin(), out.items.end(), [](const FolderChange& a, const FolderChange& b) {
            return std::tie(a.date, a.kind, a.client) < std::tie(b.date, b.kind, b.client);
        });
    return out;
}

}  // namespace crm::store
