#include "crm/store/local_state.hpp"

#include "crm/os/files.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::store {

std::map<std::string, std::string> read_local_state(const std::filesystem::path& root,
                                                    const std::string& name) {
    std::map<std::string, std::string> values;
    try {
        os::ensure_no_symlinks(root, fmt::format(".crm/{}", name));
    } catch (const std::exception&) {
        return values;
    }
    auto text = os::read_file(root / ".crm" / name, 64 * 1024);
    if (!text)
        return values;
    std::size_t start = 0;
    while (start < text->size()) {
        auto end = text->find('\n', start);
        if (end == std::string::npos)
            end = text->size();
        std::string line = text->substr(start, end - start);
        if (auto colon = line.find(':'); colon != std::string::npos)
            values[trim(line.substr(0, colon))] = trim(line.substr(colon + 1));
        start = end + 1;
    }
    return values;
}

std::vector<std::string> read_local_lines(const std::filesystem::path& root,
                                          const std::string& relative) {
    std::vector<std::string> lines;
    std::optional<std::string> text;
    try {
        os::ensure_no_symlinks(root, relative);
        text = os::read_file(root / relative, 1024 * 1024);
    } catch (const std::exception&) {
        return lines;
    }
    if (!text)
        return lines;
    for (auto& line : split(*text, '\n'))
        if (!line.empty() && !line.starts_with('#'))
            lines.push_back(std::move(line));
    return lines;
}

void write_local_state(const std::filesystem::path& root, const std::string& name,
                       const std::map<std::string, std::string>& values) {
    std::string text = "# Written by crm for this clone only; safe to delete.\n";
    for (const auto& [key, value] : values)
        text += fmt::format("{}: {}\n", key, value);
    os::write_atomic(root, fmt::format(".crm/{}", name), text);
}

}  // namespace crm::store
