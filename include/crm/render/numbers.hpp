#pragma once
// Amounts as people read them in tables: 180,000 and 12,500.50. Files, JSON and CSV hold
// the plain number (model/opportunity.hpp's money_text); only the views group digits.
#include <string>

namespace crm::render {

// Whole amounts without decimals, others to the cent; digits grouped by three.
std::string amount_text(double amount);

}  // namespace crm::render
