#include "crm/store/git_tree.hpp"

#include <algorithm>
#include <charconv>

#include "crm/store/sha1.hpp"

namespace crm::store {

std::string_view TreeEntry::type() const {
    if (is_tree())
        return "tree";
    if (mode == "160000")  // a submodule: the commit it is at
        return "commit";
    return "blob";
}

std::optional<std::vector<TreeEntry>> parse_tree(std::string_view body, std::size_t id_size) {
    std::vector<TreeEntry> entries;
    while (!body.empty()) {
        std::size_t space = body.find(' ');
        if (space == std::string_view::npos || space == 0)
            return std::nullopt;
        std::size_t nul = body.find('\0', space);
        if (nul == std::string_view::npos || nul == space + 1 || body.size() - nul - 1 < id_size)
            return std::nullopt;
        TreeEntry e;
        e.mode = body.substr(0, space);
        if (e.mode.find_first_not_of("01234567") != std::string::npos)
            return std::nullopt;
        e.name = body.substr(space + 1, nul - space - 1);
        e.id = body.substr(nul + 1, id_size);
        entries.push_back(std::move(e));
        body.remove_prefix(nul + 1 + id_size);
    }
    return entries;
}

namespace {

// git's base_name_compare: a folder sorts as if its name ended in '/'.
bool tree_order(const TreeEntry& a, const TreeEntry& b) {
    std::size_t n = std::min(a.name.size(), b.name.size());
    int c = a.name.compare(0, n, b.name, 0, n);
    if (c != 0)
        return c < 0;
    auto next = [n](const TreeEntry& e) -> unsigned char {
        if (e.name.size() > n)
            return static_cast<unsigned char>(e.name[n]);
        return e.is_tree() ? '/' : '\0';
    };
    return next(a) < next(b);
}

}  // namespace

void sort_tree(std::vector<TreeEntry>& entries) {
    std::sort(entries.begin(), entries.end(), tree_order);
}

std::string encode_tree(const std::vector<TreeEntry>& entries) {
    std::string body;
    for (const auto& e : entries) {
        body += e.mode;
        body += ' ';
        body += e.name;
        body += '\0';
        body += e.id;
    }
    return body;
}

std::string object_id(std::string_view type, std::string_view body) {
    std::string header(type);
    header += ' ';
    header += std::to_string(body.size());
    header += '\0';
    Sha1 sha;
    sha.update(header);
    sha.update(body);
    auto digest = sha.finish();
    return to_hex(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
}

std::string to_hex(std::string_view raw) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(raw.size() * 2);
    for (unsigned char c : raw) {
        hex += kHex[c >> 4];
        hex += kHex[c & 15];
    }
    return hex;
}

std::optional<std::string> from_hex(std::string_view hex) {
    if (hex.size() % 2 != 0 || hex.find_first_not_of("0123456789abcdef") != std::string::npos)
        return std::nullopt;
    auto digit = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
    std::string raw;
    for (std::size_t i = 0; i < hex.size(); i += 2)
        raw += static_cast<char>(digit(hex[i]) << 4 | digit(hex[i + 1]));
    return raw;
}

std::optional<std::vector<BatchObject>> parse_cat_file_batch(std::string_view out) {
    std::vector<BatchObject> objects;
    while (!out.empty()) {
        std::size_t eol = out.find('\n');
        if (eol == std::string_view::npos)
            return std::nullopt;
        std::string_view header = out.substr(0, eol);
        out.remove_prefix(eol + 1);
        BatchObject o;
        if (header.ends_with(" missing")) {
            o.missing = true;
            objects.push_back(std::move(o));
            continue;
        }
        // "<id> <type> <size>", then the content and a newline.
        std::size_t s1 = header.find(' ');
        std::size_t s2 = s1 == std::string_view::npos ? s1 : header.find(' ', s1 + 1);
        if (s2 == std::string_view::npos)
            return std::nullopt;
        std::size_t size = 0;
        std::string_view digits = header.substr(s2 + 1);
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), size);
        if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty() ||
            out.size() < size + 1 || out[size] != '\n')
            return std::nullopt;
        o.id = header.substr(0, s1);
        o.type = header.substr(s1 + 1, s2 - s1 - 1);
        o.body = out.substr(0, size);
        out.remove_prefix(size + 1);
        objects.push_back(std::move(o));
    }
    return objects;
}

}  // namespace crm::store
