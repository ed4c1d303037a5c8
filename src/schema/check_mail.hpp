#pragma once
// crm.yaml's team:, mail: and capture: checked for what reading them does not: that every member
// has a name and a plain address, that names are unique, and that mail: can send. For
// `crm check` (check.cpp) and for the mail commands before they send anything
// (check_mail_settings in check.hpp). Included by the schema's own sources only.
#include "crm/schema/problems.hpp"
#include "crm/yaml/tree.hpp"

namespace crm::schema {

// Adds a problem, at its line, for each wrong value under `root`'s team: and mail:.
void check_team_and_mail(const yaml::Node& root, Problems& p);

// (program_settings, the warnings of keys that name a program, is in check.hpp.)

// The same for capture: (unknown keys, entries of never: that are neither an address nor
// a domain, public_domains: that are not domains), cadence_kinds: that are not kinds of
// visit and unowned_to: names that are not the team's.
void check_capture(const yaml::Node& root, Problems& p);

}  // namespace crm::schema
