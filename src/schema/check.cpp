#include "crm/schema/check.hpp"

#include <algorithm>

#include "crm/model/contact.hpp"
#include "crm/model/mail_address.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

#include "check_mail.hpp"
#include "engine.hpp"

namespace crm::schema {

namespace {

using yaml::Node;

template <class R>
void check_record(const Schema<R>& s, const Node& root, Problems& p) {
    R record;
    engine::read(s, root, record, p);
}

// crm.yaml against itself: names it uses must be names it defines.
void check_settings(const Node& root, Problems& p) {
    Settings s;
    engine::read(settings_schema(), root, s, p);
    auto unknown = [&](const char* key, const std::string& value,
                       const std::vector<std::string>& allowed, const char* what) {
        if (value.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end())
            return;
        const Node* at = root.find(key);
        std::string list;
        for (const auto& a : allowed)
            list += (list.empty() ? "" : ", ") + a;
        p.add(at ? *at : root, fmt::format("{}: unknown {} '{}'", key, what, value),
              fmt::format("use one of the {}s crm.yaml defines: {}", what, list));
    };
    if (root.find("default_tier") || root.find("tiers"))
        unknown("default_tier", s.default_tier, s.tier_names(), "tier");
    for (const auto& stage : s.inactive_stages)
        unknown("inactive_stages", stage, s.stages, "stage");
    check_team_and_mail(root, p);
    check_capture(root, p);
}

// A contact's e-mail must be one address: reading keeps whatever is there, but what
// completion, mail clients and `crm remind` would take for an address is checked here,
// at its line.
void check_contact_emails(const Node& root, Problems& p) {
    const Node* contacts = root.find("contacts");
    if (!contacts || !contacts->is_sequence())
        return;  // reading said so already
    for (const Node& contact : contacts->items) {
        const Node* email = contact.is_map() ? contact.find("email") : nullptr;
        if (!email || !email->is_scalar() || email->value.empty())
            continue;
        if (auto why = contact_address_problem(email->value); why) {
            const Node* name = contact.find("name");
            const std::string who = name && name->is_scalar() && !name->value.empty()
                                        ? fmt::format("{}'s", name->value)
                                        : "a";
            p.add(*email,
                  fmt::format("contacts: {} e-mail '{}' is not an address: it {}", who,
                              email->value, *why),
                  "write one address such as jane@example.com; anything else goes in notes");
        }
    }
}

// A contact's uid is its identity in every address book its vCard reaches: one UUID,
// not shared with another contact of the client.
void check_contact_uids(const Node& root, Problems& p) {
    const Node* contacts = root.find("contacts");
    if (!contacts || !contacts->is_sequence())
        return;
    std::vector<std::string> seen;
    for (const Node& contact : contacts->items) {
        const Node* uid = contact.is_map() ? contact.find("uid") : nullptr;
        if (!uid || !uid->is_scalar() || uid->value.empty())
            continue;
        if (!is_uuid(uid->value)) {
            p.add(*uid, fmt::format("contacts: uid '{}' is not a UUID", uid->value),
                  "a uid is 8-4-4-4-12 hexadecimal digits, as crm writes it; remove the line and "
                  "crm export --format vcard writes a new one");
            continue;
        }
        const std::string folded = ascii_lower(uid->value);
        if (std::find(seen.begin(), seen.end(), folded) != seen.end())
            p.add(*uid, fmt::format("contacts: uid '{}' is another contact's too", uid->value),
                  "each contact has its own uid: remove this line and crm export --format vcard "
                  "writes a new one");
        seen.push_back(folded);
    }
}

}  // namespace

FileKind file_kind(RecordKind kind) {
    switch (kind) {
        case RecordKind::visit:
            return FileKind::visit;
        case RecordKind::review:
            return FileKind::review;
        case RecordKind::opportunity:
            return FileKind::opportunity;
    }
    return FileKind::visit;
}

std::vector<DataError> check_file(std::string_view text, const std::string& file, FileKind kind,
                                  const Settings& settings) {
    std::vector<DataError> out = yaml::precheck(text, file);
    if (!out.empty())
        return out;
    Node root;
    try {
        root = yaml::parse(text, file);
    } catch (const DataError& e) {
        out.push_back(e);
        return out;
    }
    Problems p(file, &settings);
    if (kind == FileKind::settings) {
        if (root.is_null())
            return out;  // every default
        if (!root.is_map()) {
            p.add(root, "the file's top level must be a map of keys");
            return p.take();
        }
        check_settings(root, p);
        return p.take();
    }
    if (root.is_null()) {
        out.emplace_back(SourceLocation{file, 1, 1}, "file is empty",
                         "a record is a map of keys such as name: and date:");
        return out;
    }
    if (!root.is_map()) {
        p.add(root, "the file's top level must be a map of keys");
        return p.take();
    }
    switch (kind) {
        case FileKind::client:
            check_record(client_schema(), root, p);
            check_contact_emails(root, p);
            check_contact_uids(root, p);
            break;
        case FileKind::visit:
            check_record(visit_schema(), root, p);
            break;
        case FileKind::review:
            check_record(review_schema(), root, p);
            break;
        case FileKind::opportunity:
            check_record(opportunity_schema(), root, p);
            break;
        case FileKind::inbox:
            check_record(inbox_schema(), root, p);
            break;
        case FileKind::settings:
            break;
    }
    return p.take();
}

std::vector<DataError> check_mail_settings(std::string_view text, const std::string& file) {
    yaml::Node root;
    try {
        root = yaml::parse(text, file);
    } catch (const DataError& e) {
        return {e};
    }
    if (!root.is_map())
        return {};
    const Settings defaults;
    Problems p(file, &defaults);
    check_team_and_mail(root, p);
    return p.take();
}

}  // namespace crm::schema
