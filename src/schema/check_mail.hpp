#pragma once
// crm.yaml's team: and mail: checked for what reading them does not: that every member
// has a name and a plain address, that names are unique, and that mail: can send. For
// `crm check` (check.cpp) and for the mail commands before they send anything
// (check_mail_settings in check.hpp). Included by the schema's own sources only.
#include "crm/schema/problems.hpp"
#include "crm/yaml/tree.hpp"

namespace crm::schema {

// Adds a problem, at its line, for each wrong value under `root`'s team: and mail:.
void check_team_and_mail(const yaml::Node& root, Problems& p);

// (program_settings, the warnings of keys that name a program, is in check.hpp.)

}  // namespace crm::schema
