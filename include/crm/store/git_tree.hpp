#pragma once
// git's object formats, as pure functions: the binary tree format, git's order of tree
// entries, object ids, and the output of `git cat-file --batch`. The fast commit
// (git_fast_commit.cpp) uses them to build new trees in-process; git then writes them
// and must agree on every id.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crm::store {

struct TreeEntry {
    std::string mode;  // octal, as git writes it: "100644", "40000"...
    std::string name;
    std::string id;  // raw bytes (20 for SHA-1)
    bool is_tree() const { return mode == "40000"; }
    // The object type `git mktree` expects for this mode.
    std::string_view type() const;
};

// A tree object's content; nullopt when malformed. `id_size` is 20 for SHA-1.
std::optional<std::vector<TreeEntry>> parse_tree(std::string_view body, std::size_t id_size);

// Sorts entries in git's order: by name, a folder's name compared as if it ended in '/'.
void sort_tree(std::vector<TreeEntry>& entries);

// A tree object's content from entries in git's order.
std::string encode_tree(const std::vector<TreeEntry>& entries);

// The SHA-1 object id (40 hex digits) of an object of `type` ("blob", "tree"...).
std::string object_id(std::string_view type, std::string_view body);

std::string to_hex(std::string_view raw);
// nullopt unless `hex` is lowercase hex digits of even length.
std::optional<std::string> from_hex(std::string_view hex);

// One answer of `git cat-file --batch`: an object, or `missing` for a name that names none.
struct BatchObject {
    bool missing = false;
    std::string id;  // hex
    std::string type;
    std::string body;
};

// All answers of `git cat-file --batch`, in order; nullopt when the output is malformed.
std::optional<std::vector<BatchObject>> parse_cat_file_batch(std::string_view out);

}  // namespace crm::store
