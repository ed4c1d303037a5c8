// The calendar side of crm import: calendar capture (issue 27) replaces this file.
#include "crm/commands/import.hpp"
#include "crm/util/format.hpp"

namespace crm::commands {

int import_calendars(const ImportOptions&, const std::vector<std::string>& files, Context&) {
    throw RuntimeError(fmt::format("'{}' is a calendar: this crm does not import calendars yet",
                                   files.empty() ? std::string() : files.front()),
                       "import contacts from a .vcf or .csv file");
}

}  // namespace crm::commands
