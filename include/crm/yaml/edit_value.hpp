#pragma once
// A value an edit writes into a file: its YAML form and the text it must read back as.
#include <string>
#include <string_view>

namespace crm::yaml {

struct EditValue {
    std::string yaml;       // the form written after `key: `
    std::string value;      // the text any YAML parser reads back from it
    bool verbatim = false;  // written as given, in block and flow context alike

    // Any text, bare when no YAML parser could read it as anything else, else
    // double-quoted with escapes (quotes, `#`, `: `, newlines, `yes`, a leading `-`...).
    static EditValue text(std::string_view s);
    // Dates, numbers, durations crm made, written bare as given.
    static EditValue raw(std::string_view s);
};

}  // namespace crm::yaml
