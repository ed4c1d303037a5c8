#include "crm/commands/context.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <ostream>

#include "crm/render/progress.hpp"
#include "crm/render/terminal_text.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::commands {

Context::Context(GlobalOptions global, Environment environment, Streams streams)
    : global_(std::move(global)), environment_(std::move(environment)), streams_(streams) {}

bool Context::color() const {
    if (global_.no_color || !out_is_tty())
        return false;
    auto no_color = env("NO_COLOR");
    if (no_color && !no_color->empty())
        return false;
    return env("TERM").value_or("") != "dumb";
}

int Context::terminal_width() const {
    if (auto cols = env("COLUMNS")) {
        int n = std::atoi(cols->c_str());
        if (n > 0)
            return n;
    }
    if (!out_is_tty())
        return 0;
    return environment_.terminal.width > 0 ? environment_.terminal.width : 80;
}

Date Context::today() const {
    if (today_)
        return *today_;
    if (auto fixed = env("CRM_TODAY"); fixed && !fixed->empty()) {
        auto d = Date::parse_iso(*fixed);
        if (!d) {
            throw UsageError(fmt::format("CRM_TODAY='{}' is not a date", *fixed),
                             "set it as YYYY-MM-DD, or unset it");
        }
        today_ = *d;
    } else if (environment_.today) {
        today_ = environment_.today();
    } else {
        throw RuntimeError("no clock: the environment gives no date, and CRM_TODAY is unset");
    }
    return *today_;
}

std::string Context::user() const {
    if (user_)
        return *user_;
    if (auto u = env("CRM_USER"); u && !trim(*u).empty()) {
        user_ = trim(*u);
        return *user_;
    }
    // git's author identity, as git would write it in a commit here: GIT_AUTHOR_NAME,
    // then user.name of the folder's repository and of the user (git var also offers the
    // passwd entry's name, which is the login name's stand-in anyway).
    std::optional<std::string> name;
    os::ProcessOptions o;
    o.unset_env = git::git_unset_variables();
    std::error_code ec;
    if (const auto folder = folder_path(); std::filesystem::is_directory(folder, ec))
        o.cwd = folder;
    if (auto r = os::run_process({"git", "var", "GIT_AUTHOR_IDENT"}, o); r.ok()) {
        // "Name <email> 1700000000 +0000"
        const std::string ident = trim(r.out);
        const auto open = ident.rfind(" <");
        if (open != std::string::npos && !trim(ident.substr(0, open)).empty())
            name = trim(ident.substr(0, open));
    }
    if (!name) {
        if (auto login = env("LOGNAME"); login && !login->empty())
            name = login;
        else if (auto u = env("USER"); u && !u->empty())
            name = u;
        else if (passwd* pw = ::getpwuid(::getuid()))
            name = pw->pw_name;
    }
    user_ = name.value_or("unknown");
    return *user_;
}

namespace {

store::Discovery discovery(const GlobalOptions& global, const Context& ctx,
                           const std::filesystem::path& cwd) {
    store::DiscoveryInput in;
    if (!global.dir.empty())
        in.dir_option = global.dir;
    in.crm_dir = ctx.env("CRM_DIR");
    in.cwd = cwd;
    in.home = ctx.env("HOME");
    return store::discover(in);
}

}  // namespace

std::filesystem::path Context::folder_path() const {
    return discovery(global_, *this, environment_.cwd).root;
}

std::filesystem::path Context::existing_folder_path() const {
    const store::Discovery d = discovery(global_, *this, environment_.cwd);
    std::error_code ec;
    if (d.fallback && !std::filesystem::exists(d.root / "crm.yaml", ec)) {
        throw RuntimeError(
            fmt::format("no crm folder: no crm.yaml in {} or any folder above it, and none in {}",
                        environment_.cwd.string(), d.root.string()),
            fmt::format("create one here with 'crm init .' (or in {} with 'crm init'), or point to "
                        "yours with --dir or CRM_DIR",
                        d.root.string()));
    }
    return d.root;
}

store::Folder& Context::folder() {
    if (!folder_)
        folder_ = store::Folder::open(existing_folder_path());
    return *folder_;
}

std::vector<DataError> Context::fold_records(store::Detail detail, const store::PartsStart& start,
                                             const store::PartVisitor& visit,
                                             store::Unreadable unreadable) {
    render::ProgressLine line(err(), err_is_tty());
    return store::fold_records(folder(), detail, start, visit, line.callback(), unreadable);
}

std::vector<DataError> Context::for_each_record(store::Detail detail,
                                                const store::RecordVisitor& visit) {
    render::ProgressLine line(err(), err_is_tty());
    return store::for_each_record(folder(), detail, visit, line.callback());
}

const std::optional<git::Git>& Context::git() {
    if (!git_)
        git_ = git::Git::find(folder().root());
    return *git_;
}

store::CommitPolicy Context::commit_policy() {
    store::CommitPolicy policy;
    policy.enabled = !global_.no_commit && folder().settings().autocommit;
    policy.include_changes = global_.include_changes;
    // As before the transaction: no repository is looked for when nothing may commit.
    if (policy.enabled)
        policy.git = git();
    policy.also_committed = [this](const std::vector<std::string>& earlier) {
        std::string list;
        for (const auto& f : earlier)
            list += (list.empty() ? "" : ", ") + f;
        note(fmt::format("also committed what an earlier command could not: {}", list));
    };
    policy.note = [this](const std::string& line) { note(line); };
    if (auto pause = env("CRM_TEST_PAUSE_AFTER_STEP"))
        policy.pause_after_step = std::atoi(pause->c_str());
    policy.warn = [this](const std::string& message) { warn(message); };
    return policy;
}

store::Transaction Context::transaction() {
    return store::Transaction(folder().root(), commit_policy());
}

// Messages quote names and values from the files; they may span lines, but never
// carry a control character to the terminal.
void Context::warn(const std::string& message) const {
    err() << "crm: warning: " << render::safe_lines(message) << '\n';
}

void Context::note(const std::string& message) const {
    err() << "crm: " << render::safe_lines(message) << '\n';
}

int Context::warn_problems(const std::vector<DataError>& problems) const {
    for (const auto& p : problems)
        warn(p.what());
    if (!problems.empty()) {
        warn(fmt::format("{}{} skipped; run 'crm check' for details", problems.size(),
                         problems.size() == 1 ? " file was" : " files were"));
    }
    return problems.empty() ? 0 : 1;
}

}  // namespace crm::commands
