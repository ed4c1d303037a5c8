#pragma once
// Every problem in one file, for `crm check`: the readers of records.hpp stop at the first
// wrong value, this goes on and lists them all, each with file:line:column, through the
// same schema, so the two always agree. It also checks what only the folder's settings
// make wrong (an unknown stage or tier) and crm.yaml against itself (a default_tier that
// is not a tier).
#include <string>
#include <string_view>
#include <vector>

#include "crm/model/layout.hpp"
#include "crm/model/settings.hpp"
#include "crm/util/error.hpp"

namespace crm::schema {

enum class FileKind { settings, client, visit, review, opportunity, inbox };

// The kind of file a record of a client's subfolder is.
FileKind file_kind(RecordKind kind);

// Size, encoding, YAML syntax and structure, then the values against `settings`.
std::vector<DataError> check_file(std::string_view text, const std::string& file, FileKind kind,
                                  const Settings& settings);

// The problems of crm.yaml's team: and mail: only (unknown keys, missing names, addresses
// that are not plain, duplicate names), with their lines: what the mail commands refuse
// to send with. `text` is crm.yaml, already readable.
std::vector<DataError> check_mail_settings(std::string_view text, const std::string& file);

// Warnings, with their lines, for the keys of crm.yaml that name a program (mail.command
// above all): nothing in the shared folder runs on anyone's machine, so crm ignores them,
// and `crm check` and every mailing command say so. Empty when `text` does not parse.
std::vector<DataError> program_settings(std::string_view text, const std::string& file);

}  // namespace crm::schema
