#include "crm/yaml/mark_done.hpp"

#include <vector>

#include "crm/util/error.hpp"
#include "crm/yaml/tree.hpp"

namespace crm::yaml {

namespace {

struct Line {
    std::size_t begin = 0;  // first byte
    std::size_t end = 0;    // one past the last byte before the line break
    std::string_view eol;   // "\n", "\r\n" or "" (last line without a break)
};

std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        Line l;
        l.begin = pos;
        if (nl == std::string_view::npos) {
            l.end = text.size();
            pos = text.size();
        } else {
            bool crlf = nl > pos && text[nl - 1] == '\r';
            l.end = crlf ? nl - 1 : nl;
            l.eol = crlf ? "\r\n" : "\n";
            pos = nl + 1;
        }
        lines.push_back(l);
    }
    return lines;
}

// Leading spaces of a line, or -1 for a blank line.
int indent_of(std::string_view line) {
    std::size_t i = line.find_first_not_of(' ');
    if (i == std::string_view::npos || line[i] == '\r')
        return -1;
    return static_cast<int>(i);
}

bool same_tree(const yaml::Node& a, const yaml::Node& b) {
    if (a.kind != b.kind || a.value != b.value || a.plain != b.plain ||
        a.items.size() != b.items.size() || a.entries.size() != b.entries.size())
        return false;
    for (std::size_t i = 0; i < a.items.size(); ++i)
        if (!same_tree(a.items[i], b.items[i]))
            return false;
    for (std::size_t i = 0; i < a.entries.size(); ++i)
        if (!same_tree(a.entries[i].first, b.entries[i].first) ||
            !same_tree(a.entries[i].second, b.entries[i].second))
            return false;
    return true;
}

char char_at(std::string_view text, const std::vector<Line>& lines, yaml::Mark m) {
    if (m.line < 1 || static_cast<std::size_t>(m.line) > lines.size() || m.column < 1)
        return '\0';
    const Line& l = lines[static_cast<std::size_t>(m.line - 1)];
    std::size_t at = l.begin + static_cast<std::size_t>(m.column - 1);
    return at < l.end ? text[at] : '\0';
}

}  // namespace

std::string insert_done_line(std::string_view text, const std::string& file,
                             std::string_view list_key, std::size_t item_index,
                             const std::string& expected_what, Date date) {
    const yaml::Node root = yaml::parse(text, file);
    const std::vector<Line> lines = split_lines(text);
    auto refuse = [&](const yaml::Mark& m, const std::string& problem, std::string hint = {}) {
        return DataError(SourceLocation{file, m.line, m.column}, problem, std::move(hint));
    };
    const std::string hint_by_hand = "add the line `done: " + date.iso() +
                                     "` to the item by hand (or with `crm edit`), under its "
                                     "`what:` and `due:` lines";

    const yaml::Node* list = root.is_map() ? root.find(list_key) : nullptr;
    if (!list || !list->is_sequence())
        throw refuse(root.mark, "no list `" + std::string(list_key) + ":` in the file",
                     "the file changed since it was read; run the command again");
    if (char_at(text, lines, list->mark) == '[')
        throw refuse(list->mark,
                     "`" + std::string(list_key) + ":` is written in flow style ([...]); crm " +
                         "only edits lists written one item per line",
                     hint_by_hand);

    // Find the item the way the schema reads them: text or key/value items only.
    const yaml::Node* item = nullptr;
    std::size_t seq_pos = 0, counted = 0;
    for (; seq_pos < list->items.size(); ++seq_pos) {
        const yaml::Node& n = list->items[seq_pos];
        if (!n.is_scalar() && !n.is_map())
            continue;
        if (counted++ == item_index) {
            item = &n;
            break;
        }
    }
    if (!item)
        throw refuse(list->mark,
                     "item " + std::to_string(item_index + 1) + " of `" + std::string(list_key) +
                         ":` is not there",
                     "the file changed since it was read; run the command again");
    if (item->is_scalar())
        throw refuse(item->mark,
                     "\"" + item->value + "\" is a plain line of text, so it has no place for " +
                         "a `done:` date; crm does not rewrite it",
                     "write it as `- what: " + item->value + "` and add `done: " + date.iso() +
                         "` under it at the same indentation");
    const yaml::Node* what = item->find("what");
    if (!what || what->value != expected_what)
        throw refuse(item->mark, "the item is not \"" + expected_what + "\" any more",
                     "the file changed since it was read; run the command again");
    if (char_at(text, lines, item->mark) == '{')
        throw refuse(item->mark,
                     "the item is written in flow style ({...}); crm only edits "
                     "items written one key per line",
                     hint_by_hand);
    if (const yaml::Node* done = item->find("done"))
        throw refuse(done->mark, "the item already has a `done:` key (with no date)",
                     "put the date after `done:` by hand");
    if (item->entries.empty())
        throw refuse(item->mark, "the item is empty");

    // Insert after the `due:` entry, else after `what:`, past any lines that continue
    // its value (indented deeper than the item's keys).
    std::size_t after = 0;
    for (std::size_t i = 0; i < item->entries.size(); ++i)
        if (item->entries[i].first.value == "due")
            after = i + 1;
    if (after == 0)
        for (std::size_t i = 0; i < item->entries.size(); ++i)
            if (item->entries[i].first.value == "what")
                after = i + 1;
    const yaml::Mark key = item->entries[after - 1].first.mark;
    const int key_indent = item->entries.front().first.mark.column - 1;
    if (key.column - 1 != key_indent)
        throw refuse(key, "the item's keys are not aligned; crm does not edit it", hint_by_hand);
    std::size_t last = static_cast<std::size_t>(key.line - 1);
    for (std::size_t l = last + 1; l < lines.size(); ++l) {
        int indent = indent_of(text.substr(lines[l].begin, lines[l].end - lines[l].begin));
        if (indent < 0)
            continue;
        if (indent <= key_indent)
            break;
        last = l;
    }

    const Line& at = lines[last];
    const std::string eol(at.eol.empty() ? std::string_view("\n") : at.eol);
    std::string result(text.substr(0, at.end));
    result += eol + std::string(static_cast<std::size_t>(key_indent), ' ') + "done: " + date.iso();
    result += text.substr(at.end);

    // Prove the edit: the new text must read back as the old tree plus that one entry.
    yaml::Node expected = root;
    yaml::Node* list_copy = nullptr;
    for (auto& [k, v] : expected.entries)
        if (k.value == list_key)
            list_copy = &v;
    yaml::Node done_key, done_value;
    done_key.kind = done_value.kind = yaml::Node::Kind::scalar;
    done_key.plain = done_value.plain = true;
    done_key.value = "done";
    done_value.value = date.iso();
    auto& entries = list_copy->items[seq_pos].entries;
    entries.insert(entries.begin() + static_cast<std::ptrdiff_t>(after), {done_key, done_value});
    yaml::Node reread;
    try {
        reread = yaml::parse(result, file);
    } catch (const DataError&) {
        reread = yaml::Node{};
    }
    if (!same_tree(reread, expected))
        throw refuse(item->mark,
                     "crm could not add `done:` to this item without changing "
                     "something else, so the file is left as it is",
                     hint_by_hand);
    return result;
}

}  // namespace crm::yaml
