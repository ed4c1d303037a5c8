#include "crm/git/period.hpp"

#include <charconv>

#include "crm/util/error.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::git {

namespace {

// git's --since compares the committer's date, which a rebase (crm sync) moves later but
// never earlier than the author's; two days of margin cover the time zones, and the exact
// author's dates are compared here.
constexpr int kSinceMarginDays = 2;

// Splits "STATUS\0PATH\0" (or "RNNN\0OLD\0NEW\0") entries.
std::vector<FileChange> parse_files(std::string_view text) {
    std::vector<FileChange> out;
    const auto fields = split(text, '\0');
    for (std::size_t i = 0; i < fields.size();) {
        // The first status follows the format's line break.
        const std::string status = trim(fields[i]);
        if (status.empty()) {
            ++i;
            continue;
        }
        FileChange f;
        f.status = status.front();
        const bool two_paths = f.status == 'R' || f.status == 'C';
        if (i + (two_paths ? 2 : 1) >= fields.size())
            break;
        if (two_paths) {
            f.old_path = fields[i + 1];
            f.path = fields[i + 2];
            i += 3;
        } else {
            f.path = fields[i + 1];
            i += 2;
        }
        if (f.status == 'C')  // a copy adds its new path
            f.status = 'A';
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace

std::vector<PeriodCommit> commits_in_period(const Git& git, Date since, Date until,
                                            const std::vector<std::string>& pathspecs) {
    std::vector<PeriodCommit> out;
    if (!git.run({"rev-parse", "--verify", "--quiet", "HEAD"}).ok())
        return out;  // nothing committed yet
    std::vector<std::string> args{
        "-c",
        "core.quotepath=off",
        "log",
        "--no-color",
        "--no-merges",
        "--reverse",
        "-z",
        "-M",
        "--relative",
        "--name-status",
        fmt::format("--since={}T00:00:00", since.plus_days(-kSinceMarginDays)),
        "--format=%x1e%H%x1f%P%x1f%as%x1f%an%x1f",
        "--"};
    args.insert(args.end(), pathspecs.begin(), pathspecs.end());
    auto r = git.run(args);
    if (!r.ok())
        throw RuntimeError(fmt::format("git cannot read the history: {}", git_reason(r)));
    // Each commit starts with \x1e, its fields end with \x1f, its files follow.
    for (const auto& record : split(r.out, '\x1e')) {
        const std::size_t fields_end = record.rfind('\x1f');
        if (fields_end == std::string::npos)
            continue;
        const auto fields = split(std::string_view(record).substr(0, fields_end + 1), '\x1f');
        if (fields.size() < 4)
            continue;
        const auto date = Date::parse_iso(fields[2]);
        if (!date || *date < since || *date > until)
            continue;
        PeriodCommit c;
        c.commit = fields[0];
        c.parent = fields[1].substr(0, fields[1].find(' '));
        c.date = *date;
        c.author = fields[3];
        c.files = parse_files(std::string_view(record).substr(fields_end + 1));
        if (!c.files.empty())
            out.push_back(std::move(c));
    }
    return out;
}

std::vector<std::optional<std::string>> read_files_at(
    const Git& git, const std::vector<std::pair<std::string, std::string>>& commit_and_path) {
    std::vector<std::optional<std::string>> out(commit_and_path.size());
    // One request a line: a name with a line break in it cannot be asked for (and crm
    // never makes one), so it reads as absent.
    std::string input;
    std::vector<std::size_t> asked;
    for (std::size_t i = 0; i < commit_and_path.size(); ++i) {
        const auto& [commit, path] = commit_and_path[i];
        if (commit.empty() || path.find('\n') != std::string::npos)
            continue;
        format_to(input, "{}:./{}\n", commit, path);
        asked.push_back(i);
    }
    if (asked.empty())
        return out;
    auto r = git.run({"cat-file", "--batch=%(objecttype) %(objectsize)", "--buffer"}, input);
    if (!r.ok())
        throw RuntimeError(fmt::format("git cannot read the history: {}", git_reason(r)));
    // Each answer: "<type> <size>\n<content>\n", or "<name> missing\n".
    std::string_view rest = r.out;
    for (std::size_t i : asked) {
        const std::size_t nl = rest.find('\n');
        if (nl == std::string_view::npos)
            break;
        const std::string_view header = rest.substr(0, nl);
        rest.remove_prefix(nl + 1);
        if (header.ends_with(" missing") || header.ends_with(" ambiguous"))
            continue;  // no content follows
        std::size_t size = 0;
        const std::string_view digits = header.substr(header.rfind(' ') + 1);
        if (std::from_chars(digits.data(), digits.data() + digits.size(), size).ec != std::errc{} ||
            size + 1 > rest.size())
            break;
        if (!header.starts_with("blob ")) {  // a folder's tree, not a file
            rest.remove_prefix(size + 1);
            continue;
        }
        out[i] = std::string(rest.substr(0, size));
        rest.remove_prefix(size + 1);
    }
    return out;
}

}  // namespace crm::git
