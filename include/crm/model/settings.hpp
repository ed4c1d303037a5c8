#pragma once
// crm.yaml: the folder's shared settings, with the spec's defaults.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/model/date.hpp"

namespace crm {
inline namespace model {

struct Tier {
    std::string name;
    std::optional<Duration> every;  // nullopt: clients of this tier are never due
};

// Someone who gets crm's reminders and alerts by mail (crm.yaml's `team:`).
struct TeamMember {
    std::string name;   // as the records write it (owner, by, watchers)
    std::string email;  // a plain addr-spec, local@domain (see mail_address.hpp)
};

// How crm sends mail (crm.yaml's `mail:`). Only the From: address: the program that
// sends is the person's own to choose (CRM_MAIL_COMMAND, git's crm.mailCommand), never
// the shared folder's, which a teammate can change (spec section 2).
struct MailSettings {
    std::string from;  // the From: address
};

// An open stage of an opportunity, with the win probability it stands for when the
// opportunity gives none of its own.
struct OpportunityStage {
    std::string name;
    int probability = 0;  // percent
    bool operator==(const OpportunityStage&) const = default;
};

// E-mail and calendar capture (crm.yaml's `capture:`; reports/capture_match.hpp).
struct CaptureSettings {
    // Addresses (payroll@firm.example) or whole domains (newsletter.example) whose
    // messages and events are never logged.
    std::vector<std::string> never;
    // A message or an event with more people than this is a mailing, not a conversation.
    int max_recipients = 20;
    // Domains anyone can have an address at: sharing one says nothing about the client.
    std::vector<std::string> public_domains{"gmail.com",  "outlook.com", "hotmail.com", "yahoo.com",
                                            "icloud.com", "gmx.de",      "web.de"};
    bool operator==(const CaptureSettings&) const = default;
};

struct Settings {
    std::vector<std::string> stages{"lead", "prospect", "proposal", "client", "former", "lost"};
    std::vector<std::string> inactive_stages{"former", "lost"};
    std::vector<Tier> tiers{{"A", Duration{30, Duration::Unit::days}},
                            {"B", Duration{60, Duration::Unit::days}},
                            {"C", Duration{120, Duration::Unit::days}}};
    std::string default_tier = "B";
    Duration due_within{7, Duration::Unit::days};
    Duration review_follow_up{7, Duration::Unit::days};
    bool autocommit = true;
    std::vector<TeamMember> team;
    MailSettings mail;
    bool notify_on_sync = false;  // `crm sync` runs `crm notify` after pushing
    std::vector<OpportunityStage> opportunity_stages{
        {"pre-scoping", 10}, {"rfp", 25}, {"proposal", 50}, {"negotiation", 75}};
    Duration rfp_lead{30, Duration::Unit::days};
    std::string date_order;  // "dmy" or "mdy": how to read 15/12; empty: refused as ambiguous
    // The kinds of visit that count as keeping in touch: only these reset a client's
    // contact cadence (an e-mail exchanges information; a visit or a call keeps the
    // relationship).
    std::vector<std::string> cadence_kinds{"visit", "call", "meeting", "lunch", "event"};
    Duration report_within{2, Duration::Unit::days};  // a calendar meeting's write-up is due
    std::vector<std::string> unowned_to;  // who hears of items nobody owns; empty: everyone
    CaptureSettings capture;

    const Tier* find_tier(const std::string& name) const;
    // Whether a visit of this kind resets the contact cadence (cadence_kinds).
    bool is_cadence_kind(std::string_view kind) const;
    bool has_stage(const std::string& stage) const;
    bool is_inactive(const std::string& stage) const;
    std::vector<std::string> tier_names() const;
    // The teammate a name means, compared as people are (same_person), or nullptr.
    const TeamMember* find_member(std::string_view name) const;
    std::vector<std::string> team_names() const;
    // date_order as the date grammar takes it (none when absent or unknown).
    DateOrder order() const { return parse_date_order(date_order).value_or(DateOrder::none); }
    const OpportunityStage* find_opportunity_stage(const std::string& name) const;
    // The open stages in order: those an opportunity is in until won or lost.
    std::vector<std::string> open_opportunity_stage_names() const;
    // The open stages in order, then `won` and `lost`: every stage an opportunity may have.
    std::vector<std::string> opportunity_stage_names() const;
};

}  // namespace model
}  // namespace crm
