#pragma once
// crm review
#include <string>

#include "crm/commands/common.hpp"
#include "crm/commands/context.hpp"

namespace crm::commands {

struct ReviewOptions {
    std::string client;
    FieldTexts review;   // the review's fields as typed, by key (schema/records.cpp's rows)
    bool force = false;  // keep a review dated after today
};

int review(const ReviewOptions& o, Context& ctx);

}  // namespace crm::commands
