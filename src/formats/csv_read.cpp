#include "crm/formats/csv_read.hpp"

#include "crm/util/error.hpp"

namespace crm::formats {

std::vector<CsvRecord> read_csv(std::string_view text, const std::string& file) {
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);
    std::vector<CsvRecord> records;
    CsvRecord record;
    std::string field;
    bool quoted = false;      // inside a quoted field
    bool was_quoted = false;  // the current field had quotes (so it is not blank)
    int line = 1;
    int quote_line = 0;
    record.line = 1;

    auto end_field = [&] {
        record.fields.push_back(std::move(field));
        field.clear();
        was_quoted = false;
    };
    auto end_record = [&] {
        // A line with nothing on it is blank; a line holding "" is one empty field.
        bool blank = record.fields.empty() && field.empty() && !was_quoted;
        end_field();
        if (!blank)
            records.push_back(std::move(record));
        record = CsvRecord{};
        record.line = line;
    };

    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n')
                    ++line;
                field += c;
            }
            continue;
        }
        switch (c) {
            case '"':
                if (!field.empty() || was_quoted) {
                    throw DataError(
                        {file, line, 0}, "a quote in the middle of a field",
                        "quote the whole field and double inner quotes: \"say \"\"hi\"\"\"");
                }
                quoted = was_quoted = true;
                quote_line = line;
                break;
            case ',':
                end_field();
                break;
            case '\r':
                if (i + 1 < text.size() && text[i + 1] == '\n')
                    break;  // the \n ends the record
                ++line;
                end_record();
                break;
            case '\n':
                ++line;
                end_record();
                break;
            default:
                if (was_quoted) {
                    throw DataError({file, line, 0}, "text after a closing quote",
                                    "quote the whole field and double inner quotes");
                }
                field += c;
        }
    }
    if (quoted)
        throw DataError({file, quote_line, 0}, "a quote opened here is never closed",
                        "close the quoted field, or double the quote (\"\") to write one");
    if (!field.empty() || was_quoted || !record.fields.empty())
        end_record();
    return records;
}

}  // namespace crm::formats
