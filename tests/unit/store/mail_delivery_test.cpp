// Delivery through the mail command, and the log of what was sent.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "crm/store/mail_delivery.hpp"
#include "crm/util/error.hpp"

#include "support/dates.hpp"
#include "support/temp_folder.hpp"

namespace fs = std::filesystem;
using namespace crm;
using namespace crm::store;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("the message goes to the command's standard input, no shell between") {
    const fs::path dir = crm::test::fresh_folder("mail-command");
    const fs::path out = dir / "got";
    // The argument with ; and $ reaches the program as one word, never a shell.
    send_with_command({{"sh", "-c", "cat > \"$0\"", out.string()}}, "To: x\n\nbody\n",
                      "Alice <a@x.example>", dir);
    CHECK(slurp(out) == "To: x\n\nbody\n");
    send_with_command(
        {{"sh", "-c", "printf '%s' \"$1\" > \"$0\"", out.string(), "a; rm -rf $HOME"}}, "",
        "Alice <a@x.example>", dir);
    CHECK(slurp(out) == "a; rm -rf $HOME");
}

TEST_CASE("a failing command names the recipient and what it said") {
    const fs::path dir = crm::test::fresh_folder("mail-failing");
    CHECK_THROWS_WITH_AS(
        send_with_command({{"sh", "-c", "cat >/dev/null; echo 'recipient refused' >&2; exit 3"}},
                          "x\n", "Bob Jones <bob@x.example>", dir),
        "mail to Bob Jones <bob@x.example> was not sent: sh exited with status 3: recipient "
        "refused",
        RuntimeError);
    CHECK_THROWS_WITH_AS(send_with_command({{"/nonexistent/sendmail", "-t"}}, "x\n",
                                           "Bob Jones <bob@x.example>", dir),
                         doctest::Contains("mail to Bob Jones <bob@x.example> was not sent: "
                                           "cannot run /nonexistent/sendmail"),
                         RuntimeError);
    CHECK_THROWS_AS(send_with_command(MailCommand{}, "x\n", "Bob", dir), RuntimeError);
}

TEST_CASE("what was sent is remembered, one line each, across runs") {
    const fs::path root = crm::test::fresh_folder("mail-sent");
    {
        SentMail sent(root, crm::test::day("2026-11-23"));
        CHECK_FALSE(sent.has("remind 2026-11-23 2026-11-30 alice@x.example"));
        sent.add("remind 2026-11-23 2026-11-30 alice@x.example");
        sent.add("notify bob@x.example clients/a b/visits/v\n.yaml");
        CHECK(sent.has("remind 2026-11-23 2026-11-30 alice@x.example"));
    }
    CHECK(slurp(root / ".crm/mail-sent") ==
          "2026-11-23 remind 2026-11-23 2026-11-30 alice@x.example\n"
          "2026-11-23 notify bob@x.example clients/a b/visits/v%0A.yaml\n");
    SentMail again(root, crm::test::day("2026-11-24"));
    CHECK(again.has("remind 2026-11-23 2026-11-30 alice@x.example"));
    CHECK(again.has("notify bob@x.example clients/a b/visits/v\n.yaml"));
    CHECK_FALSE(again.has("remind 2026-11-24 2026-12-01 alice@x.example"));
}

TEST_CASE("old lines are dropped; a line a crash cut short does not swallow the next") {
    const fs::path root = crm::test::fresh_folder("mail-sent-old");
    fs::create_directories(root / ".crm");
    {
        std::ofstream f(root / ".crm/mail-sent");
        f << "2026-01-01 remind old\n2026-11-20 remind recent\n2026-11-21 remind cut";
    }
    {
        SentMail sent(root, crm::test::day("2026-11-23"));
        CHECK_FALSE(sent.has("remind old"));
        CHECK(sent.has("remind recent"));
        CHECK(sent.has("remind cut"));
        sent.add("remind next");
    }
    CHECK(slurp(root / ".crm/mail-sent") ==
          "2026-11-20 remind recent\n2026-11-21 remind cut\n2026-11-23 remind next\n");
    {
        std::ofstream f(root / ".crm/mail-sent", std::ios::app);
        f << "2026-11-23 remind cut2";
    }
    SentMail sent(root, crm::test::day("2026-11-23"));
    sent.add("remind after");
    CHECK(slurp(root / ".crm/mail-sent").ends_with("remind cut2\n2026-11-23 remind after\n"));
}

TEST_CASE("the log is never written through a symbolic link") {
    const fs::path root = crm::test::fresh_folder("mail-sent-link");
    fs::create_directories(root / ".crm");
    fs::create_symlink(root / "elsewhere", root / ".crm/mail-sent");
    CHECK_THROWS_AS(SentMail(root, crm::test::day("2026-11-23")), RuntimeError);
}
