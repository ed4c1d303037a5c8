#include "crm/render/output_format.hpp"

#include "crm/util/error.hpp"
#include "crm/util/format.hpp"

namespace crm::render {

std::string_view format_name(OutputFormat f) {
    switch (f) {
        case OutputFormat::table:
            return "table";
        case OutputFormat::text:
            return "text";
        case OutputFormat::json:
            return "json";
        case OutputFormat::csv:
            return "csv";
        case OutputFormat::markdown:
            return "markdown";
        case OutputFormat::ics:
            return "ics";
        case OutputFormat::html:
            return "html";
        case OutputFormat::vcard:
            return "vcard";
    }
    return "table";
}

std::vector<std::string> format_names(std::span<const OutputFormat> formats) {
    std::vector<std::string> names;
    names.reserve(formats.size());
    for (const OutputFormat f : formats)
        names.emplace_back(format_name(f));
    return names;
}

OutputFormat parse_format(std::string_view text, std::span<const OutputFormat> allowed) {
    for (const OutputFormat f : allowed)
        if (format_name(f) == text)
            return f;
    const std::vector<std::string> names = format_names(allowed);
    throw UsageError(fmt::format("--format: '{}' is not one of {}", text, fmt::join(names, ", ")),
                     fmt::format("use one of: {}", fmt::join(names, ", ")));
}

}  // namespace crm::render
