// Builds: reports compute over the model.
#include "crm/model/records.hpp"
#include "crm/reports/due.hpp"
