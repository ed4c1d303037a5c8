// Builds: the YAML layer may use the model.
#include "crm/model/date.hpp"
#include "crm/yaml/tree.hpp"
