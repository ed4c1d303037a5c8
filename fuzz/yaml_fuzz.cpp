// libFuzzer target for the hostile-input YAML reader and the line editor.
//
// The first byte picks an item index; the rest is a file, on which every edit is tried.
// Whatever the bytes, the reader must return a tree or throw DataError (never crash or
// hang), and each edit must either throw crm::Error or return text that parses to
// exactly the tree the edit means (intended.hpp, computed apart from the editor); an
// edit that cannot be made must throw. A changed file ends with a newline, except that
// `crm done` keeps the file's own ending; an edit that changes nothing returns the text
// as it was.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "crm/model/date.hpp"
#include "crm/model/settings.hpp"
#include "crm/schema/check.hpp"
#include "crm/util/error.hpp"
#include "crm/yaml/edit_check.hpp"
#include "crm/yaml/item_edit.hpp"
#include "crm/yaml/key_edit.hpp"
#include "crm/yaml/list_edit.hpp"
#include "crm/yaml/mark_done.hpp"
#include "crm/yaml/tree.hpp"
#include "intended.hpp"

using namespace crm;
using yaml::EditValue;
using yaml::Node;

namespace {

const std::string kFile = "clients/fuzz/client.yaml";
const std::string kHostile = "x: #y\n'z\"";  // quotes, `: `, `#`, a newline
const std::string kDashYes = "- yes";        // a leading dash and a YAML 1.1 boolean

// Whether the text at `n`'s place opens a flow collection, read from the text itself.
std::string_view g_text;
bool starts_flow(const Node& n) {
    std::string_view t = g_text.starts_with("\xEF\xBB\xBF") ? g_text.substr(3) : g_text;
    std::size_t pos = 0;
    for (int line = 1; line < n.mark.line; ++line) {
        pos = t.find('\n', pos);
        if (pos == std::string_view::npos)
            return false;
        ++pos;
    }
    pos += static_cast<std::size_t>(n.mark.column - 1);
    return pos < t.size() && (t[pos] == '[' || t[pos] == '{');
}

struct Case {
    std::string out;
    intended::Tree want;
    bool keeps_ending = false;  // the result keeps the file's own final newline or lack of it
};

// Runs edit `op` on `text`, parsed as `root`; throws what the edit throws.
Case run(unsigned op, std::size_t index, std::string_view text, const Node& root) {
    switch (op) {
        case 0:
            return {yaml::set_key(text, kFile, "tier", EditValue::text("A")),
                    intended::set_key(root, "tier", intended::text("A"))};
        case 1:
            return {yaml::set_key(text, kFile, "name", EditValue::text(kHostile)),
                    intended::set_key(root, "name", intended::text(kHostile))};
        case 2:
            return {yaml::set_nested_key(text, kFile, "ratings", "potential", EditValue::raw("4")),
                    intended::set_nested_key(root, "ratings", "potential", intended::raw("4"))};
        case 3:
            return {yaml::add_list_item(text, kFile, "watchers", "Alice, [Smith]"),
                    intended::add_list_item(root, "watchers", "Alice, [Smith]", starts_flow)};
        case 4:
            return {yaml::remove_list_item(text, kFile, "watchers", "Bob"),
                    intended::remove_list_item(root, "watchers", "Bob")};
        case 5:
            return {yaml::set_key(text, kFile, "stage_since", EditValue::raw("2026-11-23")),
                    intended::set_key(root, "stage_since", intended::raw("2026-11-23"))};
        case 6:
            return {yaml::add_list_item(text, kFile, "tags", "- no"),
                    intended::add_list_item(root, "tags", "- no", starts_flow)};
        case 7:
            return {yaml::set_nested_key(text, kFile, "ratings", "a b", EditValue::text("yes")),
                    intended::set_nested_key(root, "ratings", "a b", intended::text("yes"))};
        case 8:
            return {
                yaml::set_item_key(text, kFile, "contacts", index, "email",
                                   EditValue::text(kHostile)),
                intended::set_item_key(root, "contacts", index, "email", intended::text(kHostile))};
        case 9:
            return {
                yaml::set_item_key(text, kFile, "contacts", index, "role",
                                   EditValue::text(kDashYes)),
                intended::set_item_key(root, "contacts", index, "role", intended::text(kDashYes))};
        case 10:
            return {yaml::append_map_item(text, kFile, "contacts",
                                          {{"name", EditValue::text("Jane Doe")},
                                           {"email", EditValue::text(kHostile)}}),
                    intended::append_map_item(root, "contacts",
                                              {{"name", intended::text("Jane Doe")},
                                               {"email", intended::text(kHostile)}})};
        case 11:
            return {yaml::remove_item(text, kFile, "contacts", index),
                    intended::remove_item(root, "contacts", index)};
        default: {
            // The what: crm read, so that the edit is one it can make.
            const char* list = op == 12 ? "promises" : "actions";
            std::string what = "x";
            Node copy = root;
            const Node* it = copy.is_map() ? intended::item(copy, list, index) : nullptr;
            if (const Node* w = it && it->is_map() ? it->find("what") : nullptr)
                what = w->value;
            const Date day = *Date::parse_iso("2026-11-28");
            return {yaml::insert_done_line(text, kFile, list, index, what, day),
                    intended::insert_done(root, list, index, what, day.iso()), true};
        }
    }
}

// Says what broke, so that a crash file explains itself, then stops the fuzzer.
[[noreturn]] void fail(const char* why, unsigned op, std::string_view text,
                       const std::string& out) {
    std::fprintf(stderr, "yaml_fuzz: edit %u: %s\n--- text:\n%.*s\n--- edited:\n%s\n---\n", op, why,
                 static_cast<int>(text.size()), text.data(), out.c_str());
    std::abort();
}

constexpr unsigned kEdits = 14;

// Edit `op` of `text` must throw, or give exactly the tree it means.
void check(unsigned op, std::size_t index, std::string_view text, const Node& root) {
    std::optional<Case> c;
    try {
        c = run(op, index, text, root);
    } catch (const Error&) {
        return;  // refused: the caller writes nothing
    }
    // An edit that cannot be made must have been refused.
    if (!c->want)
        fail("made an edit that cannot be made", op, text, c->out);
    Node got;
    try {
        got = yaml::parse(c->out, kFile);
    } catch (const DataError&) {
        fail("the edited text does not parse", op, text, c->out);
    }
    // An edit that changed nothing in an empty file returns it: nothing, an empty map.
    if (got.is_null() && c->want->is_map() && c->want->entries.empty())
        got = *c->want;
    if (!yaml::same_tree(got, *c->want))
        fail("the edited text is not the intended tree", op, text, c->out);
    // remove_list_item returns a file it has nothing to remove from as it was.
    if (op == 4 && yaml::same_tree(*intended::top(root), *c->want) && c->out != text)
        fail("changed a file it had nothing to remove from", op, text, c->out);
    const bool ended = !text.empty() && text.back() == '\n';
    if (c->keeps_ending ? (c->out.back() == '\n') != ended
                        : c->out != text && (c->out.empty() || c->out.back() != '\n'))
        fail("the edited file's last line ends wrongly", op, text, c->out);
}

}  // namespace

// The first byte picks the item the item edits address; the rest is the file, which
// every edit is tried on.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    const std::size_t index = data[0] % 3;
    std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    g_text = text;
    (void)schema::check_file(text, kFile, schema::FileKind::client, Settings{});
    Node root;
    try {
        root = yaml::parse(text, kFile);
    } catch (const DataError&) {
        return 0;
    }
    for (unsigned op = 0; op < kEdits; ++op)
        check(op, index, text, root);
    return 0;
}
