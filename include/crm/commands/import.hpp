#pragma once
// crm import
#include <string>
#include <vector>

#include "crm/commands/common.hpp"
#include "crm/commands/context.hpp"

namespace crm::commands {

struct ImportOptions {
    std::string file;  // a .csv, a .vcf, an .ics, or a vdir of .vcf and .ics files
    bool dry_run = false;
    // --owner, --stage, --tag, --every: the client schema's rows, by key; they apply to
    // the clients the import creates.
    FieldTexts client;
};

int import_file(const ImportOptions& o, Context& ctx);

// The calendar side of import (.ics files, and those of a vdir), given the files of that
// kind: the seam where calendar capture plugs in (import_calendar.cpp).
int import_calendars(const ImportOptions& o, const std::vector<std::string>& files, Context& ctx);

}  // namespace crm::commands
