#include "check_mail.hpp"

#include <algorithm>
#include <vector>

#include "crm/model/mail_address.hpp"
#include "crm/model/records.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::schema {

namespace {

using yaml::Node;

constexpr std::string_view kAddressHint =
    "write a plain address such as alice@example.com: no name, brackets, quotes, spaces, "
    "commas or semicolons";

bool blank(const Node* n) {
    return !n || n->is_null() || (n->is_scalar() && trim(n->value).empty());
}

void check_address(const Node& at, const std::string& what, Problems& p) {
    if (!at.is_scalar())
        return;  // reading said so already
    if (auto why = address_problem(at.value)) {
        p.add(at, fmt::format("{} '{}' is not a plain e-mail address: it {}", what, at.value, *why),
              std::string(kAddressHint));
    }
}

void unknown_keys(const Node& map, std::initializer_list<std::string_view> known,
                  const std::string& where, Problems& p) {
    for (const auto& entry : map.entries) {
        const Node& k = entry.first;
        bool found = false;
        for (auto key : known)
            found = found || k.value == key;
        if (!found) {
            std::string list;
            for (auto key : known)
                list += fmt::format("{}{}:", list.empty() ? "" : " and ", key);
            p.add(k, fmt::format("{}: unknown key '{}'", where, k.value),
                  fmt::format("{} has {}", where, list));
        }
    }
}

void check_team(const Node& team, Problems& p) {
    if (!team.is_sequence())
        return;  // reading said so already
    std::vector<const Node*> names;
    for (const Node& member : team.items) {
        if (!member.is_map())
            continue;
        const Node* name = member.find("name");
        const Node* email = member.find("email");
        if (blank(name)) {
            p.add(member, "team: a member has no name:",
                  "add the name the records use, such as  name: Alice Smith");
        } else if (name->is_scalar()) {
            if (name->value.find_first_of("\r\n") != std::string::npos)
                p.add(*name, "team: a name must be one line");
            for (const Node* earlier : names) {
                if (same_person(earlier->value, name->value)) {
                    p.add(*name,
                          fmt::format("team: '{}' is listed twice (first on line {})",
                                      trim(name->value), earlier->mark.line),
                          "names are compared without case and surrounding blanks; keep one");
                    break;
                }
            }
            names.push_back(name);
        }
        const std::string who = blank(name) || !name->is_scalar() ? "a member" : trim(name->value);
        if (blank(email))
            p.add(email ? *email : member, fmt::format("team: {} has no email:", who),
                  "add an address such as  email: alice@example.com");
        else
            check_address(*email, fmt::format("team: {}'s email", who), p);
        unknown_keys(member, {"name", "email"}, "team", p);
    }
}

void check_mail(const Node* mail, bool has_team, const Node& root, Problems& p) {
    if (!mail || mail->is_null()) {
        if (has_team) {
            p.add(root, "mail: no from: address to send the team's mail from",
                  "add  mail: {from: crm@your-firm.example}");
        }
        return;
    }
    if (!mail->is_map())
        return;  // reading said so already
    const Node* from = mail->find("from");
    if (blank(from)) {
        if (has_team)
            p.add(from ? *from : *mail, "mail: no from: address",
                  "add  from: crm@your-firm.example  under mail:");
    } else {
        check_address(*from, "mail.from", p);
    }
    // `command` is known, and never run: program_settings() warns of it.
    unknown_keys(*mail, {"from", "command"}, "mail", p);
}

// A key that names a program to run: mail.command, and whatever else a person might
// write hoping crm runs it (editor:, hooks:, notify_command:...).
bool names_a_program(std::string key) {
    key = ascii_lower(key);
    std::replace(key.begin(), key.end(), '-', '_');
    for (const char* word : {"command", "commands", "program", "mailer", "sendmail", "editor",
                             "pager", "shell", "exec", "hook", "hooks"})
        if (key == word)
            return true;
    for (const char* end : {"_command", "_program", "_hook", "_hooks"})
        if (key.ends_with(end))
            return true;
    return false;
}

void find_programs(const Node& map, const std::string& where, Problems& p) {
    for (const auto& [k, v] : map.entries) {
        const std::string key = where.empty() ? k.value : fmt::format("{}.{}", where, k.value);
        if (names_a_program(k.value)) {
            p.add(k,
                  fmt::format("{} names a program, and crm never runs a program named in the "
                              "shared folder (a teammate could change it): it is ignored",
                              key),
                  key == "mail.command"
                      ? "set your own mail command:  git config --global crm.mailCommand "
                        "\"msmtp -t\"  (or CRM_MAIL_COMMAND); then remove mail.command from "
                        "crm.yaml"
                      : "remove it from crm.yaml");
        } else if (v.is_map()) {
            find_programs(v, key, p);
        }
    }
}

// A domain as capture: names them: what may follow the @ of a plain address.
std::optional<std::string> domain_problem(std::string_view domain) {
    if (domain.find('@') != std::string_view::npos)
        return "it has an @";
    constexpr std::string_view kIts = "its domain ";
    if (auto why = address_problem(fmt::format("x@{}", domain)))
        return why->starts_with(kIts)       ? fmt::format("it {}", why->substr(kIts.size()))
               : why->starts_with("a part") ? *why
                                            : fmt::format("it {}", *why);
    return std::nullopt;
}

void check_text_list(const Node* list, const std::string& key, bool addresses, Problems& p) {
    if (!list || !list->is_sequence())
        return;  // reading said so already (or read one text as a one-item list)
    for (const Node& item : list->items) {
        if (!item.is_scalar())
            continue;
        const std::string& value = item.value;
        const bool address = addresses && value.find('@') != std::string::npos;
        if (address) {
            check_address(item, key, p);
        } else if (auto why = domain_problem(value)) {
            p.add(item,
                  fmt::format("{}: '{}' is not {}: {}", key, value,
                              addresses ? "an address or a domain" : "a domain", *why),
                  addresses ? "write a plain address (payroll@firm.example) or a domain "
                              "(newsletter.example)"
                            : "write a domain such as gmail.com");
        }
    }
}

}  // namespace

std::vector<DataError> program_settings(std::string_view text, const std::string& file) {
    yaml::Node root;
    try {
        root = yaml::parse(text, file);
    } catch (const DataError&) {
        return {};  // the reader says what is wrong with the file
    }
    if (!root.is_map())
        return {};
    const Settings defaults;
    Problems p(file, &defaults);
    find_programs(root, "", p);
    return p.take();
}

void check_capture(const Node& root, Problems& p) {
    if (const Node* capture = root.find("capture"); capture && capture->is_map()) {
        check_text_list(capture->find("never"), "capture.never", true, p);
        check_text_list(capture->find("public_domains"), "capture.public_domains", false, p);
        unknown_keys(*capture, {"never", "max_recipients", "public_domains"}, "capture", p);
    }
    if (const Node* kinds = root.find("cadence_kinds"); kinds && kinds->is_sequence()) {
        for (const Node& kind : kinds->items) {
            if (kind.is_scalar() && !is_visit_kind(kind.value))
                p.add(kind, fmt::format("cadence_kinds: unknown kind '{}'", kind.value),
                      fmt::format("use kinds of visit: {}", join(visit_kinds(), ", ")));
        }
    }
    const Node* team = root.find("team");
    const Node* unowned = root.find("unowned_to");
    if (!unowned || !unowned->is_sequence())
        return;
    for (const Node& name : unowned->items) {
        if (!name.is_scalar())
            continue;
        bool known = false;
        if (team && team->is_sequence())
            for (const Node& member : team->items)
                if (const Node* n = member.is_map() ? member.find("name") : nullptr;
                    n && n->is_scalar() && same_person(n->value, name.value))
                    known = true;
        if (!known)
            p.add(name, fmt::format("unowned_to: '{}' is not in team:", name.value),
                  "name teammates as team: names them, or add them to team:");
    }
}

void check_team_and_mail(const Node& root, Problems& p) {
    const Node* team = root.find("team");
    if (team)
        check_team(*team, p);
    const bool has_team = team && team->is_sequence() && !team->items.empty();
    check_mail(root.find("mail"), has_team, root, p);
}

}  // namespace crm::schema
