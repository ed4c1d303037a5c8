#include "crm/model/layout.hpp"

#include <vector>

#include "crm/model/slug.hpp"
#include "crm/util/format.hpp"

namespace crm {
inline namespace model {

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

std::string joined(std::initializer_list<std::string_view> parts) {
    std::string out;
    for (auto part : parts) {
        if (!out.empty())
            out += '/';
        out += part;
    }
    return out;
}

}  // namespace

std::string_view record_dir_name(RecordKind kind) {
    switch (kind) {
        case RecordKind::visit:
            return "visits";
        case RecordKind::review:
            return "reviews";
        case RecordKind::opportunity:
            return "opportunities";
    }
    return "visits";
}

bool is_hidden_name(std::string_view name) {
    return name.starts_with('.');
}

bool is_record_file_name(std::string_view name) {
    return name.ends_with(".yaml") && !is_hidden_name(name);
}

bool is_crm_record_name(std::string_view name) {
    constexpr std::string_view ext = ".yaml";
    if (name.size() > 120 || !name.ends_with(ext) || !record_file_date(name) || name.size() < 12 ||
        name[10] != '-')
        return false;
    const std::string_view rest = name.substr(11, name.size() - 11 - ext.size());
    return !rest.empty() && rest.front() != '-' &&
           rest.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") ==
               std::string_view::npos;
}

std::optional<Date> record_file_date(std::string_view path) {
    const std::string_view name = path.substr(path.rfind('/') + 1);  // npos + 1 == 0
    return Date::parse_iso(name.substr(0, 10));
}

std::string client_dir_path(std::string_view name) {
    return joined({kClientsDir, name});
}

std::string client_file_path(std::string_view slug) {
    return joined({kClientsDir, slug, kClientFileName});
}

std::string record_dir_path(std::string_view slug, RecordKind kind) {
    return joined({kClientsDir, slug, record_dir_name(kind)});
}

std::string record_file_path(std::string_view slug, RecordKind kind, std::string_view name) {
    return joined({kClientsDir, slug, record_dir_name(kind), name});
}

std::optional<RecordPath> parse_record_path(std::string_view path) {
    auto parts = split_path(path);
    if (parts.size() < 3 || parts[0] != kClientsDir || !is_valid_slug(parts[1]))
        return std::nullopt;
    const std::string slug(parts[1]);
    if (parts.size() == 3 && parts[2] == kClientFileName)
        return RecordPath{RecordPath::Kind::client, slug};
    if (parts.size() != 4 || !is_record_file_name(parts[3]))
        return std::nullopt;
    if (parts[2] == record_dir_name(RecordKind::visit))
        return RecordPath{RecordPath::Kind::visit, slug};
    if (parts[2] == record_dir_name(RecordKind::review))
        return RecordPath{RecordPath::Kind::review, slug};
    if (parts[2] == record_dir_name(RecordKind::opportunity))
        return RecordPath{RecordPath::Kind::opportunity, slug};
    return std::nullopt;
}

std::string inbox_file_path(std::string_view name) {
    return joined({kInboxDir, name});
}

bool is_inbox_path(std::string_view path) {
    auto parts = split_path(path);
    return parts.size() == 2 && parts[0] == kInboxDir && is_record_file_name(parts[1]);
}

std::string client_files_dir(std::string_view slug) {
    return joined({kClientsDir, slug, kClientFilesDir});
}

std::string client_kept_file_path(std::string_view slug, std::string_view name) {
    return joined({kClientsDir, slug, kClientFilesDir, name});
}

std::string safe_file_name(std::string_view name) {
    const auto slash = name.find_last_of("/\\");
    if (slash != std::string_view::npos)
        name.remove_prefix(slash + 1);
    const auto dot = name.rfind('.');
    std::string stem(name.substr(0, dot == std::string_view::npos || dot == 0 ? name.size() : dot));
    std::string extension;
    if (dot != std::string_view::npos && dot > 0) {
        for (char c : name.substr(dot + 1)) {
            const char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
            if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9'))
                extension += l;
        }
        if (extension.size() > 10)
            extension.clear();
    }
    const bool nothing = stem.find_first_not_of(" ._-") == std::string::npos;
    std::string base = nothing ? std::string("attachment") : slugify(stem);
    const std::size_t room = 80 - (extension.empty() ? 0 : extension.size() + 1);
    if (base.size() > room)
        base.resize(room);
    while (!base.empty() && base.back() == '-')
        base.pop_back();
    return extension.empty() ? base : fmt::format("{}.{}", base, extension);
}

bool is_crm_data_path(std::string_view path) {
    return path == kSettingsFile || parse_record_path(path).has_value() || is_inbox_path(path);
}

}  // namespace model
}  // namespace crm
