#include "crm/model/layout.hpp"

#include <vector>

#include "crm/model/slug.hpp"

namespace crm {

namespace {

std::vector<std::string_view> split_path(std::string_view path) {
    std::vector<std::string_view> parts;
    while (true) {
        auto slash = path.find('/');
        parts.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos)
            break;
        path.remove_prefix(slash + 1);
    }
    return parts;
}

}  // namespace

bool is_record_file_name(std::string_view name) {
    return name.ends_with(".yaml") && !name.starts_with('.');
}

std::optional<RecordPath> parse_record_path(std::string_view path) {
    auto parts = split_path(path);
    if (parts.size() < 3 || parts[0] != "clients" || !is_valid_slug(parts[1]))
        return std::nullopt;
    const std::string slug(parts[1]);
    if (parts.size() == 3 && parts[2] == "client.yaml")
        return RecordPath{RecordPath::Kind::client, slug};
    if (parts.size() != 4 || !is_record_file_name(parts[3]))
        return std::nullopt;
    if (parts[2] == "visits")
        return RecordPath{RecordPath::Kind::visit, slug};
    if (parts[2] == "reviews")
        return RecordPath{RecordPath::Kind::review, slug};
    return std::nullopt;
}

bool is_crm_data_path(std::string_view path) {
    return path == "crm.yaml" || parse_record_path(path).has_value();
}

}  // namespace crm
