#include "crm/commands/init.hpp"
#include "crm/commands/common.hpp"
#include "crm/git/git.hpp"
#include "crm/model/layout.hpp"
#include "crm/schema/records.hpp"
#include "crm/store/transaction.hpp"
#include "crm/util/format.hpp"

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
    if (fs::exists(root / kSettingsFile, ec)) {
        throw RuntimeError(
            fmt::format("{} already holds a crm folder (crm.yaml exists)", root.string()),
            "nothing was changed; use it as it is");
    }
    if (fs::exists(root, ec) && !fs::is_directory(root, ec)) {
        throw RuntimeError(fmt::format("{} exists and is not a folder", root.string()));
    }
    fs::create_directories(root, ec);
    if (ec)
        throw RuntimeError(fmt::format("cannot create {}: {}", root.string(), ec.message()));

    auto git = git::Git::find(root);
    if (!git) {
        auto r = git::init_repository(root);
        if (!r.ok()) {
            ctx.warn(fmt::format("git init failed ({}); the folder works without git",
                                 r.err.substr(0, r.err.find('\n'))));
        }
        git = git::Git::find(root);
        // A repository of its own, so its settings are crm's to choose: git's own for
        // large work trees (index version 4, the untracked cache), which keep `git status`
        // and `git commit` quick in a folder of tens of thousands of records. A repository
        // crm did not create keeps the user's settings.
        if (git)
            git->run({"config", "feature.manyFiles", "true"});
    }

    // There is no crm.yaml to read `autocommit` from yet: a new folder commits.
    store::CommitPolicy policy;
    policy.enabled = !ctx.global().no_commit;
    policy.git = git;
    store::Transaction tx(root, std::move(policy));
    tx.create(std::string(kSettingsFile), schema::default_settings_yaml());
    if (!fs::exists(root / ".gitignore", ec))
        tx.create(".gitignore", kGitignore);
    tx.commit("init: crm folder");
    ctx.out() << root.string() << '\n';
    return 0;
}

}  // namespace crm::commands
