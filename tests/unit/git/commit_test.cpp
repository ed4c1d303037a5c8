// Git::commit through the fake git: the exact argument vectors, and what each answer of
// git makes crm do (retry, wait, refuse, name the paths).
#include <doctest/doctest.h>

#include <algorithm>

#include "fake_git.hpp"

using namespace crm;
using crm::test::failed;
using crm::test::FakeRepository;
using crm::test::ok;

namespace {

const std::string kAdd = "add --intent-to-add -- :(literal)clients/acme/client.yaml";
const std::string kCommit =
    "commit --quiet --only -m add-client: Acme -- :(literal)clients/acme/client.yaml";
const std::string kLockBusy =
    "fatal: Unable to create '/r/.git/index.lock': File exists.\n\nAnother git process "
    "seems to be running";
const std::string kHeadMoved = "fatal: cannot lock ref 'HEAD': is at 1111 but expected 2222";

}  // namespace

TEST_CASE("commit adds the new file with intent to add, then commits only it") {
    FakeRepository repo;
    repo.file("clients/acme/client.yaml");
    CHECK(repo.git.commit({"clients/acme/client.yaml"}, "add-client: Acme"));
    CHECK(repo.fake.commands() == std::vector<std::string>{kAdd, kCommit});
    // git runs in the folder, with the variables that point it elsewhere removed and its
    // messages in English (crm reads them).
    const auto& o = repo.fake.calls.back().options;
    CHECK(o.cwd == repo.folder);
    for (const char* v : {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"})
        CHECK(std::find(o.unset_env.begin(), o.unset_env.end(), v) != o.unset_env.end());
    CHECK(std::find(o.set_env.begin(), o.set_env.end(),
                    std::pair<std::string, std::string>{"LC_ALL", "C"}) != o.set_env.end());
    CHECK(repo.fake.waits == 0);
}

TEST_CASE("a file gone from the folder commits its removal when git has it, without an add") {
    FakeRepository repo;
    repo.fake.on("ls-files -z --cached --with-tree=HEAD -- :(literal)clients/gone/client.yaml",
                 {ok(std::string("clients/gone/client.yaml") + '\0')});
    CHECK(repo.git.commit({"clients/gone/client.yaml"}, "rm: Gone"));
    CHECK(repo.fake.count("add") == 0);
    CHECK(repo.fake.commands().back() ==
          "commit --quiet --only -m rm: Gone -- :(literal)clients/gone/client.yaml");
}

TEST_CASE("a file gone that git never had leaves nothing to commit, and no git commit runs") {
    FakeRepository repo;
    repo.fake.on("ls-files -z --cached --with-tree=HEAD -- :(literal)clients/new/client.yaml",
                 {ok()});
    CHECK_FALSE(repo.git.commit({"clients/new/client.yaml"}, "x"));
    CHECK(repo.fake.count("commit") == 0);
}

TEST_CASE("the commit is tried again while another git moves HEAD under it") {
    FakeRepository repo;
    repo.file("clients/acme/client.yaml");
    repo.fake.on(kCommit, {failed(kHeadMoved), failed(kHeadMoved), ok()});
    CHECK(repo.git.commit({"clients/acme/client.yaml"}, "add-client: Acme"));
    CHECK(repo.fake.commands() == std::vector<std::string>{kAdd, kCommit, kCommit, kCommit});
    CHECK(repo.fake.waits == 2);
}

TEST_CASE("HEAD kept moving for the whole wait: refused, saying the data is saved") {
    FakeRepository repo;
    repo.file("clients/acme/client.yaml");
    repo.fake.on(kCommit, {failed(kHeadMoved)});
    try {
        repo.git.commit({"clients/acme/client.yaml"}, "add-client: Acme");
        FAIL("committed");
    } catch (const RuntimeError& e) {
        CHECK(std::string(e.what()).find("another git process kept committing") !=
              std::string::npos);
        CHECK(e.hint().find("the data is saved in clients/acme/client.yaml") != std::string::npos);
    }
    CHECK(repo.fake.waited >= std::chrono::milliseconds(git::Git::kLockWaitMs));
}

TEST_CASE("index.lock held by another git: waited for, then the add goes through") {
    FakeRepository repo;
    repo.file("clients/acme/client.yaml");
    repo.fake.on(kAdd, {failed(kLockBusy, 128), failed(kLockBusy, 128), ok()});
    CHECK(repo.git.commit({"clients/acme/client.yaml"}, "add-client: Acme"));
    CHECK(repo.fake.commands() == std::vector<std::string>{kAdd, kAdd, kAdd, kCommit});
    CHECK(repo.fake.waits == 2);
    // The first waits are short: an editor's `git status` holds the lock for milliseconds.
    CHECK(repo.fake.waited == std::chrono::milliseconds(10 + 20));
}

TEST_CASE("index.lock never released: refused naming the lock file, and nothing committed") {
    FakeRepository repo;
    repo.file("clients/acme/client.yaml");
    repo.fake.on(kAdd, {failed(kLockBusy, 128)});
    try {
        repo.git.commit({"clients/acme/client.yaml"}, "add-client: Acme");
        FAIL("committed");
    } catch (const RuntimeError& e) {
        CHECK(std::string(e.what()) ==
              "not committed: another git process is using the repository (" +
                  (repo.git_dir / "index.lock").string() + " exists)");
    }
    CHECK(repo.fake.count("commit") == 0);
    CHECK(repo.fake.waited >= std::chrono::milliseconds(git::Git::kLockWaitMs));
}

TEST_CASE("paths git add refuses are named, each asked of git on its own") {
    FakeRepository repo;
    repo.file("clients/a/client.yaml");
    repo.file("clients/b/client.yaml");
    const std::string both =
        "add --intent-to-add -- :(literal)clients/a/client.yaml "
        ":(literal)clients/b/client.yaml";
    const std::string sparse =
        "The following paths and/or pathspecs matched paths that exist\noutside of your "
        "sparse-checkout definition, so will not be updated in the index:";
    repo.fake.on(both, {failed(sparse)});
    repo.fake.on("add --intent-to-add -- :(literal)clients/b/client.yaml", {failed(sparse)});
    try {
        repo.git.commit({"clients/a/client.yaml", "clients/b/client.yaml"}, "import: 2 clients");
        FAIL("committed");
    } catch (const git::PathsRefused& e) {
        CHECK(e.paths() == std::vector<std::string>{"clients/b/client.yaml"});
        CHECK(std::string(e.what()) ==
              "not committed: git add failed: git does not take a path outside this clone's "
              "sparse checkout");
    }
    CHECK(repo.fake.commands() ==
          std::vector<std::string>{both, "add --intent-to-add -- :(literal)clients/a/client.yaml",
                                   "add --intent-to-add -- :(literal)clients/b/client.yaml"});
}

TEST_CASE("a user's commit that wrote back an older index: the add is said again") {
    FakeRepository repo;
    repo.file("clients/acme/client.yaml");
    repo.fake.on(kCommit,
                 {failed("error: pathspec ':(literal)clients/acme/client.yaml' did not match any "
                         "file(s) known to git"),
                  ok()});
    CHECK(repo.git.commit({"clients/acme/client.yaml"}, "add-client: Acme"));
    CHECK(repo.fake.commands() == std::vector<std::string>{kAdd, kCommit, kAdd, kCommit});
}

TEST_CASE("git's answers become crm's refusals, the data kept") {
    FakeRepository repo;
    repo.file("clients/acme/client.yaml");
    SUBCASE("nothing to commit is no error") {
        repo.fake.on(kCommit, {{1, "nothing to commit, working tree clean\n", ""}});
        CHECK_FALSE(repo.git.commit({"clients/acme/client.yaml"}, "add-client: Acme"));
    }
    SUBCASE("no identity") {
        repo.fake.on(kCommit, {failed("*** Please tell me who you are.\n\nRun\n")});
        CHECK_THROWS_WITH_AS(repo.git.commit({"clients/acme/client.yaml"}, "add-client: Acme"),
                             "not committed: git does not know who you are", RuntimeError);
    }
    SUBCASE("a hook refuses") {
        repo.fake.on(kCommit, {failed("error: pre-commit said no\n")});
        CHECK_THROWS_WITH_AS(repo.git.commit({"clients/acme/client.yaml"}, "add-client: Acme"),
                             "not committed: git commit failed: pre-commit said no", RuntimeError);
    }
    SUBCASE("git refuses another user's repository") {
        repo.fake.on(kAdd, {failed("fatal: detected dubious ownership in repository at "
                                   "'/srv/crm'\nTo add an exception...")});
        CHECK_THROWS_WITH_AS(repo.git.commit({"clients/acme/client.yaml"}, "add-client: Acme"),
                             "git refuses to work in /srv/crm: it belongs to another user of "
                             "this machine, and git does not trust it (dubious ownership)",
                             RuntimeError);
    }
}

TEST_CASE("a merge in progress or a detached HEAD stops the commit before any git runs") {
    FakeRepository repo;
    repo.file("clients/acme/client.yaml");
    SUBCASE("merge") {
        crm::test::write_file(repo.git_dir / "MERGE_HEAD", "1111\n");
        CHECK_THROWS_WITH_AS(repo.git.commit({"clients/acme/client.yaml"}, "x"),
                             "not committed: a merge is in progress", RuntimeError);
    }
    SUBCASE("detached") {
        crm::test::write_file(repo.git_dir / "HEAD", "1111222233334444\n");
        CHECK_THROWS_WITH_AS(repo.git.commit({"clients/acme/client.yaml"}, "x"),
                             "not committed: HEAD is detached (no branch is checked out)",
                             RuntimeError);
    }
    CHECK(repo.fake.calls.empty());
}
