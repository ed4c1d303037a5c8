// libFuzzer target for the hostile-input YAML reader and the surgical editor.
//
// The first byte picks an edit; the rest is a file. Whatever the bytes, the reader must
// return a tree or throw DataError (never crash or hang), and an edit must either throw
// or return text that parses to the tree the edit meant, keeping every line it did not
// need to touch.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "crm/model/settings.hpp"
#include "crm/store/validate.hpp"
#include "crm/util/error.hpp"
#include "crm/yaml/key_edit.hpp"
#include "crm/yaml/list_edit.hpp"
#include "crm/yaml/tree.hpp"

using namespace crm;

namespace {

const std::string kFile = "clients/fuzz/client.yaml";

std::string edit(std::uint8_t op, std::string_view text) {
    using yaml::EditValue;
    switch (op % 8) {
        case 0:
            return yaml::set_key(text, kFile, "tier", EditValue::text("A"));
        case 1:
            return yaml::set_key(text, kFile, "name", EditValue::text("x: #y\n'z\""));
        case 2:
            return yaml::set_nested_key(text, kFile, "ratings", "potential", EditValue::raw("4"));
        case 3:
            return yaml::add_list_item(text, kFile, "watchers", "Alice, [Smith]");
        case 4:
            return yaml::remove_list_item(text, kFile, "watchers", "Bob");
        case 5:
            return yaml::set_key(text, kFile, "stage_since", EditValue::raw("2026-11-23"));
        case 6:
            return yaml::add_list_item(text, kFile, "tags", "- no");
        default:
            return yaml::set_nested_key(text, kFile, "ratings", "a b", EditValue::text("yes"));
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    const std::uint8_t op = data[0];
    std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    (void)store::check_file(text, kFile, store::FileKind::client, Settings{});
    try {
        (void)yaml::parse(text, kFile);
    } catch (const DataError&) {
        return 0;
    }
    std::string out;
    try {
        out = edit(op, text);
    } catch (const Error&) {
        return 0;  // refused: the caller writes nothing
    }
    // An accepted edit always yields a file that parses and ends with a newline.
    try {
        (void)yaml::parse(out, kFile);
    } catch (const DataError&) {
        std::abort();
    }
    // A changed file always ends with a newline (an unchanged one is returned as it was).
    if (out != text && (out.empty() || out.back() != '\n'))
        std::abort();
    return 0;
}
