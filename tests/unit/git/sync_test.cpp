// sync_with_upstream and find_upstream through the fake git: what crm runs for a pull and
// a push, the first push that sets the upstream, nothing to push, and a rebase that stops.
#include <doctest/doctest.h>

#include "crm/git/changes.hpp"
#include "crm/git/sync.hpp"
#include "fake_git.hpp"

using namespace crm;
using crm::test::failed;
using crm::test::FakeRepository;
using crm::test::ok;

namespace {

const std::string kBefore = "aaaa";
const std::string kFetched = "bbbb";
const std::string kHead = "cccc";

std::string resolve(const std::string& rev) {
    return "rev-parse --verify --quiet --end-of-options " + rev + "^{commit}";
}

git::Upstream origin_main() {
    git::Upstream up;
    up.branch = "main";
    up.remote = "origin";
    up.merge = "refs/heads/main";
    up.tracking = "origin/main";
    up.tracking_ref = "refs/remotes/origin/main";
    return up;
}

// A repository whose HEAD is kHead and whose index is tree "tttt".
void answer_basics(FakeRepository& repo) {
    repo.fake.on(resolve("HEAD"), {ok(kHead + "\n")});
    repo.fake.on("write-tree", {ok("tttt\n")});
}

const std::string kRebase =
    "-c rebase.autoStash=false -c rebase.updateRefs=false rebase --quiet "
    "--no-autostash " +
    kFetched;

}  // namespace

TEST_CASE("sync fetches, rebases onto what arrived, and pushes HEAD to the upstream's branch") {
    FakeRepository repo;
    answer_basics(repo);
    repo.fake.on(resolve("refs/remotes/origin/main"), {ok(kBefore + "\n"), ok(kFetched + "\n")});
    repo.fake.on("rev-list --count HEAD.." + kFetched, {ok("2\n")});
    repo.fake.on("rev-list --count " + kFetched + "..HEAD", {ok("1\n")});
    const auto out = git::sync_with_upstream(repo.git, origin_main(), {}, "sync");
    CHECK(repo.fake.commands() ==
          std::vector<std::string>{
              resolve("refs/remotes/origin/main"), resolve("HEAD"), "write-tree",
              "fetch --quiet --no-recurse-submodules origin", resolve("refs/remotes/origin/main"),
              "rev-list --count HEAD.." + kFetched, kRebase,
              "rev-list --count " + kFetched + "..HEAD", "push --quiet origin HEAD:refs/heads/main",
              resolve("refs/remotes/origin/main")});
    CHECK(out.pulled == 2);
    CHECK(out.pushed == 1);
    CHECK_FALSE(out.upstream_set);
}

TEST_CASE("nothing to push: no git push runs") {
    FakeRepository repo;
    answer_basics(repo);
    repo.fake.on(resolve("refs/remotes/origin/main"), {ok(kFetched + "\n")});
    repo.fake.on("rev-list --count " + kFetched + "..HEAD", {ok("0\n")});
    const auto out = git::sync_with_upstream(repo.git, origin_main(), {}, "sync");
    CHECK(repo.fake.count("push") == 0);
    CHECK(out.pushed == 0);
}

TEST_CASE("the first push of a branch the remote lacks sends it all and sets the upstream") {
    FakeRepository repo;
    answer_basics(repo);
    auto up = origin_main();
    up.branch = "master";
    up.merge = "refs/heads/master";
    up.tracking = "origin/master";
    up.tracking_ref = "refs/remotes/origin/master";
    up.set_on_push = true;
    // The remote has no such branch: nothing to resolve before the push.
    repo.fake.on(resolve("refs/remotes/origin/master"), {ok(""), failed(""), ok(kHead + "\n")});
    repo.fake.on("rev-list --count HEAD", {ok("3\n")});
    const auto out = git::sync_with_upstream(repo.git, up, {}, "sync");
    CHECK(repo.fake.count("-c rebase.autoStash=false") == 0);
    CHECK(repo.fake.count("push --quiet --set-upstream origin HEAD:refs/heads/master") == 1);
    CHECK(out.pushed == 3);
    CHECK(out.pulled == 0);
    CHECK(out.upstream_set);
    CHECK(out.upstream_after == kHead);
}

TEST_CASE("a rebase that stops on a conflict is aborted, the commit taken back, files named") {
    FakeRepository repo;
    answer_basics(repo);
    repo.file("clients/acme/client.yaml");
    repo.fake.on(resolve("refs/remotes/origin/main"), {ok(kBefore + "\n"), ok(kFetched + "\n")});
    // crm commits the local file first: HEAD moves from kHead to "dddd".
    repo.fake.on(resolve("HEAD"), {ok(kHead + "\n"), ok("dddd\n")});
    repo.fake.on("rev-list --count HEAD.." + kFetched, {ok("1\n")});
    // The rebase stops half-way, as git leaves it; --abort clears that.
    repo.fake.when(kRebase,
                   [&] { crm::test::write_file(repo.git_dir / "rebase-merge" / "x", ""); });
    repo.fake.on(kRebase,
                 {failed("CONFLICT (content): Merge conflict in clients/acme/client.yaml")});
    repo.fake.on("diff --name-only --relative -z --diff-filter=U",
                 {ok(std::string("clients/acme/client.yaml") + '\0')});
    repo.fake.on("log -1 --format=%an " + kFetched + " -- :(literal)clients/acme/client.yaml",
                 {ok("Bob Jones\n")});
    repo.fake.when("rebase --abort", [&] {
        std::filesystem::remove_all(repo.git_dir / "rebase-merge");
        // After the abort HEAD is the local commit again, after the reset the one before.
        repo.fake.on(resolve("HEAD"), {ok("dddd\n"), ok("dddd\n"), ok(kHead + "\n")});
    });
    try {
        git::sync_with_upstream(repo.git, origin_main(), {"clients/acme/client.yaml"},
                                "sync: 1 local change");
        FAIL("synced");
    } catch (const RuntimeError& e) {
        CHECK(std::string(e.what()) ==
              "sync stopped: you and a teammate changed the same lines of "
              "clients/acme/client.yaml (also changed by Bob Jones)");
        CHECK(
            e.hint().starts_with("nothing was changed here: your commits and files are as "
                                 "before the sync (your uncommitted changes are uncommitted "
                                 "again)"));
    }
    const auto cmds = repo.fake.commands();
    auto at = [&](const std::string& c) {
        return std::find(cmds.begin(), cmds.end(), c) - cmds.begin();
    };
    // Rolled back in order: the rebase aborted, the commit undone keeping its changes, the
    // index as it was.
    CHECK(at("rebase --abort") < at("reset --quiet --soft " + kHead));
    CHECK(at("reset --quiet --soft " + kHead) < at("read-tree tttt"));
    CHECK(repo.fake.count("push") == 0);
}

TEST_CASE("find_upstream: one remote and no upstream gives the upstream the push will set") {
    FakeRepository repo;
    repo.fake.on("symbolic-ref --short HEAD", {ok("master\n")});
    repo.fake.on("remote", {ok("origin\n")});
    repo.fake.on("config --get branch.master.remote", {failed("", 1)});
    repo.fake.on("config --get branch.master.merge", {failed("", 1)});
    const auto up = git::find_upstream(repo.git);
    CHECK(up.set_on_push);
    CHECK(up.remote == "origin");
    CHECK(up.merge == "refs/heads/master");
    CHECK(up.tracking_ref == "refs/remotes/origin/master");
    CHECK(up.tracking == "origin/master");
}

TEST_CASE("find_upstream: two remotes and no upstream is refused, naming them") {
    FakeRepository repo;
    repo.fake.on("symbolic-ref --short HEAD", {ok("master\n")});
    repo.fake.on("remote", {ok("backup\norigin\n")});
    repo.fake.on("config --get branch.master.remote", {failed("", 1)});
    repo.fake.on("config --get branch.master.merge", {failed("", 1)});
    try {
        git::find_upstream(repo.git);
        FAIL("found");
    } catch (const RuntimeError& e) {
        CHECK(std::string(e.what()) ==
              "cannot sync: branch 'master' has no upstream, and this repository has 2 remotes "
              "(backup, origin)");
        CHECK(e.hint() == "push it once to your team's:  git push -u backup master");
    }
}
