#include "crm/yaml/edit_check.hpp"

#include "crm/util/error.hpp"
#include "crm/util/format.hpp"

namespace crm::yaml {

bool same_tree(const Node& a, const Node& b) {
    if (a.kind != b.kind)
        return false;
    switch (a.kind) {
        case Node::Kind::null:
            return true;
        case Node::Kind::scalar:
            return a.value == b.value && a.plain == b.plain;
        case Node::Kind::sequence:
            if (a.items.size() != b.items.size())
                return false;
            for (std::size_t i = 0; i < a.items.size(); ++i)
                if (!same_tree(a.items[i], b.items[i]))
                    return false;
            return true;
        case Node::Kind::map:
            if (a.entries.size() != b.entries.size())
                return false;
            for (std::size_t i = 0; i < a.entries.size(); ++i)
                if (!same_tree(a.entries[i].first, b.entries[i].first) ||
                    !same_tree(a.entries[i].second, b.entries[i].second))
                    return false;
            return true;
    }
    return false;
}

void refuse(std::string problem, Mark mark) {
    throw Refusal{mark, std::move(problem)};
}

Node written_scalar(std::string_view form, std::string value) {
    Node n;
    n.kind = Node::Kind::scalar;
    n.value = std::move(value);
    n.plain = !(form.starts_with('"') || form.starts_with('\'') || form.starts_with('|') ||
                form.starts_with('>'));
    return n;
}

void check_edit(std::string_view edited, const std::string& file, const Node& expected) {
    Node got;
    try {
        got = parse(edited, file);
    } catch (const DataError& e) {
        refuse(fmt::format("the change would break the file ({})", e.problem()));
    }
    if (!same_tree(got, expected))
        refuse("its layout would make the change alter other values");
}

}  // namespace crm::yaml
