// crm undo's git through the fake git: the reset that only moves HEAD if it is still the
// commit, the restore of exactly its files, and the revert committed with --only.
#include <doctest/doctest.h>

#include "crm/git/undo.hpp"
#include "fake_git.hpp"

using namespace crm;
using crm::test::failed;
using crm::test::FakeRepository;
using crm::test::ok;

namespace {

git::CommitInfo last_commit() {
    git::CommitInfo c;
    c.id = "1234abcd";
    c.subject = "log-visit: Acme (2026-11-23 visit)";
    c.files = {"clients/acme/visits/2026-11-23-visit.yaml", "clients/acme/client.yaml"};
    return c;
}

}  // namespace

TEST_CASE("reset: HEAD moves back only if it is still the commit, then its files come back") {
    FakeRepository repo;
    git::reset_commit(repo.git, last_commit(), {"clients/acme/client.yaml"});
    CHECK(repo.fake.commands() ==
          std::vector<std::string>{
              "update-ref -m crm undo: log-visit: Acme (2026-11-23 visit) HEAD 1234abcd~1 "
              "1234abcd",
              "restore --source=HEAD --staged --worktree --pathspec-from-file=- "
              "--pathspec-file-nul"});
    // The paths go on stdin, literal and from the top, the kept one left out.
    CHECK(repo.fake.calls.back().input ==
          std::string(":(top,literal)clients/acme/visits/2026-11-23-visit.yaml") + '\0');
}

TEST_CASE("reset: a commit made meanwhile makes update-ref refuse, and nothing is restored") {
    FakeRepository repo;
    repo.fake.on(
        "update-ref -m crm undo: log-visit: Acme (2026-11-23 visit) HEAD 1234abcd~1 "
        "1234abcd",
        {failed("fatal: update_ref failed for ref 'HEAD': cannot lock ref 'HEAD': is at "
                "9999 but expected 1234abcd")});
    CHECK_THROWS_WITH_AS(git::reset_commit(repo.git, last_commit(), {}),
                         "git could not move HEAD back: update_ref failed for ref 'HEAD': cannot "
                         "lock ref 'HEAD': is at 9999 but expected 1234abcd",
                         RuntimeError);
    CHECK(repo.fake.count("restore") == 0);
}

TEST_CASE("reset: index.lock held all along refuses before anything runs") {
    FakeRepository repo;
    crm::test::write_file(repo.git_dir / "index.lock", "");
    CHECK_THROWS_WITH_AS(git::reset_commit(repo.git, last_commit(), {}),
                         ("another git process is using the repository (" +
                          (repo.git_dir / "index.lock").string() + " exists)")
                             .c_str(),
                         RuntimeError);
    CHECK(repo.fake.calls.empty());
    CHECK(repo.fake.waited >= std::chrono::milliseconds(git::Git::kLockWaitMs));
}

TEST_CASE("revert: git revert --no-commit, then a commit of exactly the commit's files") {
    FakeRepository repo;
    repo.fake.on("rev-parse HEAD", {ok("5678\n")});
    CHECK(git::revert_commit(repo.git, last_commit()) == "5678");
    CHECK(repo.fake.commands() ==
          std::vector<std::string>{
              "revert --no-commit 1234abcd",
              "commit --quiet --only -m Revert \"log-visit: Acme (2026-11-23 visit)\"\n\nThis "
              "reverts commit 1234abcd. -- :(top,literal)clients/acme/visits/2026-11-23-visit.yaml "
              ":(top,literal)clients/acme/client.yaml",
              "rev-parse HEAD"});
}

TEST_CASE("revert: a refused commit aborts the revert git left in progress") {
    FakeRepository repo;
    repo.fake.when("revert --no-commit 1234abcd",
                   [&] { crm::test::write_file(repo.git_dir / "REVERT_HEAD", "1234abcd\n"); });
    repo.fake.on(
        "commit --quiet --only -m Revert \"log-visit: Acme (2026-11-23 visit)\"\n\nThis reverts "
        "commit 1234abcd. -- :(top,literal)clients/acme/visits/2026-11-23-visit.yaml "
        ":(top,literal)clients/acme/client.yaml",
        {failed("error: the hook said no")});
    CHECK_THROWS_WITH_AS(git::revert_commit(repo.git, last_commit()),
                         "git could not commit the revert: the hook said no", RuntimeError);
    CHECK(repo.fake.commands().back() == "revert --abort");
}

TEST_CASE("head_commit reads the last commit, its files and whether it is this clone's") {
    FakeRepository repo;
    repo.fake.on("log -1 --no-color --format=%H%x1f%s%x1f%an <%ae>%x1f%ae%x1f%P%x1f%B HEAD",
                 {ok("1234abcd\x1flog-visit: Acme\x1f"
                     "Bob <bob@x.example>\x1f"
                     "Bob@X.example\x1f"
                     "0000\x1flog-visit: Acme\n\nCrm-Command: log-visit\n")});
    repo.fake.on("var GIT_AUTHOR_IDENT", {ok("Bob <bob@x.example> 1700000000 +0000\n")});
    repo.fake.on(
        "-c core.quotepath=off diff-tree -r -z --no-renames --no-commit-id --name-only "
        "HEAD",
        {ok(std::string("clients/acme/visits/v.yaml") + '\0')});
    const auto c = git::head_commit(repo.git);
    REQUIRE(c);
    CHECK(c->id == "1234abcd");
    CHECK(c->author == "Bob <bob@x.example>");
    CHECK(c->mine);
    CHECK_FALSE(c->root);
    CHECK(c->files == std::vector<std::string>{"clients/acme/visits/v.yaml"});
}
