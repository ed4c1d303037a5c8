// Builds: views render reports.
#include "crm/render/table.hpp"
#include "crm/reports/due.hpp"
