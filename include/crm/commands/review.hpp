#pragma once
// crm review
#include <string>
#include <vector>

#include "crm/commands/context.hpp"

namespace crm::commands {

struct ReviewOptions {
    std::string client;
    std::string project;
    std::string rating;
    std::string why;
    std::vector<std::string> went_well;
    std::vector<std::string> improve;
    std::string testimonial;
    std::vector<std::string> referrals;
    std::string date;
};

int review(const ReviewOptions& o, Context& ctx);

}  // namespace crm::commands
