#pragma once
// `crm search`'s table, printed a match at a time as the search finds it: its column
// widths come from the terminal, never from the matches, so nothing has to be held to
// measure them. The matched text is the column people read: it keeps at least 30 columns
// (from 80 up) and wraps onto continuation lines, whole; the client's name wraps too;
// the file, an identifier, is shortened first (the client's folder goes, then its
// middle: the record's kind, date, unique end and line number stay). Piped (width 0), nothing is
// cut or wrapped.
#include <string>
#include <vector>

#include "crm/render/style.hpp"

namespace crm::render {

class SearchTable {
  public:
    SearchTable(const Styler& styler, int width);

    std::string header() const;
    // One match: its first line and any continuation lines, each ending in a newline.
    std::string row(const std::string& name, const std::string& file, int line,
                    const std::string& text) const;

    // The columns' widths (0: unlimited), for tests.
    int name_width() const { return name_; }
    int file_width() const { return file_; }
    int text_width() const { return text_; }

  private:
    Styler styler_;
    int name_ = 0, file_ = 0, text_ = 0;
};

// The end of `text` in at most `width` display columns, "…" first when it was cut.
std::string keep_end(const std::string& text, int width);
// `text` in at most `width` display columns, its middle left out ("…") when it was cut:
// an identifier's beginning and its end (the part that tells it apart) stay.
std::string keep_ends(const std::string& text, int width);

}  // namespace crm::render
