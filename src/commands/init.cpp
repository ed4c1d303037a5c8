#include "crm/commands/init.hpp"
#include "crm/commands/common.hpp"
#include "crm/git/git.hpp"
#include "crm/os/files.hpp"
#include "crm/os/process.hpp"
#include "crm/schema/records.hpp"

namespace crm::commands {

namespace {

constexpr const char* kGitignore =
    "# Derived by crm and rebuilt when missing: never commit these.\n"
    ".crm/\n"
    "*.crm-tmp-*\n";

}  // namespace

int init(const InitOptions& o, Context& ctx) {
    namespace fs = std::filesystem;
    fs::path root = o.dir.empty() ? ctx.folder_path() : fs::absolute(o.dir);
    std::error_code ec;
    if (fs::exists(root / "crm.yaml", ec)) {
        throw RuntimeError(root.string() + " already holds a crm folder (crm.yaml exists)",
                           "nothing was changed; use it as it is");
    }
    if (fs::exists(root, ec) && !fs::is_directory(root, ec)) {
        throw RuntimeError(root.string() + " exists and is not a folder");
    }
    fs::create_directories(root, ec);
    if (ec)
        throw RuntimeError("cannot create " + root.string() + ": " + ec.message());

    std::vector<std::string> written{"crm.yaml"};
    os::write_atomic(root, "crm.yaml", schema::default_settings_yaml(), true);
    if (!fs::exists(root / ".gitignore", ec)) {
        os::write_atomic(root, ".gitignore", kGitignore, true);
        written.push_back(".gitignore");
    }

    auto git = git::Git::find(root);
    if (!git) {
        os::ProcessOptions po;
        po.cwd = root;
        po.unset_env = git::git_unset_variables();
        auto r = os::run_process({"git", "init", "--quiet", "--", "."}, po);
        if (!r.ok()) {
            ctx.warn("git init failed (" + r.err.substr(0, r.err.find('\n')) +
                     "); the folder works without git");
        }
        git = git::Git::find(root);
        // A repository of its own, so its settings are crm's to choose: git's own for
        // large work trees (index version 4, the untracked cache), which keep `git status`
        // and `git commit` quick in a folder of tens of thousands of records. A repository
        // crm did not create keeps the user's settings.
        if (git)
            git->run({"config", "feature.manyFiles", "true"});
    }
    ctx.out() << root.string() << '\n';
    if (git && !ctx.global().no_commit)
        git->commit(written, "init: crm folder");
    return 0;
}

}  // namespace crm::commands
