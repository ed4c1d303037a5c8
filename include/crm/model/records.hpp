#pragma once
// The records of a data folder, as plain values. The store turns files into these and
// back; commands and reports only ever see these.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crm/model/date.hpp"

namespace crm {
inline namespace model {

// Keys a user added by hand that crm does not know. Kept in file order, each value as
// the text a person would read (lists joined with ", "); `show` prints them and
// `list --where` filters on them.
using CustomFields = std::vector<std::pair<std::string, std::string>>;

// How often to get in touch: a duration, or `never` (not tracked).
struct Cadence {
    std::optional<Duration> every;  // nullopt means never
    static Cadence never() { return Cadence{}; }
    bool is_never() const { return !every.has_value(); }
    std::string str() const { return every ? every->str() : "never"; }
};

struct Contact {
    std::string name;
    std::string role;
    std::string email;
    std::string phone;
    std::string notes;
    std::string uid;  // written by crm when it creates the contact; its vCard's UID
};

struct Ratings {
    std::optional<int> potential;
    std::optional<int> compatibility;
    std::optional<int> profitability;
    bool any() const { return potential || compatibility || profitability; }
    bool complete() const { return potential && compatibility && profitability; }
    int score() const {
        return potential.value_or(0) + compatibility.value_or(0) + profitability.value_or(0);
    }
};

struct Client {
    std::string slug;
    std::string file;  // relative to the folder, e.g. clients/acme/client.yaml
    std::string name;
    std::string stage;
    std::string tier;
    std::optional<Cadence> every;  // the client's own cadence, overriding its tier's
    std::string owner;
    std::optional<Date> since;
    std::optional<Date> stage_since;
    Ratings ratings;
    std::vector<Contact> contacts;
    std::vector<std::string> tags;
    std::vector<std::string> watchers;
    std::string notes;
    CustomFields custom;
    // Its client.yaml could not be read: only the slug (also its name) and the file are
    // known, and its records are what could be read of them.
    bool unreadable = false;
};

// A promise to the client or an internal action, from a visit's lists.
struct Commitment {
    std::string what;
    std::optional<Date> due;
    std::optional<Date> done;
    bool open() const { return !done.has_value(); }
};

// A file that came with a captured message: its name as the message gave it, its size
// in bytes once decoded, and where crm kept it, if it did.
struct Attachment {
    std::string name;
    std::uint64_t size = 0;
    std::string file;  // where it was kept (--keep-attachments), relative to the folder
    bool operator==(const Attachment&) const = default;
};

struct Visit {
    std::string file;
    Date date;
    std::string by;
    std::string kind = "visit";
    std::string where;
    std::string initiated_by;
    std::vector<std::string> with;
    std::vector<std::string> discussed;
    std::vector<std::string> new_topics;
    std::vector<Commitment> promises;
    std::vector<Commitment> actions;
    std::optional<Date> next_contact;
    std::string notes;
    // A message captured by `crm log-email`.
    std::string subject;
    std::string direction;    // "in" (from the client) or "out" (from a teammate)
    std::string message_id;   // without angle brackets: never logged twice
    std::string in_reply_to;  // the Message-ID it answers
    std::vector<Attachment> attachments;
    // A meeting taken from a calendar (`crm import FILE.ics`).
    std::string event;   // the event's UID, with its RECURRENCE-ID for one occurrence
    std::string report;  // "pending" until someone writes the meeting up
    CustomFields custom;
};

enum class Rating { angry, unhappy, neutral, happy, elated };

std::optional<Rating> parse_rating(std::string_view text);
std::string_view rating_name(Rating r);
const std::vector<std::string>& rating_names();
bool needs_follow_up(Rating r);

struct Review {
    std::string file;
    Date date;
    std::string by;
    std::string project;
    Rating rating = Rating::neutral;
    std::string why;
    std::vector<std::string> went_well;
    std::vector<std::string> to_improve;
    std::string testimonial;
    std::vector<std::string> referrals;
    CustomFields custom;
};

const std::vector<std::string>& visit_kinds();
bool is_visit_kind(std::string_view kind);

// A fee, in the folder's one currency: a plain non-negative number (180000, 12500.50).
struct Money {
    double amount = 0;
    bool operator==(const Money&) const = default;
};

// A whole percentage, 0 to 100.
struct Percent {
    int points = 0;
    bool operator==(const Percent&) const = default;
};

// A prospective project, from the first conversation to the award (the deal clock,
// model/opportunity.hpp). Its file name starts with the day it was first logged.
struct Opportunity {
    std::string file;
    std::string title;
    std::string by;     // who logged it
    std::string owner;  // who pursues it; empty: `by`
    std::string stage;  // one of the folder's opportunity_stages, `won` or `lost`; empty: the first
    std::optional<Date> rfp_since;  // when the stage became `rfp`: the RFP came out
    std::optional<Money> value;
    std::optional<Percent> probability;  // absent: the stage's default
    std::optional<Date> engaged;         // absent: the day it was first logged
    std::optional<Date> rfp_expected;
    std::optional<Date> decision_expected;
    std::string next_step;
    std::optional<Date> next_step_due;
    std::optional<Date> won;
    std::optional<Date> lost;
    std::string lost_reason;
    std::string notes;
    CustomFields custom;
};

// A captured message that matched no client, or several (inbox/, spec section 3,
// "Capture"): the visit it becomes once a person says whose it is, with the people on it
// and the clients it may be. Written by `crm log-email`; `crm inbox file` makes it a visit.
struct InboxMessage {
    std::string file;
    Date date;
    std::string by;
    std::string from;             // "Jane Doe <jane@acme.example>"
    std::vector<std::string> to;  // the same, one per person
    std::vector<std::string> cc;
    std::vector<std::string> candidates;  // the clients' slugs; empty: none matched
    std::string subject;
    std::string direction;
    std::string message_id;
    std::string in_reply_to;
    std::vector<Attachment> attachments;
    std::string notes;
    CustomFields custom;
};

// A client with everything recorded about it, visits and reviews oldest first,
// opportunities in file order (the day first logged, then the name).
struct ClientRecord {
    Client client;
    std::vector<Visit> visits;
    std::vector<Review> reviews;
    std::vector<Opportunity> opportunities;

    const Visit* latest_visit() const { return visits.empty() ? nullptr : &visits.back(); }
};

// Puts a record's visits and reviews oldest first (ties by file), and its opportunities
// by file, as ClientRecord promises.
void sort_by_date(ClientRecord& rec);

}  // namespace model
}  // namespace crm
