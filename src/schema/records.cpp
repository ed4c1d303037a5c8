#include "crm/schema/records.hpp"

#include "crm/model/opportunity.hpp"
#include "crm/util/format.hpp"

#include "engine.hpp"

namespace crm::schema {

namespace {

constexpr std::string_view kNameHint = "add a line such as  name: Acme Pty Ltd";
constexpr std::string_view kDateHint = "add a line such as  date: 2026-11-23";

// clang-format off
// Each row: key, member, flags, the hint for a missing required key, the values allowed,
// and how the command line gives it (Arg: option or positional, help, example, what it
// names, ArgFlag, due_key, instead).
constexpr Field<Client> kClientFields[] = {
    {"name",        &Client::name,        kRequired | kKeepEmpty, kNameHint, Allowed::any, {"NAME", "The client's name, e.g. \"Acme Engineering Pty Ltd\"", {}, Names::none, kSettable}},
    {"stage",       &Client::stage,       0, {}, Allowed::stages, {"--stage", "Funnel stage (default: the first in crm.yaml)", {}, Names::none, kSettable}},
    {"tier",        &Client::tier,        0, {}, Allowed::tiers, {"--tier", "Portfolio tier (default: default_tier)", {}, Names::none, kSettable}},
    {"every",       &Client::every,       0, {}, Allowed::any, {"--every", "How often to get in touch, e.g. 21d, 2m, or never", {}, Names::none, kSettable}},
    {"owner",       &Client::owner,       0, {}, Allowed::any, {"--owner", "The teammate who owns the relationship (default: you)", {}, Names::team, kSettable | kNotBlank}},
    {"since",       &Client::since},
    {"stage_since", &Client::stage_since, 0, {}, Allowed::any, {{}, {}, {}, Names::none, 0, {}, "crm set CLIENT stage S keeps it"}},
    {"ratings",     &Client::ratings,     0, {}, Allowed::any, {{}, "ratings.potential, ratings.compatibility, ratings.profitability: 1 to 5", {}, Names::none, kSettable}},
    {"contacts",    &Client::contacts,    0, {}, Allowed::any, {"--contact", "A person: \"Jane Doe <jane@example.com>\"", {}, Names::none, 0, {}, "use crm contact add, crm contact set and crm contact rm"}},
    {"tags",        &Client::tags,        0, {}, Allowed::any, {"--tag", "A tag", {}, Names::tags}},
    {"watchers",    &Client::watchers,    0, {}, Allowed::any, {{}, {}, {}, Names::none, 0, {}, "use crm watch and crm unwatch"}},
    {"notes",       &Client::notes,       kProse, {}, Allowed::any, {"--note", "Free-text notes", {}, Names::none, kSettable}},
};

// A visit's summary is what `due`, `promises` and the portfolio read; the rest (where,
// who, what was discussed, notes) only `show`, `search` and `export` need. A captured
// message's id and a calendar meeting's event are in the summary too: capture looks
// them up in every visit of the folder before it writes (never logged twice).
constexpr Field<Visit> kVisitFields[] = {
    {"date",         &Visit::date,         kRequired | kSummary | kGuarded, kDateHint, Allowed::any, {"--date", "When it happened (default today): a date, yesterday, fri, 3 days ago..."}},
    {"by",           &Visit::by,           kSummary},
    {"kind",         &Visit::kind,         kSummary, {}, Allowed::visit_kinds, {"--kind", "visit, call, meeting, email, lunch, event or other"}},
    {"where",        &Visit::where,        0, {}, Allowed::any, {"--where", "Where it took place", "Their office, level 3"}},
    {"initiated_by", &Visit::initiated_by, 0, {}, Allowed::initiated_by, {"--initiated-by", "Who started it: us or client", "us"}},
    {"with",         &Visit::with,         0, {}, Allowed::any, {"--with", "A person present", "Jane Doe", Names::contacts}},
    {"discussed",    &Visit::discussed,    0, {}, Allowed::any, {"--discussed", "A topic discussed", "Phase 2 scope"}},
    {"new_topics",   &Visit::new_topics,   0, {}, Allowed::any, {"--new-topic", "A new topic raised", "New depot planned"}},
    {"promises",     &Visit::promises,     kSummary, {}, Allowed::any, {"--promise", "What we promised: \"TEXT [by DATE]\"", "Send capability statement"}},
    {"actions",      &Visit::actions,      kSummary, {}, Allowed::any, {"--action", "Other follow-up work: \"TEXT [by DATE]\"", "Ask Bob for a cost estimate"}},
    {"next_contact", &Visit::next_contact, kSummary | kAhead | kGuarded, {}, Allowed::any, {"--next", "When to get in touch next: a date, +2w, next fri...", "in 2 weeks"}},
    {"subject",      &Visit::subject},
    {"direction",    &Visit::direction,    0, {}, Allowed::directions},
    {"message_id",   &Visit::message_id,   kSummary},
    {"in_reply_to",  &Visit::in_reply_to},
    {"attachments",  &Visit::attachments},
    {"event",        &Visit::event,        kSummary},
    {"report",       &Visit::report,       kSummary, {}, Allowed::report_states},
    {"notes",        &Visit::notes,        kProse, {}, Allowed::any, {"--note", "Free-text notes", "What happened, in your words."}},
};

// A message in inbox/: a visit of kind email to be, and who may be its client.
constexpr Field<InboxMessage> kInboxFields[] = {
    {"date",         &InboxMessage::date,         kRequired, kDateHint},
    {"by",           &InboxMessage::by},
    {"from",         &InboxMessage::from,         kRequired, "add the sender, such as  from: Jane Doe <jane@acme.example>"},
    {"to",           &InboxMessage::to},
    {"cc",           &InboxMessage::cc},
    {"candidates",   &InboxMessage::candidates},
    {"subject",      &InboxMessage::subject},
    {"direction",    &InboxMessage::direction,    0, {}, Allowed::directions},
    {"message_id",   &InboxMessage::message_id,   kRequired, "add the message's id, such as  message_id: abc@acme.example"},
    {"in_reply_to",  &InboxMessage::in_reply_to},
    {"attachments",  &InboxMessage::attachments},
    {"notes",        &InboxMessage::notes,        kProse},
};

constexpr Field<Review> kReviewFields[] = {
    {"date",        &Review::date,        kRequired | kGuarded, kDateHint, Allowed::any, {"--date", "When (default today): a date, yesterday, fri..."}},
    {"by",          &Review::by},
    {"project",     &Review::project,     kKeepEmpty, {}, Allowed::any, {"--project", "The project reviewed", {}, Names::projects, kMustGive}},
    {"rating",      &Review::rating,      kRequired, "add rating: angry, unhappy, neutral, happy or elated", Allowed::any, {"--rating", "angry, unhappy, neutral, happy or elated", {}, Names::none, kMustGive}},
    {"why",         &Review::why,         kProse, {}, Allowed::any, {"--why", "Why the client feels that way"}},
    {"went_well",   &Review::went_well,   0, {}, Allowed::any, {"--went-well", "Something that went well"}},
    {"to_improve",  &Review::to_improve,  0, {}, Allowed::any, {"--improve", "Something to improve"}},
    {"testimonial", &Review::testimonial, kProse, {}, Allowed::any, {"--testimonial", "A quote the client allows us to use"}},
    {"referrals",   &Review::referrals,   0, {}, Allowed::any, {"--referral", "Someone the client referred us to"}},
};

// Everything but the free text is summary: `due` reads next steps and RFP dates, and
// `pipeline` the rest.
constexpr Field<Opportunity> kOpportunityFields[] = {
    {"title",             &Opportunity::title,             kRequired | kKeepEmpty | kSummary, "add a line such as  title: Depot expansion stage 2", Allowed::any, {"TITLE", "What the project is, e.g. \"Depot expansion stage 2\"", {}, Names::none, kSettable}},
    {"by",                &Opportunity::by,                kSummary, {}, Allowed::any, {{}, {}, {}, Names::none, 0, {}, "by is who logged it, and stays; who pursues it is owner: crm opportunity set CLIENT OPP owner NAME"}},
    {"owner",             &Opportunity::owner,             kSummary, {}, Allowed::any, {"--owner", "Who pursues it (default: you)", {}, Names::team, kSettable | kNotBlank}},
    {"stage",             &Opportunity::stage,             kSummary, {}, Allowed::opportunity_stages, {"--stage", "An open stage of opportunity_stages (default: the first)", {}, Names::none, kSettable}},
    {"rfp_since",         &Opportunity::rfp_since,         kSummary | kGuarded, {}, Allowed::any, {{}, {}, {}, Names::none, kSettable}},
    {"value",             &Opportunity::value,             kSummary, {}, Allowed::any, {"--value", "The expected fee: a plain number, e.g. 180000", {}, Names::none, kSettable}},
    {"probability",       &Opportunity::probability,       kSummary, {}, Allowed::any, {"--probability", "Win probability in percent, 0-100 (default: the stage's)", {}, Names::none, kSettable}},
    {"engaged",           &Opportunity::engaged,           kSummary | kGuarded, {}, Allowed::any, {"--engaged", "When we first talked about it (default today): a date, -3m, mon...", {}, Names::none, kSettable}},
    {"rfp_expected",      &Opportunity::rfp_expected,      kSummary | kAhead, {}, Allowed::any, {"--rfp", "When the RFP or tender is expected: a date, +2m...", {}, Names::none, kSettable}},
    {"decision_expected", &Opportunity::decision_expected, kSummary | kAhead, {}, Allowed::any, {"--decision", "When the client is expected to award it", {}, Names::none, kSettable}},
    {"next_step",         &Opportunity::next_step,         kSummary, {}, Allowed::any, {"--next-step", "The next step: \"TEXT [by DATE]\"", {}, Names::none, kSettable, "next_step_due"}},
    {"next_step_due",     &Opportunity::next_step_due,     kSummary | kAhead | kGuarded, {}, Allowed::any, {{}, {}, {}, Names::none, kSettable}},
    {"won",               &Opportunity::won,               kSummary, {}, Allowed::any, {{}, {}, {}, Names::none, 0, {}, "crm opportunity won CLIENT OPP [--value N] [--date D]"}},
    {"lost",              &Opportunity::lost,              kSummary, {}, Allowed::any, {{}, {}, {}, Names::none, 0, {}, "crm opportunity lost CLIENT OPP --reason TEXT [--date D]"}},
    {"lost_reason",       &Opportunity::lost_reason,       0, {}, Allowed::any, {{}, {}, {}, Names::none, kSettable | kNotBlank}},
    {"notes",             &Opportunity::notes,             kProse, {}, Allowed::any, {"--note", "Free-text notes", {}, Names::none, kSettable}},
};

// A contact is an item of a client's contacts: (values_read.cpp reads it); this table is
// what `contact add` and `contact set` take.
constexpr Field<Contact> kContactFields[] = {
    {"name",  &Contact::name,  kRequired, {}, Allowed::any, {{}, {}, {}, Names::none, kSettable}},
    {"role",  &Contact::role,  0, {}, Allowed::any, {"--role", "Their role, e.g. \"Director of Projects\"", {}, Names::none, kSettable}},
    {"email", &Contact::email, 0, {}, Allowed::address, {{}, {}, {}, Names::none, kSettable}},
    {"phone", &Contact::phone, 0, {}, Allowed::any, {"--phone", "Their phone number", {}, Names::none, kSettable}},
    {"notes", &Contact::notes, kProse, {}, Allowed::any, {"--note", "Free-text notes about them", {}, Names::none, kSettable}},
    {"uid",   &Contact::uid,   0, {}, Allowed::any, {{}, {}, {}, Names::none, 0, {}, "crm writes it when it creates the contact; it never changes"}},
};

constexpr Field<Settings> kSettingsFields[] = {
    {"stages",           &Settings::stages,  kNonEmpty, "the funnel needs at least one stage"},
    {"inactive_stages",  &Settings::inactive_stages},
    {"tiers",            &Settings::tiers},
    {"default_tier",     &Settings::default_tier},
    {"due_within",       &Settings::due_within},
    {"review_follow_up", &Settings::review_follow_up},
    {"autocommit",       &Settings::autocommit},
    {"team",             &Settings::team},
    {"mail",             &Settings::mail},
    {"notify_on_sync",   &Settings::notify_on_sync},
    {"opportunity_stages", &Settings::opportunity_stages, kNonEmpty, "list at least one open stage, such as  pre-scoping: 10"},
    {"rfp_lead",         &Settings::rfp_lead},
    {"date_order",       &Settings::date_order, 0, {}, Allowed::date_orders},
    {"cadence_kinds",    &Settings::cadence_kinds},
    {"report_within",    &Settings::report_within},
    {"unowned_to",       &Settings::unowned_to},
    {"capture",          &Settings::capture},
};
// clang-format on

// The rules between an opportunity's keys, for `crm check` and the commands that write.
void check_opportunity(const Opportunity& o, const yaml::Node& root, Problems& p) {
    const bool won = o.won || o.stage == kWonStage;
    const bool lost = o.lost || o.stage == kLostStage;
    if (won && lost) {
        const yaml::Node* at = root.find(o.lost ? "lost" : "stage");
        p.add(at ? *at : root, "an opportunity is won or lost, not both",
              "keep one of won: and lost:, with the stage that goes with it");
    }
    if (o.rfp_expected && o.decision_expected && *o.rfp_expected > *o.decision_expected) {
        const yaml::Node* at = root.find("rfp_expected");
        p.add(at ? *at : root,
              fmt::format("rfp_expected {} is after decision_expected {}", *o.rfp_expected,
                          *o.decision_expected),
              "the RFP comes out before the award: correct one of the two dates");
    }
}

const Schema<Client> kClient{"client", 0x43, kClientFields, &Client::custom, true};
const Schema<Visit> kVisit{"visit", 0x56, kVisitFields, &Visit::custom, false};
const Schema<Review> kReview{"review", 0x52, kReviewFields, &Review::custom, true};
const Schema<Opportunity> kOpportunity{"opportunity",        0x4F,  kOpportunityFields,
                                       &Opportunity::custom, false, &check_opportunity};
const Schema<Settings> kSettings{"settings", 0x53, kSettingsFields, nullptr, true};
const Schema<InboxMessage> kInbox{"inbox message", 0x49, kInboxFields, &InboxMessage::custom, true};
const Schema<Contact> kContact{"contact", 0x63, kContactFields, nullptr, true};

template <class R>
R from_root(const Schema<R>& s, const yaml::Node& root, const std::string& file) {
    Problems p(file);
    if (root.is_null())
        p.add(root, "file is empty", "a record is a map of keys such as name: and date:");
    if (!root.is_map())
        p.add(root, "the file's top level must be a map of keys");
    R record;
    record.file = file;
    engine::read(s, root, record, p);
    return record;
}

// A value in flow style. A scalar the user wrote bare stays bare when nothing but its
// own words could make it unsafe (so `3` stays a number); anything else is quoted.
std::string flow(const yaml::Node& n) {
    using K = yaml::Node::Kind;
    switch (n.kind) {
        case K::null:
            return "null";
        case K::scalar:
            return n.plain && yaml::plain_safe(fmt::format("x{}x", n.value), true)
                       ? n.value
                       : yaml::double_quoted(n.value);
        case K::sequence: {
            std::string s;
            for (const auto& i : n.items)
                s += (s.empty() ? "" : ", ") + flow(i);
            return fmt::format("[{}]", s);
        }
        case K::map: {
            std::string s;
            for (const auto& [k, v] : n.entries) {
                std::string key =
                    yaml::plain_safe(k.value, true) ? k.value : yaml::double_quoted(k.value);
                s += fmt::format("{}{}: {}", s.empty() ? "" : ", ", key, flow(v));
            }
            return fmt::format("{{{}}}", s);
        }
    }
    return "null";
}

}  // namespace

const Schema<Client>& client_schema() {
    return kClient;
}
const Schema<Visit>& visit_schema() {
    return kVisit;
}
const Schema<Review>& review_schema() {
    return kReview;
}
const Schema<Opportunity>& opportunity_schema() {
    return kOpportunity;
}
const Schema<Settings>& settings_schema() {
    return kSettings;
}
const Schema<InboxMessage>& inbox_schema() {
    return kInbox;
}
const Schema<Contact>& contact_schema() {
    return kContact;
}

Settings settings_from(const yaml::Node& root, const std::string& file) {
    Settings s;
    if (root.is_null())
        return s;  // an empty crm.yaml means every default
    Problems p(file);
    if (!root.is_map())
        p.add(root, "the file's top level must be a map of keys");
    engine::read(kSettings, root, s, p);
    return s;
}

Client client_from(const yaml::Node& root, const std::string& file) {
    return from_root(kClient, root, file);
}
Visit visit_from(const yaml::Node& root, const std::string& file) {
    return from_root(kVisit, root, file);
}
Review review_from(const yaml::Node& root, const std::string& file) {
    return from_root(kReview, root, file);
}

Opportunity opportunity_from(const yaml::Node& root, const std::string& file) {
    return from_root(kOpportunity, root, file);
}

Settings read_settings(std::string_view text, const std::string& file) {
    return settings_from(yaml::parse(text, file), file);
}
Client read_client(std::string_view text, const std::string& file) {
    return client_from(yaml::parse(text, file), file);
}
Visit read_visit(std::string_view text, const std::string& file) {
    return visit_from(yaml::parse(text, file), file);
}
Review read_review(std::string_view text, const std::string& file) {
    return review_from(yaml::parse(text, file), file);
}

Opportunity read_opportunity(std::string_view text, const std::string& file) {
    return opportunity_from(yaml::parse(text, file), file);
}

InboxMessage read_inbox_message(std::string_view text, const std::string& file) {
    return from_root(kInbox, yaml::parse(text, file), file);
}

std::string client_yaml(const Client& c) {
    return engine::write(kClient, c);
}
std::string visit_yaml(const Visit& v) {
    return engine::write(kVisit, v);
}
std::string review_yaml(const Review& r) {
    return engine::write(kReview, r);
}

std::string opportunity_yaml(const Opportunity& o) {
    return engine::write(kOpportunity, o);
}

std::string inbox_message_yaml(const InboxMessage& m) {
    return engine::write(kInbox, m);
}

std::string custom_fields_yaml(const yaml::Node& root, const CustomFields& custom) {
    std::string out;
    for (const auto& [key, text] : custom) {
        const yaml::Node* n = root.find(key);
        out += fmt::format("{}: {}\n", yaml::scalar(key), n ? flow(*n) : yaml::scalar(text));
    }
    return out;
}

}  // namespace crm::schema
