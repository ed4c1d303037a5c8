#pragma once
// Which client a captured message or calendar event belongs to (spec section 3,
// "Capture"): one rule for `crm log-email` and `crm import FILE.ics`, so that a person
// is matched the same way in both.
//
//   skipped   someone on it is in capture.never (an address, or a domain and its
//             subdomains), or it has more than capture.max_recipients people besides
//             the sender or organizer: a mailing, not a conversation;
//   matched   the one client that has a contact with one of its addresses (any case),
//             else the one client whose contacts share the domain of one of them;
//   several   two clients or more at the first of those steps that found any: the
//             candidates, for a person to choose (the inbox);
//   none      no client at all.
//
// The team's own addresses are never a client's, and a domain says nothing about the
// client when it is a public one (capture.public_domains: gmail.com...) or the team's
// own. Besides the client: the teammate on it (`by`: the sender when a teammate sent
// it, else the first teammate among the others) and whether a teammate sent it
// (direction out). Pure: the folder's clients and settings in, an answer out.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crm/model/records.hpp"
#include "crm/model/settings.hpp"

namespace crm {
inline namespace reports {

// Someone on a message (From, To, Cc) or an event (organizer, attendees).
struct CaptureParticipant {
    std::string name;     // the display name; may be empty
    std::string address;  // as the message or event gave it
    bool sender = false;  // From, or the organizer
};

enum class CaptureOutcome { matched, several, none, skipped };

enum class CaptureSkip {
    none,
    never,     // someone is in capture.never
    too_many,  // more than capture.max_recipients people
};

struct CaptureMatch {
    CaptureOutcome outcome = CaptureOutcome::none;
    CaptureSkip skip = CaptureSkip::none;
    std::string never;           // never: the entry of capture.never that matched
    std::size_t recipients = 0;  // distinct people other than the sender or organizer
    std::size_t client = 0;      // matched: an index into the clients
    bool by_domain = false;      // matched or several: by a shared domain, no contact's address
    std::vector<std::size_t> candidates;  // several: the clients, in their order
    // matched: the people of the client on it, as `with:` lists them: its contacts by their
    // names in client.yaml, and (matched by domain) the others of that domain by their
    // display names, else their addresses.
    std::vector<std::string> with;
    std::string by;         // the teammate on it, as team: names them; empty: none
    bool outgoing = false;  // the sender or organizer is a teammate
};

// An address as capture compares it: without surrounding blanks or angle brackets, in
// lower case (no mail system in use tells two addresses apart by case alone).
std::string capture_address_key(std::string_view address);

class CaptureMatcher {
  public:
    // Indexes the clients' contacts. `clients`, `team` and `capture` must outlive the
    // matcher; each match then costs what its participants do, however large the folder.
    CaptureMatcher(const std::vector<Client>& clients, const std::vector<TeamMember>& team,
                   const CaptureSettings& capture);

    CaptureMatch match(const std::vector<CaptureParticipant>& people) const;

    // The same with the client chosen by a person (--client, `crm inbox file`): the
    // skips still apply, and `with` is that client's people on it.
    CaptureMatch match_client(const std::vector<CaptureParticipant>& people,
                              std::size_t client) const;

  private:
    struct Seen;  // the participants, sorted out
    Seen sort_out(const std::vector<CaptureParticipant>& people, CaptureMatch& m) const;
    bool skipped(const Seen& seen, CaptureMatch& m) const;
    std::vector<std::string> with_of(const Seen& seen, std::size_t client, bool by_domain) const;
    bool domain_says_nothing(std::string_view domain) const;

    const std::vector<Client>& clients_;
    const std::vector<TeamMember>& team_;
    const CaptureSettings& capture_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_address_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_domain_;
    std::vector<std::string> team_addresses_;
    std::vector<std::string> team_domains_;
};

}  // namespace reports
}  // namespace crm
