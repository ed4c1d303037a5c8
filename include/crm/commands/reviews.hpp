#pragma once
// crm reviews
#include <string>
#include <vector>

#include "crm/commands/common.hpp"
#include "crm/commands/context.hpp"
#include "crm/render/output_format.hpp"

namespace crm::commands {

struct ReviewsOptions {
    DateText since;  // past-facing
    DateText until;  // past-facing
    render::OutputFormat format = render::OutputFormat::table;
};

int reviews(const ReviewsOptions& o, Context& ctx);

}  // namespace crm::commands
