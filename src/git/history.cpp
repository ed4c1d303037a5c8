#include "crm/git/history.hpp"

#include <algorithm>

#include "crm/util/error.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::git {

std::string crm_command(std::string_view message) {
    std::string text(message);
    while (text.ends_with('\n'))
        text.pop_back();
    const std::string key = fmt::format("{}: ", kCommandTrailer);
    const auto last = text.rfind('\n');
    if (last == std::string::npos || last == 0 || text[last - 1] != '\n')
        return {};  // the trailer is a paragraph of its own, after the subject
    const std::string line = text.substr(last + 1);
    if (!line.starts_with(key))
        return {};
    std::string command = line.substr(key.size());
    const bool word = !command.empty() && std::all_of(command.begin(), command.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == ' ';
    });
    if (!word)
        return {};
    if (command != "crm" && !text.starts_with(fmt::format("{}:", command)))
        return {};
    return command;
}

std::vector<LogEntry> history(const Git& git, const std::vector<std::string>& paths,
                              std::optional<Date> since) {
    std::vector<LogEntry> out;
    if (!git.run({"rev-parse", "--verify", "--quiet", "HEAD"}).ok())
        return out;  // nothing committed yet
    std::vector<std::string> args{"-c",         "core.quotepath=off",
                                  "log",        "-z",
                                  "--no-color", "--format=%H%x1f%as%x1f%an%x1f%s%x1f%B",
                                  "--"};
    if (paths.empty())
        args.emplace_back(".");
    for (const auto& p : paths)
        args.push_back(literal(p));
    auto r = git.run(args);
    if (!r.ok())
        throw RuntimeError(fmt::format("git cannot read the history: {}", git_reason(r)));
    // Commits end with NUL (-z), which no message holds; fields end with \x1f, which no
    // name or subject git prints holds, and the message, last, is what remains.
    for (const auto& record : split(r.out, '\0')) {
        auto fields = split(record, '\x1f');
        if (fields.size() < 5)
            continue;
        LogEntry e;
        e.commit = fields[0];
        auto date = Date::parse_iso(fields[1]);
        if (!date)
            continue;
        e.date = *date;
        if (since && e.date < *since)
            continue;
        e.author = fields[2];
        e.subject = fields[3];
        std::string message = fields[4];
        for (std::size_t i = 5; i < fields.size(); ++i)
            message += '\x1f' + fields[i];
        e.command = crm_command(message);
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace crm::git
