#pragma once
// Reading RFC 4180 CSV as spreadsheets write it: quoted fields (with commas, quotes
// and line breaks inside), CRLF or LF line ends, a UTF-8 byte-order mark. Pure: the
// caller reads the file.
#include <string>
#include <string_view>
#include <vector>

namespace crm::formats {

struct CsvRecord {
    std::vector<std::string> fields;
    int line = 0;  // 1-based line where the record starts, for messages
};

// Every record, blank lines skipped. Throws DataError naming `file` and the line of an
// unclosed quote or of text after a closing quote.
std::vector<CsvRecord> read_csv(std::string_view text, const std::string& file);

}  // namespace crm::formats
