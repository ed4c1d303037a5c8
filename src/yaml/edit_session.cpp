#include "edit_session.hpp"

#include <stdexcept>

#include "crm/util/error.hpp"
#include "crm/util/format.hpp"
#include "crm/yaml/edit_check.hpp"
#include "crm/yaml/write.hpp"

#include "entry_value.hpp"

namespace crm::yaml {

Edit::Edit(std::string_view text, const std::string& f) : file(f), lines(text) {
    original = parse(text, file);
    if (original.is_null())
        original.kind = Node::Kind::map;
    else if (!original.is_map())
        refuse("its top level is not a map of keys");
    else if (is_flow(lines, original))
        refuse("its top level is written as one {...} map");
    expected = original;
}

int Edit::index_of(const std::string& key) const {
    for (std::size_t i = 0; i < original.entries.size(); ++i)
        if (original.entries[i].first.value == key)
            return static_cast<int>(i);
    return -1;
}

std::size_t Edit::end_line() const {
    // The text parsed, so a line `...` at the left edge can only end the document.
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string& t = lines.text(i);
        if (t == "..." || t.starts_with("... ") || t.starts_with("...#"))
            return i;
    }
    return lines.size();
}

std::size_t Edit::append_key(const std::string& key, const std::string& form, Node value) {
    const std::string key_form = scalar(key);
    const std::size_t at = end_line();
    lines.insert(at, key_form + (form.empty() ? ":" : fmt::format(": {}", form)));
    expected.entries.emplace_back(written_scalar(key_form, key), std::move(value));
    return at + 1;
}

std::string Edit::finish() {
    // A file crm changed ends with a newline, as the files it writes do.
    lines.end_with_newline();
    std::string out = lines.join();
    check_edit(out, file, expected);
    return out;
}

std::string run_edit(const std::string& file, const std::function<std::string()>& edit) {
    std::string why;
    try {
        return edit();
    } catch (const Refusal& r) {
        why = r.problem;
    } catch (const std::out_of_range&) {
        why = "crm could not find its way in the file's layout";
    } catch (const std::length_error&) {
        why = "crm could not find its way in the file's layout";
    }
    throw RuntimeError(fmt::format("cannot change {} safely: {}", file, why),
                       "the file is untouched; make the change by hand with 'crm edit'");
}

}  // namespace crm::yaml
