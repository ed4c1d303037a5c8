#pragma once
// crm export --format csv --what visits|reviews|opportunities: one table per kind of
// record, every field (custom ones included) in the columns crm import reads back.
#include <optional>
#include <string>
#include <vector>

#include "crm/commands/context.hpp"
#include "crm/model/layout.hpp"

namespace crm::commands {

// The kind --what names; nullopt for clients (and no --what).
std::optional<RecordKind> table_kind(const std::string& what);

// Writes the table of `kind` on stdout; returns the files that could not be read.
std::vector<DataError> record_table(RecordKind kind, Context& ctx);

}  // namespace crm::commands
