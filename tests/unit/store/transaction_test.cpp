#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

#include "crm/git/git.hpp"
#include "crm/os/files.hpp"
#include "crm/os/process.hpp"
#include "crm/store/transaction.hpp"
#include "crm/store/uncommitted.hpp"
#include "crm/util/error.hpp"

#include "support/temp_folder.hpp"

namespace fs = std::filesystem;
using namespace crm;
using store::CommitPolicy;
using store::Transaction;

namespace {

std::optional<std::string> text_of(const fs::path& root, const std::string& relative) {
    return os::read_file(root / relative, 1 << 20);
}

os::ProcessResult git_in(const fs::path& root, const std::vector<std::string>& args) {
    std::vector<std::string> argv{"git"};
    argv.insert(argv.end(), args.begin(), args.end());
    os::ProcessOptions o;
    o.cwd = root;
    o.unset_env = git::git_unset_variables();
    o.set_env = {{"GIT_CONFIG_NOSYSTEM", "1"}, {"HOME", root.string()}, {"LC_ALL", "C"}};
    return os::run_process(argv, o);
}

std::string git_out(const fs::path& root, const std::vector<std::string>& args) {
    auto r = git_in(root, args);
    REQUIRE_MESSAGE(r.ok(), r.err);
    return r.out;
}

// A repository of its own with an identity and no hooks but those a test writes, and a
// first commit so that HEAD is born.
git::Git fresh_repository(const std::string& name) {
    const fs::path root = crm::test::fresh_folder(name);
    git_out(root, {"init", "--quiet", "--", "."});
    git_out(root, {"config", "user.name", "Test User"});
    git_out(root, {"config", "user.email", "test@example.invalid"});
    git_out(root, {"config", "commit.gpgsign", "false"});
    git_out(root, {"config", "core.hooksPath", ".git/hooks"});
    os::write_atomic(root, "crm.yaml", "\n");
    git_out(root, {"add", "crm.yaml"});
    git_out(root, {"commit", "--quiet", "-m", "start"});
    return *git::Git::find(root);
}

CommitPolicy committing(const git::Git& git) {
    CommitPolicy p;
    p.git = git;
    return p;
}

int commits(const fs::path& root) {
    return std::stoi(git_out(root, {"rev-list", "--count", "HEAD"}));
}

// `git show --name-status` of HEAD, renames found: "M\tpath\n"...
std::string last_commit_changes(const fs::path& root) {
    return git_out(root, {"show", "--format=", "--name-status", "-M", "HEAD"});
}

std::string last_commit_message(const fs::path& root) {
    std::string m = git_out(root, {"log", "-1", "--format=%B"});
    while (m.ends_with('\n'))
        m.pop_back();
    return m;
}

// Whether another process could take the folder lock now.
bool lock_is_free(const fs::path& root) {
    int fd = ::open((root / ".crm/lock").c_str(), O_RDWR | O_CLOEXEC);
    REQUIRE(fd >= 0);
    // A second open file description: flock treats it as another process's.
    const bool free = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
    ::close(fd);
    return free;
}

void make_commits_fail(const fs::path& root) {
    const fs::path hook = root / ".git/hooks/pre-commit";
    fs::create_directories(hook.parent_path());
    std::ofstream(hook) << "#!/bin/sh\necho refused by the hook >&2\nexit 1\n";
    fs::permissions(hook, fs::perms::owner_all);
}

void let_commits_pass(const fs::path& root) {
    fs::remove(root / ".git/hooks/pre-commit");
}

}  // namespace

TEST_CASE("create, replace, remove and rename land on disk, each path touched once") {
    const fs::path root = crm::test::fresh_folder("tx-basic");
    Transaction tx(root, CommitPolicy{});
    tx.create("clients/a/client.yaml", "name: A\n");
    tx.replace("clients/a/client.yaml", "name: A2\n");
    tx.create("clients/a/visits/v.yaml", "date: 2026-11-23\n");
    tx.rename("clients/a/visits/v.yaml", "clients/a/visits/w.yaml");
    tx.create("clients/b/client.yaml", "name: B\n");
    tx.remove("clients/b/client.yaml");
    CHECK(text_of(root, "clients/a/client.yaml") == "name: A2\n");
    CHECK_FALSE(text_of(root, "clients/a/visits/v.yaml"));
    CHECK(text_of(root, "clients/a/visits/w.yaml") == "date: 2026-11-23\n");
    CHECK_FALSE(fs::exists(root / "clients/b/client.yaml"));
    CHECK(tx.touched() ==
          std::vector<std::string>{"clients/a/client.yaml", "clients/a/visits/v.yaml",
                                   "clients/a/visits/w.yaml", "clients/b/client.yaml"});
    // No repository: nothing to commit, nothing remembered.
    CHECK_FALSE(tx.commit("test"));
    CHECK(store::uncommitted_files(root).empty());
}

TEST_CASE("create and rename never replace; remove and rename need something there") {
    const fs::path root = crm::test::fresh_folder("tx-refusals");
    Transaction tx(root, CommitPolicy{});
    tx.create("clients/a/client.yaml", "name: A\n");
    tx.create("clients/b/client.yaml", "name: B\n");
    CHECK_THROWS_AS(tx.create("clients/a/client.yaml", "name: X\n"), RuntimeError);
    CHECK_THROWS_AS(tx.rename("clients/a", "clients/b"), RuntimeError);
    CHECK_THROWS_AS(tx.rename("clients/a/client.yaml", "clients/b/client.yaml"), RuntimeError);
    CHECK_THROWS_AS(tx.remove("clients/c/client.yaml"), RuntimeError);
    CHECK_THROWS_AS(tx.rename("clients/c", "clients/d"), RuntimeError);
    CHECK(text_of(root, "clients/a/client.yaml") == "name: A\n");
    CHECK(text_of(root, "clients/b/client.yaml") == "name: B\n");
    CHECK(tx.touched().size() == 2);
}

TEST_CASE("paths outside the folder's data and links on the way are refused") {
    const fs::path base = crm::test::fresh_folder("tx-paths");
    const fs::path root = base / "crm";
    fs::create_directories(root);
    fs::create_directory_symlink(base, root / "clients");
    Transaction tx(root, CommitPolicy{});
    for (const char* bad :
         {"", "/etc/passwd", "../outside.yaml", "clients/../../x", ".crm/cache", ".git/config"})
        CHECK_THROWS_AS(tx.replace(bad, "x\n"), RuntimeError);
    CHECK_THROWS_AS(tx.create("clients/a/client.yaml", "name: A\n"), RuntimeError);
    CHECK_FALSE(fs::exists(base / "a"));
    CHECK(tx.touched().empty());
}

TEST_CASE("the folder lock is held from construction until the transaction goes") {
    const fs::path root = crm::test::fresh_folder("tx-lock");
    {
        Transaction tx(root, CommitPolicy{});
        CHECK_FALSE(lock_is_free(root));
        tx.create("clients/a/client.yaml", "name: A\n");
        tx.commit("test");
        CHECK_FALSE(lock_is_free(root));  // after the commit too, until it goes
    }
    CHECK(lock_is_free(root));
}

TEST_CASE("the lock removes what a killed crm left in .crm/tmp") {
    const fs::path root = crm::test::fresh_folder("tx-stale");
    fs::create_directories(root / ".crm/tmp/.a.crm-tmp-0123456789ab/visits");
    std::ofstream(root / ".crm/tmp/.a.crm-tmp-0123456789ab/visits/v.yaml") << "x\n";
    std::ofstream(root / ".crm/tmp/.client.yaml.crm-tmp-0123456789ab") << "half";
    Transaction tx(root, CommitPolicy{});
    CHECK(os::list_dir(root / ".crm/tmp").empty());
}

TEST_CASE("a change after commit is a programming error") {
    const fs::path root = crm::test::fresh_folder("tx-after-commit");
    Transaction tx(root, CommitPolicy{});
    tx.create("clients/a/client.yaml", "name: A\n");
    tx.commit("test");
    CHECK_THROWS_AS(tx.replace("clients/a/client.yaml", "name: B\n"), std::logic_error);
    CHECK_THROWS_AS(tx.commit("again"), std::logic_error);
    CHECK(text_of(root, "clients/a/client.yaml") == "name: A\n");
}

TEST_CASE("commit commits exactly the files touched") {
    const git::Git git = fresh_repository("tx-commit");
    const fs::path root = git.folder();
    os::write_atomic(root, "notes.txt", "not crm's\n");
    {
        Transaction tx(root, committing(git));
        tx.create("clients/a/client.yaml", "name: A\n");
        tx.create("clients/a/visits/v.yaml", "date: 2026-11-23\n");
        CHECK(tx.commit("add: A"));
    }
    CHECK(commits(root) == 2);
    CHECK(last_commit_changes(root) == "A\tclients/a/client.yaml\nA\tclients/a/visits/v.yaml\n");
    // The subject as given; the trailer that tells crm's commits from the user's after it.
    CHECK(last_commit_message(root) == "add: A\n\nCrm-Command: add");
    CHECK(git_out(root, {"status", "--porcelain"}) == "?? notes.txt\n");
    {
        Transaction tx(root, committing(git));
        tx.replace("clients/a/client.yaml", "name: A\nstage: lead\n");
        CHECK(tx.commit("set: A"));
    }
    CHECK(last_commit_changes(root) == "M\tclients/a/client.yaml\n");
}

TEST_CASE("a rename is committed as git's rename, a removal as a deletion") {
    const git::Git git = fresh_repository("tx-rename");
    const fs::path root = git.folder();
    const std::string client = "name: Acme Engineering\nstage: lead\ntier: B\n";
    const std::string visit = "date: 2026-11-23\nnotes: A long talk about the bridge.\n";
    {
        Transaction tx(root, committing(git));
        tx.create("clients/acme/client.yaml", client);
        tx.create("clients/acme/visits/v.yaml", visit);
        tx.create("clients/old/client.yaml", "name: Old\n");
        tx.commit("add");
    }
    {
        Transaction tx(root, committing(git));
        tx.rename("clients/acme", "clients/acme-engineering");
        CHECK(tx.touched() == std::vector<std::string>{"clients/acme/client.yaml",
                                                       "clients/acme/visits/v.yaml",
                                                       "clients/acme-engineering/client.yaml",
                                                       "clients/acme-engineering/visits/v.yaml"});
        CHECK(tx.commit("rename: acme"));
    }
    CHECK(last_commit_changes(root) ==
          "R100\tclients/acme/client.yaml\tclients/acme-engineering/client.yaml\n"
          "R100\tclients/acme/visits/v.yaml\tclients/acme-engineering/visits/v.yaml\n");
    CHECK_FALSE(fs::exists(root / "clients/acme"));
    {
        Transaction tx(root, committing(git));
        tx.remove("clients/old");
        tx.rename("clients/acme-engineering/visits/v.yaml",
                  "clients/acme-engineering/visits/w.yaml");
        CHECK(tx.commit("remove: old"));
    }
    CHECK(last_commit_changes(root) ==
          "R100\tclients/acme-engineering/visits/v.yaml\tclients/acme-engineering/visits/w.yaml\n"
          "D\tclients/old/client.yaml\n");
    CHECK_FALSE(fs::exists(root / "clients/old"));
    CHECK(git_out(root, {"status", "--porcelain"}).empty());
}

TEST_CASE("a file created and removed between two commits leaves nothing to commit") {
    const git::Git git = fresh_repository("tx-create-remove");
    const fs::path root = git.folder();
    Transaction tx(root, committing(git));
    tx.create("clients/a/client.yaml", "name: A\n");
    tx.remove("clients/a/client.yaml");
    CHECK_FALSE(tx.commit("nothing"));
    CHECK(commits(root) == 1);
}

TEST_CASE("nothing is committed under --no-commit, autocommit: false, or with nothing touched") {
    const git::Git git = fresh_repository("tx-no-commit");
    const fs::path root = git.folder();
    {
        CommitPolicy off = committing(git);
        off.enabled = false;
        Transaction tx(root, off);
        tx.create("clients/a/client.yaml", "name: A\n");
        CHECK_FALSE(tx.commit("test"));
    }
    CHECK(commits(root) == 1);
    CHECK(store::uncommitted_files(root).empty());  // not a failure: nothing to pick up
    {
        Transaction tx(root, committing(git));
        CHECK_FALSE(tx.commit("nothing"));
    }
    CHECK(commits(root) == 1);
}

TEST_CASE("a failed commit remembers its files, and the next commit takes them") {
    const git::Git git = fresh_repository("tx-failed");
    const fs::path root = git.folder();
    {
        Transaction tx(root, committing(git));
        tx.create("clients/a/client.yaml", "name: A\n");
        tx.create("clients/b/client.yaml", "name: B\n");
        tx.commit("add");
    }
    make_commits_fail(root);
    {
        Transaction tx(root, committing(git));
        tx.create("clients/a/visits/v.yaml", "date: 2026-11-23\n");
        tx.remove("clients/b");
        CHECK_THROWS_AS(tx.commit("refused"), RuntimeError);
        // The changes stay made.
        CHECK(text_of(root, "clients/a/visits/v.yaml"));
    }
    CHECK(store::uncommitted_files(root) == std::vector<std::string>{"clients/a/visits/v.yaml"});
    CHECK(store::uncommitted_removals(root) == std::vector<std::string>{"clients/b/client.yaml"});
    CHECK(commits(root) == 2);

    let_commits_pass(root);
    std::vector<std::string> heard;
    CommitPolicy policy = committing(git);
    policy.also_committed = [&](const std::vector<std::string>& earlier) { heard = earlier; };
    {
        Transaction tx(root, policy);
        tx.replace("clients/a/client.yaml", "name: A2\n");
        CHECK(tx.commit("set"));
    }
    CHECK(heard == std::vector<std::string>{"clients/a/visits/v.yaml", "clients/b/client.yaml"});
    CHECK(last_commit_changes(root) ==
          "M\tclients/a/client.yaml\nA\tclients/a/visits/v.yaml\nD\tclients/b/client.yaml\n");
    CHECK(last_commit_message(root) ==
          "set\n\nAlso commits what an earlier crm command wrote but could not commit:\n"
          "  clients/a/visits/v.yaml\n  clients/b/client.yaml\n\nCrm-Command: crm");
    CHECK(store::uncommitted_files(root).empty());
    CHECK(store::uncommitted_removals(root).empty());
    CHECK(git_out(root, {"status", "--porcelain"}).empty());
}

TEST_CASE("a file with changes that are not crm's is refused before it changes") {
    const git::Git git = fresh_repository("tx-foreign");
    const fs::path root = git.folder();
    {
        Transaction tx(root, committing(git));
        tx.create("clients/a/client.yaml", "name: A\n");
        tx.commit("add: A");
    }
    os::write_atomic(root, "clients/a/client.yaml", "name: A\n# mine\n");
    {
        Transaction tx(root, committing(git));
        CHECK_THROWS_WITH_AS(tx.replace("clients/a/client.yaml", "name: A\ntier: B\n"),
                             "clients/a/client.yaml has changes that are not committed",
                             RuntimeError);
        CHECK(tx.touched().empty());
    }
    CHECK(text_of(root, "clients/a/client.yaml") == "name: A\n# mine\n");
    // Without a commit nothing is asked.
    {
        CommitPolicy off = committing(git);
        off.enabled = false;
        Transaction tx(root, off);
        tx.replace("clients/a/client.yaml", "name: A\n# mine\n");
        tx.commit("set: A");
    }
    // With include_changes the change goes along, and the message says so.
    {
        CommitPolicy include = committing(git);
        include.include_changes = true;
        Transaction tx(root, include);
        tx.replace("clients/a/client.yaml", "name: A\n# mine\ntier: B\n");
        CHECK(tx.commit("set: A"));
    }
    CHECK(last_commit_message(root) ==
          "set: A\n\nIncludes changes that were not crm's (--include-changes):\n"
          "  clients/a/client.yaml\n\nCrm-Command: set");
}

TEST_CASE("a new path git's index has is refused at the commit, and nothing stays") {
    const git::Git git = fresh_repository("tx-taken");
    const fs::path root = git.folder();
    {
        Transaction tx(root, committing(git));
        tx.create("clients/a/client.yaml", "name: A\n");
        tx.commit("add: A");
    }
    // Deleted on disk only, as a sparse checkout leaves it: git's index still has it.
    fs::remove(root / "clients/a/client.yaml");
    {
        Transaction tx(root, committing(git));
        tx.create("clients/a/client.yaml", "name: Other\n");
        CHECK_THROWS_WITH_AS(tx.commit("add: Other"),
                             doctest::Contains("clients/a/client.yaml is in git's index but "
                                               "not on disk"),
                             RuntimeError);
    }
    CHECK_FALSE(fs::exists(root / "clients/a/client.yaml"));
    CHECK(commits(root) == 2);
}

TEST_CASE("the command's message is one line, its control characters spaces") {
    const git::Git git = fresh_repository("tx-control");
    const fs::path root = git.folder();
    Transaction tx(root, committing(git));
    tx.create("clients/a/client.yaml", "name: A\n");
    REQUIRE(tx.commit("add-client: A\x1b[2J\r\nB\tC\x7f"));
    CHECK(last_commit_message(root) == "add-client: A [2J  B C\n\nCrm-Command: add-client");
}

TEST_CASE("the trailer names the command the subject starts with") {
    const git::Git git = fresh_repository("tx-trailer");
    const fs::path root = git.folder();
    for (const auto& [message, command] : std::vector<std::pair<std::string, std::string>>{
             {"log-visit: Acme (2026-11-23 visit)", "log-visit"},
             {"contact add: Acme (Jane Doe)", "contact add"},
             {"Something: odd", "crm"},
             {"no colon at all", "crm"}}) {
        Transaction tx(root, committing(git));
        tx.replace("clients/a/client.yaml", "name: " + message + "\n");
        REQUIRE(tx.commit(message));
        CHECK(git_out(root, {"log", "-1", "--format=%s"}) == message + "\n");
        CHECK(git_out(root, {"log", "-1", "--format=%(trailers:key=Crm-Command,valueonly)"}) ==
              command + "\n\n");
    }
}

namespace {

// Every file below `root` (but .crm and .git) with its bytes: the folder as a reader sees it.
std::map<std::string, std::string> snapshot(const fs::path& root) {
    std::map<std::string, std::string> files;
    for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
         ++it) {
        const std::string rel = fs::relative(it->path(), root).string();
        if (rel == ".crm" || rel == ".git") {
            it.disable_recursion_pending();
            continue;
        }
        files[rel + (it->is_directory() ? "/" : "")] =
            it->is_directory() ? "" : text_of(root, rel).value_or("?");
    }
    return files;
}

void seed(const fs::path& root, const CommitPolicy& policy = {}) {
    Transaction tx(root, policy);
    tx.create("clients/a/client.yaml", "name: A\n");
    tx.create("clients/a/visits/v1.yaml", "date: 2026-11-01\n");
    tx.create("clients/b/client.yaml", "name: B\n");
    tx.create("clients/b/visits/v2.yaml", "date: 2026-11-02\n");
    tx.create("clients/b/reviews/r.yaml", "date: 2026-11-03\n");
    tx.commit("seed");
}

}  // namespace

TEST_CASE("a transaction that goes without a commit takes back every change, newest first") {
    const fs::path root = crm::test::fresh_folder("tx-rollback");
    seed(root);
    fs::permissions(root / "clients/a/client.yaml", fs::perms::owner_read | fs::perms::owner_write);
    const auto before = snapshot(root);
    try {
        Transaction tx(root, CommitPolicy{});
        // A merge of b into a, failing at its last step.
        tx.rename("clients/b/visits/v2.yaml", "clients/a/visits/v2.yaml");
        tx.rename("clients/b/reviews/r.yaml", "clients/a/reviews/r.yaml");  // a new folder
        tx.replace("clients/a/client.yaml", "name: A\nnotes: B's too\n");
        tx.create("clients/a/opportunities/o.yaml", "title: x\n");
        tx.remove("clients/b");
        tx.rename("clients/a", "clients/a2");
        CHECK(snapshot(root) != before);
        throw std::runtime_error("a step failed");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()) == "a step failed");
    }
    CHECK(snapshot(root) == before);
    CHECK((fs::status(root / "clients/a/client.yaml").permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write));
    // What was set aside is back, nothing is left in .crm/tmp.
    CHECK(os::list_dir(root / ".crm/tmp").empty());
}

TEST_CASE("rollback on request; a change after it starts afresh") {
    const fs::path root = crm::test::fresh_folder("tx-rollback-explicit");
    seed(root);
    const auto before = snapshot(root);
    Transaction tx(root, CommitPolicy{});
    tx.remove("clients/a/visits/v1.yaml");
    tx.create("clients/c/client.yaml", "name: C\n");
    CHECK(tx.touched().size() == 2);
    tx.rollback();
    CHECK(snapshot(root) == before);
    CHECK(tx.touched().empty());
    tx.replace("clients/a/client.yaml", "name: A2\n");
    CHECK(tx.touched() == std::vector<std::string>{"clients/a/client.yaml"});
    tx.commit("set");
    CHECK(text_of(root, "clients/a/client.yaml") == "name: A2\n");
}

TEST_CASE("after commit the changes stand, and a removal is really gone") {
    const git::Git git = fresh_repository("tx-rollback-after-commit");
    const fs::path root = git.folder();
    seed(root, committing(git));
    {
        Transaction tx(root, committing(git));
        tx.remove("clients/b");
        CHECK_FALSE(fs::exists(root / "clients/b"));
        CHECK_FALSE(os::list_dir(root / ".crm/tmp").empty());  // set aside until the commit
        CHECK(tx.commit("rm: B"));
        CHECK(os::list_dir(root / ".crm/tmp").empty());
    }
    CHECK_FALSE(fs::exists(root / "clients/b"));
    // A refused commit leaves the changes made, as before.
    make_commits_fail(root);
    {
        Transaction tx(root, committing(git));
        tx.remove("clients/a/visits/v1.yaml");
        CHECK_THROWS_AS(tx.commit("refused"), RuntimeError);
    }
    CHECK_FALSE(fs::exists(root / "clients/a/visits/v1.yaml"));
    CHECK(store::uncommitted_removals(root) ==
          std::vector<std::string>{"clients/a/visits/v1.yaml"});
}

TEST_CASE("a rollback that cannot put a path back says which, after trying the others") {
    const fs::path root = crm::test::fresh_folder("tx-rollback-fails");
    seed(root);
    Transaction tx(root, CommitPolicy{});
    tx.rename("clients/a/visits/v1.yaml", "clients/b/visits/v1.yaml");
    tx.replace("clients/b/client.yaml", "name: B2\n");
    // Someone puts a file where the rename must go back to.
    std::ofstream(root / "clients/a/visits/v1.yaml") << "in the way\n";
    try {
        tx.rollback();
        FAIL("rollback did not throw");
    } catch (const RuntimeError& e) {
        CHECK(std::string(e.what()).find("could not put back clients/b/visits/v1.yaml") !=
              std::string::npos);
    }
    CHECK(text_of(root, "clients/b/client.yaml") == "name: B\n");  // the other step went back
    CHECK(text_of(root, "clients/b/visits/v1.yaml") == "date: 2026-11-01\n");
}

TEST_CASE("staged files land at commit, all together, and are committed with the rest") {
    const git::Git git = fresh_repository("tx-stage");
    const fs::path root = git.folder();
    {
        Transaction tx(root, committing(git));
        tx.create("clients/a/client.yaml", "name: A\n");
        tx.stage("clients/a/visits/v1.yaml", "date: 2026-11-23\n");
        tx.stage("inbox/m.yaml", "date: 2026-11-24\n");
        // Written, not yet named: only a temporary file in .crm/tmp holds them.
        CHECK_FALSE(fs::exists(root / "clients/a/visits/v1.yaml"));
        CHECK(os::list_dir(root / ".crm/tmp").size() == 2);
        CHECK_THROWS_AS(tx.stage("inbox/m.yaml", "again\n"), RuntimeError);
        CHECK(tx.touched() == std::vector<std::string>{"clients/a/client.yaml",
                                                       "clients/a/visits/v1.yaml", "inbox/m.yaml"});
        CHECK(tx.commit("log-email: 2 messages"));
    }
    CHECK(text_of(root, "clients/a/visits/v1.yaml") == "date: 2026-11-23\n");
    CHECK(text_of(root, "inbox/m.yaml") == "date: 2026-11-24\n");
    CHECK(os::list_dir(root / ".crm/tmp").empty());
    CHECK(last_commit_changes(root) ==
          "A\tclients/a/client.yaml\nA\tclients/a/visits/v1.yaml\nA\tinbox/m.yaml\n");
}

TEST_CASE("staged files never land when the transaction goes without a commit") {
    const fs::path root = crm::test::fresh_folder("tx-stage-rollback");
    {
        Transaction tx(root, CommitPolicy{});
        tx.stage("clients/a/visits/v1.yaml", "date: 2026-11-23\n");
        tx.create("clients/a/client.yaml", "name: A\n");
    }
    CHECK_FALSE(fs::exists(root / "clients/a"));
    CHECK(os::list_dir(root / ".crm/tmp").empty());
    // A staged path that exists already is refused at once: nothing of the transaction
    // stays.
    os::write_atomic(root, "clients/b/visits/v.yaml", "date: 2026-01-01\n");
    {
        Transaction tx(root, CommitPolicy{});
        tx.stage("clients/b/visits/new.yaml", "date: 2026-11-23\n");
        CHECK_THROWS_WITH_AS(tx.stage("clients/b/visits/v.yaml", "date: 2026-11-23\n"),
                             doctest::Contains("already exists"), RuntimeError);
    }
    CHECK_FALSE(fs::exists(root / "clients/b/visits/new.yaml"));
    CHECK(text_of(root, "clients/b/visits/v.yaml") == "date: 2026-01-01\n");
    CHECK(os::list_dir(root / ".crm/tmp").empty());
}
