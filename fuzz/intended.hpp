#pragma once
// What each fuzzed edit means, computed on the parsed tree alone: the tree the edited
// text must read back as, or nothing when the edit cannot be made and must be refused.
// Written apart from the editor (which builds its own expected tree) so that the fuzz
// target checks the editor against an independent statement of each edit.
#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "crm/yaml/tree.hpp"
#include "crm/yaml/write.hpp"

namespace intended {

using crm::yaml::Node;
using Tree = std::optional<Node>;

// A scalar as crm writes it: text is bare only when plain_safe says so (the writer's
// promise); raw values (dates, numbers crm made) are bare.
inline Node text(const std::string& v, bool in_flow = false) {
    Node n;
    n.kind = Node::Kind::scalar;
    n.value = v;
    n.plain = crm::yaml::plain_safe(v, in_flow);
    return n;
}
inline Node raw(const std::string& v) {
    Node n = text(v);
    n.plain = true;
    return n;
}
inline Node collection(Node::Kind kind) {
    Node n;
    n.kind = kind;
    return n;
}

// The top-level map the edits work on (an empty file is an empty one), or nothing.
inline Tree top(const Node& root) {
    if (root.is_null())
        return collection(Node::Kind::map);
    if (!root.is_map())
        return std::nullopt;
    return root;
}

inline Node* find(Node& map, const std::string& key) {
    for (auto& [k, v] : map.entries)
        if (k.value == key)
            return &v;
    return nullptr;
}

inline bool single(const Node& n) {
    return n.is_null() || n.is_scalar();
}

inline Tree set_key(const Node& root, const std::string& key, Node value) {
    Tree t = top(root);
    if (!t)
        return t;
    if (Node* v = find(*t, key)) {
        if (!single(*v))
            return std::nullopt;
        *v = std::move(value);
    } else {
        t->entries.emplace_back(text(key), std::move(value));
    }
    return t;
}

// `ratings`-style: key and value chosen so that their bareness is the same in a flow map
// as in a block one.
inline Tree set_nested_key(const Node& root, const std::string& map_key, const std::string& key,
                           Node value) {
    Tree t = top(root);
    if (!t)
        return t;
    Node* m = find(*t, map_key);
    if (!m) {
        Node one = collection(Node::Kind::map);
        one.entries.emplace_back(text(key), std::move(value));
        t->entries.emplace_back(text(map_key), std::move(one));
        return t;
    }
    if (m->is_null())
        *m = collection(Node::Kind::map);
    if (!m->is_map())
        return std::nullopt;
    if (Node* v = find(*m, key)) {
        if (!single(*v))
            return std::nullopt;
        *v = std::move(value);
    } else {
        m->entries.emplace_back(text(key), std::move(value));
    }
    return t;
}

// `flow` says whether an existing list is written [...]: the bareness of `item` may
// depend on it (`a, b` is bare in a block list, quoted in a flow one).
inline Tree add_list_item(const Node& root, const std::string& key, const std::string& item,
                          bool (*flow)(const Node&)) {
    Tree t = top(root);
    if (!t)
        return t;
    Node* l = find(*t, key);
    Node list = collection(Node::Kind::sequence);
    Node in_flow = text(item, true);
    if (!l) {
        list.items.push_back(in_flow);
        t->entries.emplace_back(text(key), std::move(list));
        return t;
    }
    if (l->is_scalar())
        list.items.push_back(text(l->value, true));  // `key: a` becomes `key: [a, item]`
    if (single(*l)) {
        list.items.push_back(in_flow);
        *l = std::move(list);
        return t;
    }
    if (!l->is_sequence() || !std::all_of(l->items.begin(), l->items.end(), single))
        return std::nullopt;
    l->items.push_back(flow(*l) ? in_flow : text(item));
    return t;
}

inline Tree remove_list_item(const Node& root, const std::string& key, const std::string& item) {
    Tree t = top(root);
    if (!t)
        return t;
    Node* l = find(*t, key);
    if (!l || l->is_null() || l->is_map())
        return t;
    if (l->is_scalar()) {
        if (l->value == item)
            *l = collection(Node::Kind::sequence);
        return t;
    }
    if (!std::all_of(l->items.begin(), l->items.end(), single))
        return std::nullopt;
    std::erase_if(l->items, [&](const Node& n) { return n.is_scalar() && n.value == item; });
    return t;
}

// Item `index` of the top-level list `key`, counted as records are read.
inline Node* item(Node& map, const std::string& key, std::size_t index, Node** list = nullptr) {
    Node* l = find(map, key);
    if (!l || !l->is_sequence())
        return nullptr;
    if (list)
        *list = l;
    for (auto& n : l->items)
        if ((n.is_scalar() || n.is_map()) && index-- == 0)
            return &n;
    return nullptr;
}

inline Tree set_item_key(const Node& root, const std::string& list_key, std::size_t index,
                         const std::string& key, Node value) {
    Tree t = top(root);
    Node* it = t ? item(*t, list_key, index) : nullptr;
    if (!it || !it->is_map())
        return std::nullopt;
    if (Node* v = find(*it, key)) {
        if (!single(*v))
            return std::nullopt;
        *v = std::move(value);
    } else {
        it->entries.emplace_back(text(key), std::move(value));
    }
    return t;
}

inline Tree append_map_item(const Node& root, const std::string& list_key,
                            const std::vector<std::pair<std::string, Node>>& pairs) {
    Tree t = top(root);
    if (!t)
        return t;
    Node m = collection(Node::Kind::map);
    for (const auto& [k, v] : pairs)
        m.entries.emplace_back(text(k), v);
    Node* l = find(*t, list_key);
    if (!l) {
        Node list = collection(Node::Kind::sequence);
        list.items.push_back(std::move(m));
        t->entries.emplace_back(text(list_key), std::move(list));
        return t;
    }
    if (l->is_null())
        *l = collection(Node::Kind::sequence);
    if (!l->is_sequence())
        return std::nullopt;
    l->items.push_back(std::move(m));
    return t;
}

inline Tree remove_item(const Node& root, const std::string& list_key, std::size_t index) {
    Tree t = top(root);
    Node* list = nullptr;
    Node* it = t ? item(*t, list_key, index, &list) : nullptr;
    if (!it)
        return std::nullopt;
    list->items.erase(list->items.begin() + (it - list->items.data()));
    return t;
}

// `crm done`: `done: DATE` right after `due:` (else `what:`) of item `index`, whose what:
// must be `what`, and which must not have a done: yet.
inline Tree insert_done(const Node& root, const std::string& list_key, std::size_t index,
                        const std::string& what, const std::string& date) {
    if (!root.is_map())
        return std::nullopt;
    Tree t = root;
    Node* it = item(*t, list_key, index);
    if (!it || !it->is_map() || find(*it, "done"))
        return std::nullopt;
    Node* w = find(*it, "what");
    if (!w || w->value != what)
        return std::nullopt;
    std::size_t after = 0;
    for (std::size_t i = 0; i < it->entries.size(); ++i)
        if (it->entries[i].first.value == "due")
            after = i + 1;
    if (after == 0)
        for (std::size_t i = 0; i < it->entries.size(); ++i)
            if (it->entries[i].first.value == "what")
                after = i + 1;
    it->entries.insert(it->entries.begin() + static_cast<std::ptrdiff_t>(after),
                       {text("done"), raw(date)});
    return t;
}

}  // namespace intended
