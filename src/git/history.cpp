#include "crm/git/history.hpp"

#include "crm/util/error.hpp"
#include "crm/util/text.hpp"

namespace crm::git {

std::vector<LogEntry> history(const Git& git, const std::vector<std::string>& paths,
                              std::optional<Date> since) {
    std::vector<LogEntry> out;
    if (!git.run({"rev-parse", "--verify", "--quiet", "HEAD"}).ok())
        return out;  // nothing committed yet
    std::vector<std::string> args{
        "-c",
        "core.quotepath=off",
        "log",
        "--no-color",
        "--format=%H%x1f%as%x1f%an%x1f%s%x1f%(trailers:key=" + std::string(kCommandTrailer) +
            ",valueonly,separator=%x20)%x1e",
        "--"};
    if (paths.empty())
        args.emplace_back(".");
    for (const auto& p : paths)
        args.push_back(":(literal)" + p);
    auto r = git.run(args);
    if (!r.ok())
        throw RuntimeError("git cannot read the history: " + git_reason(r));
    // Fields of one commit end with \x1f, commits with \x1e: neither can be in a name or a
    // subject git prints.
    for (const auto& record : split(r.out, '\x1e')) {
        const auto fields = split(trim(record), '\x1f');
        if (fields.size() < 4)
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
        e.command = fields.size() > 4 ? trim(fields[4]) : "";
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace crm::git
