#include "crm/yaml/mark_done.hpp"

#include <stdexcept>

#include "crm/util/error.hpp"
#include "crm/util/format.hpp"
#include "crm/yaml/edit_check.hpp"
#include "crm/yaml/lines.hpp"
#include "crm/yaml/tree.hpp"

#include "entry_value.hpp"
#include "list_items.hpp"

namespace crm::yaml {

std::string insert_done_line(std::string_view text, const std::string& file,
                             std::string_view list_key, std::size_t item_index,
                             const std::string& expected_what, Date date) {
    const Node root = parse(text, file);
    Lines lines(text);
    auto refuse_at = [&](const Mark& m, const std::string& problem, std::string hint = {}) {
        return DataError(SourceLocation{file, m.line, m.column}, problem, std::move(hint));
    };
    const std::string hint_by_hand = fmt::format(
        "add the line `done: {}` to the item by hand (or with `crm edit`), under its `what:` and "
        "`due:` lines",
        date);

    const Node* list = root.is_map() ? root.find(list_key) : nullptr;
    if (!list || !list->is_sequence())
        throw refuse_at(root.mark, fmt::format("no list `{}:` in the file", list_key),
                        "the file changed since it was read; run the command again");
    if (is_flow(lines, *list))
        throw refuse_at(list->mark,
                        fmt::format("`{}:` is written in flow style ([...]); crm only edits lists "
                                    "written one item per line",
                                    list_key),
                        hint_by_hand);

    const std::size_t pos = item_position(*list, item_index);
    if (pos == list->items.size())
        throw refuse_at(list->mark,
                        fmt::format("item {} of `{}:` is not there", item_index + 1, list_key),
                        "the file changed since it was read; run the command again");
    const Node& item = list->items[pos];
    if (item.is_scalar())
        throw refuse_at(
            item.mark,
            fmt::format("\"{}\" is a plain line of text, so it has no place for a `done:` date; "
                        "crm does not rewrite it",
                        item.value),
            fmt::format(
                "write it as `- what: {}` and add `done: {}` under it at the same indentation",
                item.value, date));
    const Node* what = item.find("what");
    if (!what || what->value != expected_what)
        throw refuse_at(item.mark, fmt::format("the item is not \"{}\" any more", expected_what),
                        "the file changed since it was read; run the command again");
    if (is_flow(lines, item))
        throw refuse_at(item.mark,
                        "the item is written in flow style ({...}); crm only edits "
                        "items written one key per line",
                        hint_by_hand);
    if (const Node* done = item.find("done"))
        throw refuse_at(done->mark, "the item already has a `done:` key (with no date)",
                        "put the date after `done:` by hand");
    if (item.entries.empty())
        throw refuse_at(item.mark, "the item is empty");

    // Right after the `due:` entry, else after `what:`.
    std::size_t after = 0;
    for (std::size_t i = 0; i < item.entries.size(); ++i)
        if (item.entries[i].first.value == "due")
            after = i + 1;
    if (after == 0)
        for (std::size_t i = 0; i < item.entries.size(); ++i)
            if (item.entries[i].first.value == "what")
                after = i + 1;

    // The tree the edited text must read back as: the old one plus that one entry.
    Node expected = root;
    for (auto& [k, v] : expected.entries)
        if (k.value == list_key) {
            auto& entries = v.items[pos].entries;
            entries.insert(
                entries.begin() + static_cast<std::ptrdiff_t>(after),
                {written_scalar("done", "done"), written_scalar(date.iso(), date.iso())});
        }

    const std::string could_not =
        "crm could not add `done:` to this item without changing something else, so the "
        "file is left as it is";
    try {
        insert_entry(lines, item, after - 1, fmt::format("done: {}", date));
    } catch (const Refusal& r) {
        throw refuse_at(r.mark, r.problem, hint_by_hand);
    } catch (const std::out_of_range&) {  // a place the parser gave that the text lacks
        throw refuse_at(item.mark, could_not, hint_by_hand);
    }
    // No final newline is added: `crm done` leaves every other byte as it was.
    std::string result = lines.join();
    try {
        check_edit(result, file, expected);
    } catch (const Refusal&) {
        throw refuse_at(item.mark, could_not, hint_by_hand);
    }
    return result;
}

}  // namespace crm::yaml
