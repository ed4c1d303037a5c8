#pragma once
// crm export
#include <string>
#include <vector>

#include "crm/commands/context.hpp"
#include "crm/render/output_format.hpp"

namespace crm::commands {

struct ExportOptions {
    render::OutputFormat format = render::OutputFormat::json;
    std::string what;
    std::string vdir;  // with vcard: one <uid>.vcf per contact in this folder
};

int export_all(const ExportOptions& o, Context& ctx);

}  // namespace crm::commands
