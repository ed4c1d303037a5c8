#pragma once
// Writing YAML that any YAML 1.1 or 1.2 parser (yaml-cpp, PyYAML, ...) reads back as
// exactly the text given. A value is written bare only when no parser could take it
// for anything but that string; otherwise it is double-quoted with escapes, or written
// as a literal block when it is multi-line prose.
#include <string>
#include <string_view>
#include <vector>

namespace crm::yaml {

// True when `s` may be written as a plain scalar. `in_flow` adds the flow indicators
// (, [ ] { }) to what forbids it.
bool plain_safe(std::string_view s, bool in_flow = false);

// The double-quoted form of `s`, escaping what must be escaped.
std::string double_quoted(std::string_view s);

// The inline form of a scalar: bare when safe, else double-quoted.
std::string scalar(std::string_view s);

// Builds a block-style document line by line. Keys are written as given (crm's own
// keys are plain words); values go through scalar() or literal blocks.
class Writer {
  public:
    // key: value  (skipped when `value` is empty and `keep_empty` is false)
    Writer& field(std::string_view key, std::string_view value, bool keep_empty = false);
    // key: value, where `value` is written bare as given (dates, numbers crm produced).
    Writer& raw(std::string_view key, std::string_view value);
    // key: [a, b] when every item is short and plain, else a block list. Skipped when empty.
    Writer& list(std::string_view key, const std::vector<std::string>& items);
    // key: |  followed by the lines, or the inline form when a block cannot hold it.
    Writer& text(std::string_view key, std::string_view value);
    // key:   then a nested map written by the caller, until close().
    Writer& open(std::string_view key);
    // key:   then a list of maps: call item() before each map's fields, then close().
    Writer& open_list(std::string_view key);
    // Starts a "- " list item; the first field written after it shares its line.
    Writer& item();
    Writer& close();
    Writer& comment(std::string_view line);

    const std::string& str() const { return out_; }

  private:
    void start_line(std::string_view key);
    std::string indent_;
    std::vector<std::size_t> opened_;  // indent widths to return to on close()
    bool item_pending_ = false;
    std::string out_;
};

}  // namespace crm::yaml
