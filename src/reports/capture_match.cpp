#include "crm/reports/capture_match.hpp"

#include <algorithm>

#include "crm/model/mail_address.hpp"
#include "crm/util/text.hpp"

namespace crm {
inline namespace reports {

namespace {

void add_unique(std::vector<std::size_t>& to, std::size_t i) {
    if (std::find(to.begin(), to.end(), i) == to.end())
        to.push_back(i);
}

bool contains(const std::vector<std::string>& list, std::string_view s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

// Whether `domain` is `entry` or one of its subdomains (mail.newsletter.example is
// newsletter.example's).
bool in_domain(std::string_view domain, std::string_view entry) {
    return domain == entry || (domain.size() > entry.size() && domain.ends_with(entry) &&
                               domain[domain.size() - entry.size() - 1] == '.');
}

}  // namespace

std::string capture_address_key(std::string_view address) {
    std::string s = trim(address);
    if (s.size() >= 2 && s.front() == '<' && s.back() == '>')
        s = trim(std::string_view(s).substr(1, s.size() - 2));
    return ascii_lower(s);
}

// Each distinct address once (the first name given for it wins): everyone's keys, and the
// people who are not the team.
struct CaptureMatcher::Seen {
    struct Person {
        std::string key;
        std::string name;
        std::string_view domain;  // into key
    };
    std::vector<Person> people;     // not the team
    std::vector<std::string> keys;  // everyone, the team too
};

CaptureMatcher::CaptureMatcher(const std::vector<Client>& clients,
                               const std::vector<TeamMember>& team, const CaptureSettings& capture)
    : clients_(clients), team_(team), capture_(capture) {
    for (const auto& m : team) {
        team_addresses_.push_back(capture_address_key(m.email));
        const std::string domain(address_domain(team_addresses_.back()));
        if (!domain.empty() && !contains(team_domains_, domain))
            team_domains_.push_back(domain);
    }
    for (std::size_t i = 0; i < clients.size(); ++i) {
        for (const auto& contact : clients[i].contacts) {
            const std::string key = capture_address_key(contact.email);
            const std::string_view domain = address_domain(key);
            if (key.empty() || domain.empty())
                continue;
            add_unique(by_address_[key], i);
            add_unique(by_domain_[std::string(domain)], i);
        }
    }
}

bool CaptureMatcher::domain_says_nothing(std::string_view domain) const {
    auto listed = [&](const std::vector<std::string>& domains) {
        return std::any_of(domains.begin(), domains.end(), [&](const std::string& d) {
            return in_domain(domain, capture_address_key(d));
        });
    };
    return domain.empty() || listed(capture_.public_domains) || listed(team_domains_);
}

CaptureMatcher::Seen CaptureMatcher::sort_out(const std::vector<CaptureParticipant>& people,
                                              CaptureMatch& m) const {
    Seen seen;
    for (const auto& p : people) {
        std::string key = capture_address_key(p.address);
        if (key.empty() || contains(seen.keys, key))
            continue;
        seen.keys.push_back(key);
        if (!p.sender)
            ++m.recipients;
        auto member = std::find(team_addresses_.begin(), team_addresses_.end(), key);
        if (member != team_addresses_.end()) {
            const TeamMember& t = team_[static_cast<std::size_t>(member - team_addresses_.begin())];
            if (p.sender) {
                m.outgoing = true;
                m.by = t.name;
            } else if (m.by.empty()) {
                m.by = t.name;
            }
            continue;
        }
        Seen::Person person{std::move(key), trim(p.name), {}};
        seen.people.push_back(std::move(person));
    }
    // The views into each key once the vector no longer moves.
    for (auto& person : seen.people)
        person.domain = address_domain(person.key);
    return seen;
}

bool CaptureMatcher::skipped(const Seen& seen, CaptureMatch& m) const {
    for (const auto& entry : capture_.never) {
        const std::string never = capture_address_key(entry);
        if (never.empty())
            continue;
        const bool address = never.find('@') != std::string::npos;
        const bool found =
            std::any_of(seen.keys.begin(), seen.keys.end(), [&](const std::string& key) {
                return address ? key == never : in_domain(address_domain(key), never);
            });
        if (found) {
            m.outcome = CaptureOutcome::skipped;
            m.skip = CaptureSkip::never;
            m.never = entry;
            return true;
        }
    }
    if (m.recipients > static_cast<std::size_t>(std::max(capture_.max_recipients, 0))) {
        m.outcome = CaptureOutcome::skipped;
        m.skip = CaptureSkip::too_many;
        return true;
    }
    return false;
}

std::vector<std::string> CaptureMatcher::with_of(const Seen& seen, std::size_t client,
                                                 bool by_domain) const {
    std::vector<std::string> with;
    auto add = [&](const std::string& name) {
        if (!name.empty() && !contains(with, name))
            with.push_back(name);
    };
    const Client& c = clients_[client];
    for (const auto& person : seen.people) {
        const auto contact = std::find_if(
            c.contacts.begin(), c.contacts.end(),
            [&](const Contact& k) { return capture_address_key(k.email) == person.key; });
        if (contact != c.contacts.end()) {
            add(contact->name.empty() ? contact->email : contact->name);
            continue;
        }
        if (!by_domain || domain_says_nothing(person.domain))
            continue;
        const auto domain = by_domain_.find(std::string(person.domain));
        if (domain != by_domain_.end() &&
            std::find(domain->second.begin(), domain->second.end(), client) != domain->second.end())
            add(person.name.empty() ? person.key : person.name);
    }
    return with;
}

CaptureMatch CaptureMatcher::match(const std::vector<CaptureParticipant>& people) const {
    CaptureMatch m;
    const Seen seen = sort_out(people, m);
    if (skipped(seen, m))
        return m;
    std::vector<std::size_t> found;
    for (const auto& person : seen.people)
        if (auto hit = by_address_.find(person.key); hit != by_address_.end())
            for (std::size_t i : hit->second)
                add_unique(found, i);
    if (found.empty()) {
        m.by_domain = true;
        for (const auto& person : seen.people) {
            if (domain_says_nothing(person.domain))
                continue;
            if (auto hit = by_domain_.find(std::string(person.domain)); hit != by_domain_.end())
                for (std::size_t i : hit->second)
                    add_unique(found, i);
        }
    }
    std::sort(found.begin(), found.end());
    if (found.empty()) {
        m.by_domain = false;
        m.outcome = CaptureOutcome::none;
    } else if (found.size() > 1) {
        m.outcome = CaptureOutcome::several;
        m.candidates = std::move(found);
    } else {
        m.outcome = CaptureOutcome::matched;
        m.client = found.front();
        m.with = with_of(seen, m.client, m.by_domain);
    }
    return m;
}

CaptureMatch CaptureMatcher::match_client(const std::vector<CaptureParticipant>& people,
                                          std::size_t client) const {
    CaptureMatch m;
    const Seen seen = sort_out(people, m);
    if (skipped(seen, m))
        return m;
    m.outcome = CaptureOutcome::matched;
    m.client = client;
    m.with = with_of(seen, client, true);
    return m;
}

}  // namespace reports
}  // namespace crm
