#include "crm/git/blobs.hpp"

#include "crm/os/files.hpp"
#include "crm/util/text.hpp"

namespace crm::git {

std::map<std::string, std::string> blobs_in(const Git& git, const std::string& commit,
                                            const std::vector<std::string>& paths) {
    std::map<std::string, std::string> out;
    if (paths.empty() || commit.empty() || commit.starts_with('-'))
        return out;
    std::vector<std::string> args{"ls-tree", "-z", "--end-of-options", commit, "--"};
    for (const auto& p : paths)
        args.push_back(literal(p));
    const auto r = git.run(args);
    if (!r.ok())
        return out;
    // "<mode> SP <type> SP <id> TAB <path>", each ended by NUL.
    std::size_t pos = 0;
    while (pos < r.out.size()) {
        const std::size_t end = std::min(r.out.find('\0', pos), r.out.size());
        const std::string_view entry(r.out.data() + pos, end - pos);
        pos = end + 1;
        const std::size_t tab = entry.find('\t');
        if (tab == std::string_view::npos)
            continue;
        const std::string_view meta = entry.substr(0, tab);
        const std::size_t last_space = meta.rfind(' ');
        if (last_space == std::string_view::npos || meta.find(" blob ") == std::string_view::npos)
            continue;
        out.emplace(std::string(entry.substr(tab + 1)), std::string(meta.substr(last_space + 1)));
    }
    return out;
}

std::map<std::string, std::string> blobs_on_disk(const Git& git,
                                                 const std::vector<std::string>& paths) {
    std::map<std::string, std::string> out;
    std::vector<std::string> files;
    for (const auto& p : paths)
        if (os::entry_kind(git.folder() / p) == os::EntryKind::file)
            files.push_back(p);
    if (files.empty())
        return out;
    // The path names the file and chooses its filters, as `git add` would; nothing is
    // written to the object store.
    std::vector<std::string> args{"hash-object", "--"};
    args.insert(args.end(), files.begin(), files.end());
    const auto r = git.run(args);
    if (!r.ok())
        return out;
    auto ids = split(r.out, '\n');
    if (!ids.empty() && ids.back().empty())
        ids.pop_back();
    if (ids.size() != files.size())
        return out;
    for (std::size_t i = 0; i < files.size(); ++i)
        out.emplace(files[i], ids[i]);
    return out;
}

}  // namespace crm::git
