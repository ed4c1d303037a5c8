#pragma once
// Letting the user write or change a record in their editor ($VISUAL, $EDITOR, vi).
//
// The text is validated after each save. On a terminal the user may re-open the editor
// to fix what is wrong; otherwise the error is reported, the original stays as it was,
// and the user's text is kept in a rescue file that the message names.
#include <functional>
#include <string>
#include <vector>

#include "crm/commands/context.hpp"

namespace crm::commands {

struct EditorRequest {
    std::string header;  // comment lines ("# crm: ...") shown above the text, removed after
    std::string text;    // what the user starts from
    std::string name;    // the record's name, for the work and rescue files
    std::function<std::vector<DataError>(const std::string&)> validate;
};

struct EditorResult {
    enum class Outcome { unchanged, emptied, saved } outcome;
    std::string text;  // the saved text, header removed
};

EditorResult run_editor(Context& ctx, const EditorRequest& request);

// Keeps `text` in a rescue file of the folder and returns its path relative to the folder.
std::string save_rescue(Context& ctx, const std::string& name, const std::string& text);

// The editor command line: $VISUAL, else $EDITOR, else vi.
std::string editor_command(const Context& ctx);

}  // namespace crm::commands
