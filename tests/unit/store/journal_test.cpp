// A crm killed between its first change and its commit: the next transaction takes its
// changes back, or commits them when it had reached its commit. "Killed" is a child
// process that makes changes and leaves by _exit, which runs no destructor.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>

#include "crm/os/files.hpp"
#include "crm/store/journal.hpp"
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

void seed(const fs::path& root) {
    Transaction tx(root, CommitPolicy{});
    tx.create("clients/a/client.yaml", "name: A\n");
    tx.create("clients/a/visits/v1.yaml", "date: 2026-11-01\n");
    tx.create("clients/b/client.yaml", "name: B\n");
    tx.commit("seed");
}

// Runs `body` in a child that ends without unwinding, as kill -9 would end it.
void killed_during(const std::function<void()>& body) {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        try {
            body();
        } catch (...) {
            ::_exit(3);
        }
        ::_exit(0);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
}

// The next writer: a transaction that changes nothing, and the line it said.
std::string next_writer(const fs::path& root) {
    std::string said;
    CommitPolicy policy;
    policy.note = [&](const std::string& line) { said = line; };
    Transaction tx(root, policy);
    return said;
}

std::size_t entries_in(const fs::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir))
        ++n;
    return n;
}

}  // namespace

TEST_CASE("a killed merge is taken back whole: moves, replacements, removals, new folders") {
    const fs::path root = crm::test::fresh_folder("journal-merge");
    seed(root);
    killed_during([&] {
        Transaction tx(root, CommitPolicy{});
        tx.rename("clients/a/visits/v1.yaml", "clients/b/visits/v1.yaml");
        tx.replace("clients/b/client.yaml", "name: B\ntags: [x]\n");
        tx.remove("clients/a");
        ::_exit(0);
    });
    CHECK(fs::exists(root / ".crm/journal"));
    CHECK_FALSE(fs::exists(root / "clients/a"));
    const std::string said = next_writer(root);
    CHECK(said.find("an interrupted crm command was taken back") != std::string::npos);
    CHECK(said.find("clients/a/visits/v1.yaml") != std::string::npos);
    CHECK(text_of(root, "clients/a/client.yaml") == "name: A\n");
    CHECK(text_of(root, "clients/a/visits/v1.yaml") == "date: 2026-11-01\n");
    CHECK(text_of(root, "clients/b/client.yaml") == "name: B\n");
    CHECK_FALSE(fs::exists(root / "clients/b/visits"));  // the folder the merge made
    CHECK_FALSE(fs::exists(root / ".crm/journal"));
    CHECK(entries_in(root / ".crm/tmp") == 0);  // what was set aside went back or went
    CHECK(next_writer(root).empty());           // said once
}

TEST_CASE("a file changed by someone else since the kill is left as it is") {
    const fs::path root = crm::test::fresh_folder("journal-changed-since");
    seed(root);
    killed_during([&] {
        Transaction tx(root, CommitPolicy{});
        tx.create("clients/c/client.yaml", "name: C\n");
        tx.replace("clients/b/client.yaml", "name: B2\n");
        ::_exit(0);
    });
    std::ofstream(root / "clients/b/client.yaml") << "name: B by hand\n";
    const std::string said = next_writer(root);
    CHECK(said.find("left as changed since: clients/b/client.yaml") != std::string::npos);
    CHECK(text_of(root, "clients/b/client.yaml") == "name: B by hand\n");
    CHECK_FALSE(fs::exists(root / "clients/c"));
}

TEST_CASE("a crm killed in its commit has its changes committed by the next") {
    const fs::path root = crm::test::fresh_folder("journal-committing");
    seed(root);
    // Without a repository the commit line says there is nothing to commit: the changes
    // stand and nothing is remembered.
    killed_during([&] {
        Transaction tx(root, CommitPolicy{});
        tx.create("clients/c/client.yaml", "name: C\n");
        ::_exit(0);
    });
    CHECK_FALSE(next_writer(root).empty());  // taken back: no commit line
    CHECK_FALSE(fs::exists(root / "clients/c"));

    {
        store::Journal j(root);
        store::JournalStep step{store::JournalStep::Kind::created,
                                "clients/c/client.yaml",
                                {},
                                {},
                                store::content_hash("name: C\n"),
                                {"clients/c"}};
        j.add(step);
        os::write_atomic(root, "clients/c/client.yaml", "name: C\n", true);
        j.committing({"clients/c/client.yaml"}, true);
        // left on disk: the Journal goes without close(), as a killed crm's would
    }
    const std::string said = next_writer(root);
    CHECK(said.find("wrote clients/c/client.yaml but did not commit; the next commit takes them") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(root / ".crm/journal"));
    CHECK(text_of(root, "clients/c/client.yaml") == "name: C\n");
    CHECK(store::uncommitted_files(root) == std::vector<std::string>{"clients/c/client.yaml"});
}

TEST_CASE("a journal crm cannot read is kept aside and acted on in no way") {
    const fs::path root = crm::test::fresh_folder("journal-damaged");
    seed(root);
    fs::create_directories(root / ".crm");
    std::ofstream(root / ".crm/journal")
        << "crm-journal 1\nstep\tcreated\t../../etc/passwd\t\t\t1\t\n";
    const std::string said = next_writer(root);
    CHECK(said.find("journal.damaged") != std::string::npos);
    CHECK(fs::exists(root / ".crm/journal.damaged"));
    CHECK_FALSE(fs::exists(root / ".crm/journal"));
}

TEST_CASE("a line cut short by the kill was never acted on") {
    const fs::path root = crm::test::fresh_folder("journal-cut");
    seed(root);
    std::ofstream(root / ".crm/journal") << "crm-journal 1\nstep\tcreated\tclients/a/client.yaml";
    CHECK(next_writer(root).empty());
    CHECK(text_of(root, "clients/a/client.yaml") == "name: A\n");
}

TEST_CASE("a journal that cannot be written is an error before the change") {
    const fs::path root = crm::test::fresh_folder("journal-unwritable");
    seed(root);
    // A folder where the journal's file must go: its open fails as a full disk's would.
    fs::create_directories(root / ".crm/journal");
    {
        Transaction tx(root, CommitPolicy{});
        CHECK_THROWS_WITH_AS(tx.create("clients/c/client.yaml", "name: C\n"),
                             doctest::Contains("cannot write .crm/journal"), RuntimeError);
        CHECK_FALSE(fs::exists(root / "clients/c"));
    }
    fs::remove_all(root / ".crm/journal");
}
