#include "crm/store/journal.hpp"

#include <algorithm>
#include <utility>

#include "crm/os/files.hpp"
#include "crm/store/uncommitted.hpp"
#include "crm/util/error.hpp"
#include "crm/util/format.hpp"

namespace crm::store {

namespace fs = std::filesystem;

namespace {

constexpr const char* kJournal = ".crm/journal";
constexpr std::string_view kHeader = "crm-journal 1";

// A record file is far smaller (yaml's cap); a file beyond this is not crm's to compare.
constexpr std::size_t kMaxCompared = 64 * 1024 * 1024;

// Fields are separated by tabs and lines by newlines: those, '%' and ',' (which separates
// a list's items), and every other control character, are written as %XX.
std::string escape(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (c < 0x20 || c == 0x7f || c == '%' || c == ',') {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::optional<std::string> unescape(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i];
            continue;
        }
        if (i + 2 >= s.size())
            return std::nullopt;
        const int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
        if (hi < 0 || lo < 0)
            return std::nullopt;
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return out;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    std::size_t pos = 0;
    for (;;) {
        const std::size_t at = s.find(sep, pos);
        parts.push_back(s.substr(pos, at == std::string_view::npos ? s.npos : at - pos));
        if (at == std::string_view::npos)
            return parts;
        pos = at + 1;
    }
}

std::string join_escaped(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items)
        out += (out.empty() ? "" : ",") + escape(i);
    return out;
}

constexpr std::string_view kind_name(JournalStep::Kind k) {
    switch (k) {
        case JournalStep::Kind::created:
            return "created";
        case JournalStep::Kind::replaced:
            return "replaced";
        case JournalStep::Kind::set_aside:
            return "set-aside";
        case JournalStep::Kind::renamed:
            return "renamed";
    }
    return "created";
}

std::optional<JournalStep::Kind> kind_of(std::string_view name) {
    for (auto k : {JournalStep::Kind::created, JournalStep::Kind::replaced,
                   JournalStep::Kind::set_aside, JournalStep::Kind::renamed})
        if (kind_name(k) == name)
            return k;
    return std::nullopt;
}

// A path the journal may name: inside the folder, and for the kept versions inside
// .crm/tmp. The journal is crm's own file, but a damaged one must not reach elsewhere.
bool data_path(const std::string& p) {
    const fs::path path(p);
    return !p.empty() && path.is_relative() &&
           std::find(path.begin(), path.end(), "..") == path.end() && *path.begin() != ".crm" &&
           *path.begin() != ".git";
}

bool aside_path_ok(const std::string& p) {
    const fs::path path(p);
    return p.starts_with(".crm/tmp/") && std::distance(path.begin(), path.end()) == 3 &&
           std::find(path.begin(), path.end(), "..") == path.end();
}

// Whether the file at `relative` holds exactly the bytes whose checksum is `hash`.
bool holds(const fs::path& root, const std::string& relative, std::uint64_t hash) {
    if (os::entry_kind(root / relative) != os::EntryKind::file)
        return false;
    try {
        auto text = os::read_data_file(root, relative, kMaxCompared);
        return text && content_hash(*text) == hash;
    } catch (const std::exception&) {
        return false;
    }
}

void remove_new_folders(const fs::path& root, const JournalStep& step) {
    for (auto it = step.new_folders.rbegin(); it != step.new_folders.rend(); ++it)
        os::remove_folder_if_empty(root / *it);  // one that holds something stays
}

}  // namespace

std::uint64_t content_hash(std::string_view text) {
    std::uint64_t h = 14695981039346656037ULL;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

Undone undo_step(const fs::path& root, const JournalStep& step) {
    Undone undone = Undone::not_made;
    const bool there = os::exists_no_follow(root / step.path);
    const bool aside_there = !step.aside.empty() && os::exists_no_follow(root / step.aside);
    switch (step.kind) {
        case JournalStep::Kind::created:
            if (holds(root, step.path, step.new_hash)) {
                os::remove_file(root, step.path);
                undone = Undone::taken_back;
            } else if (there) {
                undone = Undone::changed_since;
            }
            break;
        case JournalStep::Kind::replaced:
            if (holds(root, step.path, step.new_hash)) {
                if (aside_there)
                    os::put_back(root, step.aside, step.path);
                else if (step.aside.empty())
                    os::remove_file(root, step.path);  // it was new
                else
                    throw RuntimeError(fmt::format("the old version of {} is gone from {}",
                                                   step.path, step.aside));
                undone = Undone::taken_back;
            } else if (aside_there && !os::same_entry(root / step.aside, root / step.path)) {
                undone = Undone::changed_since;
            }
            break;
        case JournalStep::Kind::set_aside:
            if (aside_there) {
                if (there)
                    throw RuntimeError(fmt::format("something else is at {} now", step.path));
                os::rename_no_replace(root, step.aside, step.path);
                undone = Undone::taken_back;
            }
            break;
        case JournalStep::Kind::renamed:
            // Made when `to` is there: a rename never replaces.
            if (there) {
                if (os::exists_no_follow(root / step.from))
                    throw RuntimeError(fmt::format("something else is at {} now", step.from));
                os::rename_no_replace(root, step.path, step.from);
                undone = Undone::taken_back;
            }
            break;
    }
    remove_new_folders(root, step);
    return undone;
}

void Journal::append(const std::string& line) {
    auto fail = [&](const std::string& why) {
        return RuntimeError(fmt::format("cannot write {}: {}; nothing was changed", kJournal, why),
                            "free some space on the disk (or fix the folder's permissions), "
                            "then run the command again");
    };
    std::string text = fmt::format("{}\n", line);
    try {
        if (!file_) {
            os::ensure_private_dir(root_);
            os::ensure_no_symlinks(root_, kJournal);
            // A journal still here is one recover_journal could not finish: it is replaced.
            file_ = os::DurableFile::create(root_ / kJournal);
            text = fmt::format("{}\n{}", kHeader, text);
        }
        file_->append(text);
    } catch (const RuntimeError& e) {
        throw fail(e.what());
    }
}

namespace {

std::string step_line(const JournalStep& step) {
    return fmt::format("step\t{}\t{}\t{}\t{}\t{}\t{}", kind_name(step.kind), escape(step.path),
                       escape(step.from), escape(step.aside), step.new_hash,
                       join_escaped(step.new_folders));
}

}  // namespace

void Journal::add(const JournalStep& step) {
    append(step_line(step));
}

void Journal::add(const std::vector<JournalStep>& steps) {
    if (steps.empty())
        return;
    std::string lines;
    for (const auto& step : steps)
        lines += lines.empty() ? step_line(step) : fmt::format("\n{}", step_line(step));
    append(lines);
}

void Journal::committing(const std::vector<std::string>& paths, bool commits) {
    if (empty())
        return;
    append(fmt::format("commit\t{}\t{}", commits ? "1" : "0", join_escaped(paths)));
}

void Journal::close() {
    if (file_)
        file_->discard();
    file_.reset();
}

namespace {

struct Parsed {
    bool ok = true;
    std::vector<JournalStep> steps;
    bool committing = false;
    bool commits = false;
    std::vector<std::string> paths;
};

std::optional<std::vector<std::string>> list_of(std::string_view field) {
    std::vector<std::string> out;
    if (field.empty())
        return out;
    for (auto item : split(field, ',')) {
        auto v = unescape(item);
        if (!v)
            return std::nullopt;
        out.push_back(std::move(*v));
    }
    return out;
}

Parsed parse(const std::string& text) {
    Parsed p;
    // Only whole lines: a line cut by the kill was never acted on (write-ahead).
    const std::size_t end = text.rfind('\n');
    const auto lines = split(std::string_view(text).substr(0, end == text.npos ? 0 : end), '\n');
    if (lines.empty() || lines.front() != kHeader) {
        p.ok = text.empty();
        return p;
    }
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto f = split(lines[i], '\t');
        if (f.size() == 7 && f[0] == "step") {
            JournalStep s;
            auto kind = kind_of(f[1]);
            auto path = unescape(f[2]), from = unescape(f[3]), aside = unescape(f[4]);
            auto folders = list_of(f[6]);
            char* stop = nullptr;
            const std::string hash(f[5]);
            s.new_hash = std::strtoull(hash.c_str(), &stop, 10);
            if (!kind || !path || !from || !aside || !folders || hash.empty() || *stop ||
                !data_path(*path) || (!from->empty() && !data_path(*from)) ||
                (!aside->empty() && !aside_path_ok(*aside)) ||
                !std::all_of(folders->begin(), folders->end(), data_path)) {
                p.ok = false;
                return p;
            }
            s.kind = *kind;
            s.path = std::move(*path);
            s.from = std::move(*from);
            s.aside = std::move(*aside);
            s.new_folders = std::move(*folders);
            p.steps.push_back(std::move(s));
        } else if (f.size() == 3 && f[0] == "commit") {
            auto paths = list_of(f[2]);
            if (!paths || !std::all_of(paths->begin(), paths->end(), data_path)) {
                p.ok = false;
                return p;
            }
            p.committing = true;
            p.commits = f[1] == "1";
            p.paths = std::move(*paths);
        } else {
            p.ok = false;
            return p;
        }
    }
    return p;
}

}  // namespace

Recovered recover_journal(const fs::path& root) {
    Recovered r;
    std::optional<std::string> text;
    try {
        os::ensure_no_symlinks(root, kJournal);
        text = os::read_file(root / kJournal, kMaxCompared);
    } catch (const std::exception&) {
        return r;
    }
    if (!text)
        return r;
    const Parsed p = parse(*text);
    if (!p.ok) {
        // Not crm's journal as it writes it: nothing in it is acted on, and it is kept
        // for a person to look at.
        os::move_entry(root / kJournal, root / ".crm/journal.damaged");
        r.what = Recovered::What::damaged;
        return r;
    }
    if (p.committing) {
        // Every change was made; only the commit may be missing. git commits the paths
        // as they are now, whatever they hold.
        if (p.commits) {
            std::vector<std::string> written, removed;
            for (const auto& f : p.paths)
                (os::exists_no_follow(root / f) ? written : removed).push_back(f);
            remember_uncommitted(root, written);
            if (!removed.empty())
                remember_uncommitted_removals(root, removed);
            r.what = Recovered::What::to_commit;
            r.paths = p.paths;
        }
    } else {
        for (auto it = p.steps.rbegin(); it != p.steps.rend(); ++it) {
            try {
                const Undone u = undo_step(root, *it);
                if (u == Undone::taken_back)
                    r.paths.push_back(it->kind == JournalStep::Kind::renamed ? it->from : it->path);
                else if (u == Undone::changed_since)
                    r.left.push_back(it->path);
            } catch (const std::exception&) {
                // One step that cannot go back never blocks the next writers: what it
                // had set aside is kept out of the cleanup's way, for a person.
                std::string where;
                if (it->kind == JournalStep::Kind::set_aside &&
                    os::exists_no_follow(root / it->aside)) {
                    const fs::path kept = fs::path(".crm/kept") / fs::path(it->aside).filename();
                    if (os::make_private_folder(root / ".crm/kept") &&
                        os::move_entry(root / it->aside, root / kept))
                        where = fmt::format(" (its old version is in {})", kept.string());
                }
                r.left.push_back(it->path + where);
            }
        }
        std::reverse(r.paths.begin(), r.paths.end());
        r.what = Recovered::What::taken_back;
    }
    os::remove_if_present(root / kJournal);
    return r;
}

std::string describe(const Recovered& r) {
    auto listed = [](const std::vector<std::string>& paths) {
        std::string out;
        constexpr std::size_t kShown = 4;
        for (std::size_t i = 0; i < paths.size() && i < kShown; ++i)
            out += (i ? ", " : "") + paths[i];
        if (paths.size() > kShown)
            out += fmt::format(" and {} more", paths.size() - kShown);
        return out;
    };
    switch (r.what) {
        case Recovered::What::nothing:
            return {};
        case Recovered::What::damaged:
            return "an interrupted crm command left a journal crm cannot read; it is in "
                   ".crm/journal.damaged: look at git status";
        case Recovered::What::to_commit:
            return fmt::format(
                "an earlier crm command (interrupted, or its commit refused) wrote {} but did not "
                "commit; the next commit takes them",
                listed(r.paths));
        case Recovered::What::taken_back:
            if (r.paths.empty() && r.left.empty())
                return {};
            return fmt::format(
                "an interrupted crm command was taken back (nothing of it was committed){}{}",
                r.paths.empty() ? std::string() : fmt::format(": {}", listed(r.paths)),
                r.left.empty() ? std::string()
                               : fmt::format("; left as changed since: {}", listed(r.left)));
    }
    return {};
}

}  // namespace crm::store
