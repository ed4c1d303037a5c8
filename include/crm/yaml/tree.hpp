#pragma once
// Reading one YAML file into a small tree that remembers where each node came from.
//
// Every data file is treated as hostile. Before yaml-cpp sees a byte we refuse what
// would confuse it or a person (size, byte-order marks, invalid UTF-8, NUL bytes, tab
// indentation, git conflict markers, several documents); while building the tree we
// refuse anchors, aliases, explicit tags, duplicate keys, non-scalar keys and deep
// nesting. Every refusal is a DataError carrying file:line:column.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crm/util/error.hpp"

namespace crm::yaml {

struct Mark {
    int line = 0;    // 1-based
    int column = 0;  // 1-based
};

struct Node {
    // Declared here, defaulted below: a vector of pairs of Node needs Node complete, and
    // clang (the fuzzer's compiler) insists on that where gcc does not.
    Node();
    ~Node();
    Node(const Node&);
    Node(Node&&) noexcept;
    Node& operator=(const Node&);
    Node& operator=(Node&&) noexcept;

    enum class Kind { null, scalar, sequence, map };
    Kind kind = Kind::null;
    std::string value;   // scalars
    bool plain = false;  // an unquoted scalar (so `yes`, `~`, `017` were written bare)
    Mark mark;
    std::vector<Node> items;                     // sequences
    std::vector<std::pair<Node, Node>> entries;  // maps, in file order

    bool is_null() const { return kind == Kind::null; }
    bool is_scalar() const { return kind == Kind::scalar; }
    bool is_sequence() const { return kind == Kind::sequence; }
    bool is_map() const { return kind == Kind::map; }
    const Node* find(std::string_view key) const;  // maps only; nullptr when absent
};

inline Node::Node() = default;
inline Node::~Node() = default;
inline Node::Node(const Node&) = default;
inline Node::Node(Node&&) noexcept = default;
inline Node& Node::operator=(const Node&) = default;
inline Node& Node::operator=(Node&&) noexcept = default;

inline constexpr std::size_t kMaxFileSize = 1024 * 1024;
inline constexpr int kMaxDepth = 32;

// Parses `text`, naming `file` in errors. The root may be any node.
Node parse(std::string_view text, const std::string& file);

// All problems the text checks find before parsing, for `crm check`; parse() throws the first.
std::vector<DataError> precheck(std::string_view text, const std::string& file);

}  // namespace crm::yaml
