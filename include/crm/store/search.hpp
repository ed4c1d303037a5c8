#pragma once
// `crm search`: every place in the clients' files where a text appears in what a record
// says. Values are compared as a person reads them, not as YAML writes them: a quoted
// value's escapes are undone, a value's line breaks are spaces, keys are not text
// (yaml/scalars.hpp). Any record kind is searched alike, since every value of every file
// is, and a file too broken to read as YAML is searched on its raw lines.
//
// Speed: the files are read by several threads (os/parallel.hpp), and a file is looked
// at closely only when the query's longest plain word is in its bytes: grep's work plus
// little, and only the matches of the clients at hand are kept in memory.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/store/folder.hpp"

namespace crm::store {

// Text as search compares it: case folded (fold_case) and every run of whitespace one
// space, without spaces at the ends.
std::string search_normal(std::string_view text);

struct LineMatch {
    int line = 0;      // 1-based
    std::string text;  // the line as the file has it, trimmed
};

// The lines of a file's `text` where `needle` (search_normal'd, not empty) starts in a
// value, in line order, each once. `file` names the file in the parser's errors.
std::vector<LineMatch> matching_lines(std::string_view text, const std::string& file,
                                      std::string_view needle);

struct SearchHit {
    std::string client;  // the slug
    std::string name;    // the client's name (its slug when client.yaml cannot be read)
    std::string file;    // relative to the folder
    LineMatch match;
};

// Every match of `query` in every client's files (those show reads: hidden files are not
// records), handed to `each` on the calling thread as they are found, by client slug,
// then in show's order of files, then by line. Only the matches of the clients being
// read at a time are held, so memory stays flat however many lines match. `progress`
// hears (clients done, clients in all) from one thread, between calls of `each`. A link
// where a file or folder of the layout should be is skipped, never followed, and goes to
// `problems`.
void search(const Folder& folder, std::string_view query, std::vector<DataError>& problems,
            const std::function<void(SearchHit&)>& each, const Progress& progress = {});

}  // namespace crm::store
