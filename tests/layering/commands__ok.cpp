// Builds: commands orchestrate the store, reports and views.
#include "crm/render/table.hpp"
#include "crm/reports/due.hpp"
#include "crm/store/folder.hpp"
