#pragma once
// What `--format` asks for, read once where the option is declared (cli/args) and then
// passed as this type: a command chooses its view with a switch, never by comparing
// strings, and a format's spelling lives here only.
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace crm::render {

enum class OutputFormat { table, text, json, csv, markdown, ics, html, vcard };

// The word a person types: "table", "json"...
std::string_view format_name(OutputFormat f);

// The words of `formats`, in their order (help, completion, messages).
std::vector<std::string> format_names(std::span<const OutputFormat> formats);

// `text` as one of `allowed`; anything else is a UsageError in crm's words:
// "--format: 'x' is not one of table, json, csv, markdown".
OutputFormat parse_format(std::string_view text, std::span<const OutputFormat> allowed);

// The formats a person reads on a terminal (table, text): the ones that get colour, the
// terminal's width and the closing notes.
constexpr bool for_people(OutputFormat f) {
    return f == OutputFormat::table || f == OutputFormat::text;
}

}  // namespace crm::render
