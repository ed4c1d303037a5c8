// Builds: the model may use util.
#include "crm/model/date.hpp"
#include "crm/util/text.hpp"
