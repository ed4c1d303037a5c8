#pragma once
// crm reviews
#include <string>
#include <vector>

#include "crm/commands/context.hpp"

namespace crm::commands {

struct ReviewsOptions {
    std::string since;
    std::string until;
    std::string format = "table";
};

int reviews(const ReviewsOptions& o, Context& ctx);

}  // namespace crm::commands
