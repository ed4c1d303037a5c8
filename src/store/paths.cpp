#include "crm/store/paths.hpp"

#include <algorithm>
#include <optional>
#include <random>

#include "crm/model/slug.hpp"
#include "crm/os/files.hpp"
#include "crm/util/format.hpp"

namespace crm::store {

namespace fs = std::filesystem;

namespace {

// What is at `relative` below `root`, through no link: nullopt when a folder on the way
// is missing, is a link or is no folder; else what the last part is.
os::EntryKind entry_below(const fs::path& root, std::string_view relative) {
    fs::path current = root;
    const fs::path rel(relative);
    os::EntryKind kind = os::EntryKind::missing;
    for (auto it = rel.begin(); it != rel.end(); ++it) {
        current /= *it;
        kind = os::entry_kind(current);
        if (std::next(it) != rel.end() && kind != os::EntryKind::folder)
            return os::EntryKind::missing;
    }
    return kind;
}

// A regular file, every folder on the way a real one: readers never follow a link (and
// `crm check` reports it).
bool is_file(const fs::path& root, std::string_view relative) {
    return entry_below(root, relative) == os::EntryKind::file;
}

bool is_real_dir(const fs::path& root, std::string_view relative) {
    return entry_below(root, relative) == os::EntryKind::folder;
}

std::string random_hex(int digits) {
    static std::random_device device;
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s;
    for (int i = 0; i < digits; ++i)
        s += kHex[device() & 0xF];
    return s;
}

}  // namespace

std::vector<std::string> client_dir_names(const fs::path& root) {
    std::vector<std::string> names;
    for (auto& name : os::list_dir(root / kClientsDir))
        if (!is_hidden_name(name))
            names.push_back(std::move(name));
    return names;
}

std::vector<std::string> client_slugs(const fs::path& root) {
    std::vector<std::string> slugs;
    if (!is_real_dir(root, kClientsDir))
        return slugs;
    for (auto& name : os::list_dir(root / kClientsDir))
        if (is_valid_slug(name) && has_client(root, name))
            slugs.push_back(std::move(name));
    return slugs;
}

bool has_client(const fs::path& root, std::string_view slug) {
    // A link in place of client.yaml still makes a client, one whose file cannot be read.
    const auto kind = entry_below(root, client_file_path(slug));
    return kind == os::EntryKind::file || kind == os::EntryKind::link;
}

bool is_linked_folder(const fs::path& root, std::string_view relative) {
    return os::entry_kind(root / relative) == os::EntryKind::link;
}

bool client_dir_taken(const fs::path& root, std::string_view slug) {
    return os::exists_no_follow(root / client_dir_path(slug));
}

std::vector<std::string> record_files(const fs::path& root, std::string_view slug,
                                      RecordKind kind) {
    std::vector<std::string> files;
    if (!is_real_dir(root, record_dir_path(slug, kind)))
        return files;
    for (const auto& name : os::list_dir(root / record_dir_path(slug, kind)))
        if (is_record_file_name(name))
            files.push_back(record_file_path(slug, kind, name));
    return files;
}

std::vector<std::string> client_files(const fs::path& root, std::string_view slug) {
    std::vector<std::string> files{client_file_path(slug)};
    for (RecordKind kind : kRecordKinds)
        for (auto& file : record_files(root, slug, kind))
            files.push_back(std::move(file));
    return files;
}

std::vector<std::string> client_dir_files(const fs::path& root, std::string_view slug) {
    std::vector<std::string> files;
    const std::string dir = client_dir_path(slug);
    if (!is_real_dir(root, dir))
        return files;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(root / dir, ec), end; !ec && it != end;
         it.increment(ec)) {
        if (it->is_symlink(ec) || !it->is_directory(ec))
            files.push_back((fs::path(dir) / it->path().lexically_relative(root / dir)).string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::optional<std::string> find_record_file(const fs::path& root, std::string_view slug,
                                            std::string_view given) {
    std::string_view rel = given;
    const std::string base = fmt::format("{}/", client_dir_path(slug));
    if (rel.starts_with(base))
        rel.remove_prefix(base.size());
    // "visits/NAME" and the like name their kind; a bare NAME may be any.
    std::vector<std::pair<RecordKind, std::string_view>> candidates;
    for (RecordKind kind : kRecordKinds) {
        const std::string dir = fmt::format("{}/", record_dir_name(kind));
        if (rel.starts_with(dir))
            candidates.emplace_back(kind, rel.substr(dir.size()));
    }
    if (candidates.empty())
        for (RecordKind kind : kRecordKinds)
            candidates.emplace_back(kind, rel);
    for (const auto& [kind, name] : candidates) {
        // One name inside the kind's folder: never a path into another folder.
        if (!is_record_file_name(name) || name.find_first_of("/\\") != std::string_view::npos)
            continue;
        std::string file = record_file_path(slug, kind, name);
        if (is_file(root, file))
            return file;
    }
    return std::nullopt;
}

std::string new_record_path(const fs::path& root, std::string_view slug, RecordKind kind, Date date,
                            const std::string& author) {
    std::string who = slugify(author.empty() ? "someone" : author);
    if (who.size() > 24)
        who.resize(24);
    while (!who.empty() && who.back() == '-')
        who.pop_back();
    for (;;) {
        std::string path =
            record_file_path(slug, kind, fmt::format("{}-{}-{}.yaml", date, who, random_hex(6)));
        std::error_code ec;
        if (!fs::exists(root / path, ec))
            return path;
    }
}

std::vector<std::string> inbox_files(const fs::path& root) {
    std::vector<std::string> files;
    for (const auto& name : os::list_dir(root / kInboxDir))
        if (is_record_file_name(name))
            files.push_back(inbox_file_path(name));
    return files;
}

std::string new_inbox_path(const fs::path& root, Date date) {
    for (;;) {
        std::string path = inbox_file_path(fmt::format("{}-{}.yaml", date, random_hex(6)));
        std::error_code ec;
        if (!fs::exists(root / path, ec))
            return path;
    }
}

}  // namespace crm::store
