// What changed in a period, from a real git repository whose commits are dated: new
// clients, stage moves, opportunities won and lost, and what is not news (a folder renamed,
// an old result typed in, a commit outside the period, a version that cannot be read).
#include <doctest/doctest.h>

#include <filesystem>

#include "crm/git/git.hpp"
#include "crm/git/period.hpp"
#include "crm/os/files.hpp"
#include "crm/os/process.hpp"
#include "crm/store/period_changes.hpp"

#include "support/dates.hpp"

namespace fs = std::filesystem;
using namespace crm;

namespace {

class Repository {
  public:
    explicit Repository(const std::string& name) : root_(fs::path(CRM_TEST_TMPDIR) / name) {
        fs::remove_all(root_);
        fs::create_directories(root_);
        run({"init", "--quiet", "--", "."});
        os::write_atomic(root_, "crm.yaml", "\n");
        commit("2026-01-01", "start", {"crm.yaml"});
    }

    void write(const std::string& path, const std::string& text) {
        os::write_atomic(root_, path, text);
    }
    // Commits the files named, authored (and committed) at noon UTC on `day` by `author`.
    void commit(const std::string& day, const std::string& author,
                const std::vector<std::string>& files) {
        std::vector<std::string> add{"add", "--all", "--"};
        add.insert(add.end(), files.begin(), files.end());
        run(add);
        run({"commit", "--quiet", "-m", "change"}, day, author);
    }
    void run(const std::vector<std::string>& args, const std::string& day = "2026-01-01",
             const std::string& author = "Test User") {
        std::vector<std::string> argv{"git"};
        argv.insert(argv.end(), args.begin(), args.end());
        os::ProcessOptions o;
        o.cwd = root_;
        o.unset_env = git::git_unset_variables();
        const std::string stamp = day + "T12:00:00+0000";
        o.set_env = {{"GIT_CONFIG_NOSYSTEM", "1"},   {"HOME", root_.string()},
                     {"GIT_AUTHOR_NAME", author},    {"GIT_AUTHOR_EMAIL", "t@x.example"},
                     {"GIT_COMMITTER_NAME", author}, {"GIT_COMMITTER_EMAIL", "t@x.example"},
                     {"GIT_AUTHOR_DATE", stamp},     {"GIT_COMMITTER_DATE", stamp}};
        auto r = os::run_process(argv, o);
        REQUIRE_MESSAGE(r.ok(), r.err);
    }
    git::Git git() const { return *git::Git::find(root_); }

  private:
    fs::path root_;
};

std::string client(const char* name, const char* stage) {
    return std::string("name: \"") + name + "\"\nstage: " + stage + "\nsince: 2026-01-01\n";
}

const char* kOpen = "title: Depot\nstage: proposal\nvalue: 1000\n";

}  // namespace

TEST_CASE("new clients, stage moves, won and lost, within the period only") {
    Repository repo("period-changes");
    repo.write("clients/acme/client.yaml", client("Acme", "lead"));
    repo.commit("2026-09-20", "Ann", {"clients/acme"});  // before the period
    repo.write("clients/bolt/client.yaml", client("Bolt & Co", "prospect"));
    repo.write("clients/bolt/opportunities/2026-10-02-ann-1.yaml", kOpen);
    repo.commit("2026-10-02", "Ann", {"clients/bolt"});
    repo.write("clients/acme/client.yaml", client("Acme", "client"));
    repo.commit("2026-10-10", "Bob", {"clients/acme/client.yaml"});
    repo.write("clients/bolt/opportunities/2026-10-02-ann-1.yaml",
               "title: Depot\nstage: won\nvalue: 1200\nwon: 2026-10-20\n");
    repo.write("clients/bolt/opportunities/2026-10-03-ann-2.yaml",
               "title: Roads\nstage: lost\nvalue: 50\nlost: 2026-10-21\nlost_reason: price\n");
    // An old result typed in now is history, not news.
    repo.write("clients/bolt/opportunities/2024-01-01-ann-3.yaml",
               "title: Old\nstage: won\nwon: 2024-03-01\n");
    repo.commit("2026-10-21", "Ann", {"clients/bolt/opportunities"});
    repo.write("clients/acme/client.yaml", client("Acme", "former"));
    repo.commit("2026-11-02", "Bob", {"clients/acme/client.yaml"});  // after the period

    const FolderChanges c = store::period_changes(repo.git(), crm::test::day("2026-10-01"),
                                                  crm::test::day("2026-10-31"));
    CHECK(c.known);
    REQUIRE(c.items.size() == 4);
    CHECK(c.items[0].kind == ChangeKind::new_client);
    CHECK(c.items[0].date == crm::test::day("2026-10-02"));
    CHECK(c.items[0].client == "Bolt & Co");
    CHECK(c.items[0].slug == "bolt");
    CHECK(c.items[0].to == "prospect");
    CHECK(c.items[0].author == "Ann");
    CHECK(c.items[1].kind == ChangeKind::stage_move);
    CHECK(c.items[1].client == "Acme");
    CHECK(c.items[1].from == "lead");
    CHECK(c.items[1].to == "client");
    CHECK(c.items[1].author == "Bob");
    CHECK(c.items[2].kind == ChangeKind::won);
    CHECK(c.items[2].title == "Depot");
    CHECK(c.items[2].value == 1200);
    CHECK(c.items[2].client == "Bolt & Co");
    CHECK(c.items[3].kind == ChangeKind::lost);
    CHECK(c.items[3].title == "Roads");
    CHECK(c.items[3].reason == "price");

    // The whole year: the first client and the move to former too.
    const auto year = store::period_changes(repo.git(), crm::test::day("2026-01-01"),
                                            crm::test::day("2026-12-31"));
    CHECK(year.items.size() == 6);
}

TEST_CASE("a folder renamed is not a new client; its stage move still counts") {
    Repository repo("period-rename");
    repo.write("clients/acme/client.yaml", client("Acme Engineering Pty Ltd", "lead") +
                                               "owner: Ann\ntier: A\nnotes: |\n"
                                               "  A few lines that stay the same\n"
                                               "  so that git sees a rename.\n");
    repo.commit("2026-09-01", "Ann", {"clients/acme"});
    repo.run({"mv", "clients/acme", "clients/acme-engineering"});
    repo.write("clients/acme-engineering/client.yaml",
               client("Acme Engineering Pty Ltd", "prospect") +
                   "owner: Ann\ntier: A\nnotes: |\n  A few lines that stay the same\n"
                   "  so that git sees a rename.\n");
    repo.commit("2026-10-05", "Ann", {"clients"});
    const auto c = store::period_changes(repo.git(), crm::test::day("2026-10-01"),
                                         crm::test::day("2026-10-31"));
    REQUIRE(c.items.size() == 1);
    CHECK(c.items[0].kind == ChangeKind::stage_move);
    CHECK(c.items[0].slug == "acme-engineering");
    CHECK(c.items[0].from == "lead");
}

TEST_CASE("a version that cannot be read tells nothing; a repository without commits neither") {
    Repository repo("period-broken");
    repo.write("clients/acme/client.yaml", "name: [unclosed\nstage: lead\n");
    repo.commit("2026-10-03", "Ann", {"clients/acme"});
    repo.write("clients/acme/client.yaml", client("Acme", "client"));
    repo.commit("2026-10-04", "Ann", {"clients/acme"});
    const auto c = store::period_changes(repo.git(), crm::test::day("2026-10-01"),
                                         crm::test::day("2026-10-31"));
    CHECK(c.items.empty());  // no new client readable, no stage before to compare

    const fs::path empty = fs::path(CRM_TEST_TMPDIR) / "period-empty";
    fs::remove_all(empty);
    fs::create_directories(empty);
    REQUIRE(git::init_repository(empty).ok());
    const auto none = store::period_changes(*git::Git::find(empty), crm::test::day("2026-10-01"),
                                            crm::test::day("2026-10-31"));
    CHECK(none.known);
    CHECK(none.items.empty());
}

TEST_CASE("files at a commit: contents, absent ones, names with spaces") {
    Repository repo("period-read");
    repo.write("clients/a b/client.yaml", "x: 1\n");
    repo.commit("2026-10-03", "Ann", {"clients"});
    const auto commits =
        git::commits_in_period(repo.git(), crm::test::day("2026-10-01"),
                               crm::test::day("2026-10-31"), {":(glob)clients/*/client.yaml"});
    REQUIRE(commits.size() == 1);
    REQUIRE(commits[0].files.size() == 1);
    CHECK(commits[0].files[0].status == 'A');
    CHECK(commits[0].files[0].path == "clients/a b/client.yaml");
    const auto texts =
        git::read_files_at(repo.git(), {{commits[0].commit, "clients/a b/client.yaml"},
                                        {commits[0].commit, "clients/none/client.yaml"},
                                        {commits[0].parent, "clients/a b/client.yaml"},
                                        {commits[0].commit, "clients/a b"},
                                        {commits[0].commit, "crm.yaml"}});
    REQUIRE(texts.size() == 5);
    CHECK(texts[0] == "x: 1\n");
    CHECK(!texts[1]);
    CHECK(!texts[2]);
    CHECK(!texts[3]);  // a folder is no file
    CHECK(texts[4] == "\n");
}
