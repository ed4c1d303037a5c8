// crm.yaml's team:, mail: and notify_on_sync: read, and checked by `crm check`.
#include <doctest/doctest.h>

#include "crm/schema/check.hpp"
#include "crm/schema/records.hpp"

using namespace crm;
using namespace crm::schema;

namespace {

std::vector<std::string> problems(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& e : check_file(text, "crm.yaml", FileKind::settings, Settings{}))
        out.push_back(e.what());
    return out;
}

}  // namespace

TEST_CASE("team, mail and notify_on_sync are read, with their defaults") {
    Settings d = read_settings("", "crm.yaml");
    CHECK(d.team.empty());
    CHECK(d.mail.from.empty());
    CHECK_FALSE(d.notify_on_sync);
    Settings init = read_settings(default_settings_yaml(), "crm.yaml");
    CHECK(init.team.empty());
    CHECK_FALSE(init.notify_on_sync);
    CHECK(problems(default_settings_yaml()).empty());
    CHECK(program_settings(default_settings_yaml(), "crm.yaml").empty());

    Settings s = read_settings(
        "team:\n"
        "  - {name: Alice Smith, email: alice@hp.example}\n"
        "  - name: Jürgen Müller\n"
        "    email: juergen@hp.example\n"
        "mail:\n  from: crm@hp.example\n  command: msmtp -t\n"
        "notify_on_sync: true\n",
        "crm.yaml");
    REQUIRE(s.team.size() == 2);
    CHECK(s.team[1].name == "Jürgen Müller");
    CHECK(s.team[1].email == "juergen@hp.example");
    CHECK(s.mail.from == "crm@hp.example");
    CHECK(s.notify_on_sync);
    CHECK(s.find_member("  alice SMITH ")->email == "alice@hp.example");
    CHECK(s.find_member("jürgen müller") == &s.team[1]);
    CHECK(s.find_member("Bob") == nullptr);
    CHECK(s.team_names() == std::vector<std::string>{"Alice Smith", "Jürgen Müller"});
    CHECK(problems("team:\n  - {name: A, email: a@x.example}\nmail: {from: c@x.example}\n"
                   "notify_on_sync: false\n")
              .empty());
}

TEST_CASE("reading refuses only a wrong structure: a bad address does not stop crm due") {
    CHECK_NOTHROW(
        read_settings("team:\n  - {name: Bob, email: 'x@y.example; touch pwned'}\n", "crm.yaml"));
    CHECK_THROWS_WITH_AS(read_settings("team: Alice\n", "crm.yaml"),
                         doctest::Contains("crm.yaml:1:7: team: expected a list"), DataError);
    CHECK_THROWS_WITH_AS(read_settings("team: [Alice]\n", "crm.yaml"),
                         doctest::Contains("crm.yaml:1:8: team: each member is a map"), DataError);
    CHECK_THROWS_AS(read_settings("mail: sendmail\n", "crm.yaml"), DataError);
    CHECK_THROWS_AS(read_settings("notify_on_sync: sometimes\n", "crm.yaml"), DataError);
}

TEST_CASE("crm check: every wrong team or mail value, at its line") {
    auto p = problems(
        "team:\n"
        "  - {name: Alice Smith, email: alice@hp.example}\n"
        "  - {name: Bob Jones, email: 'x@y.example; touch pwned'}\n"
        "  - {email: nobody@hp.example}\n"
        "  - {name: ' alice smith', email: a2@hp.example}\n"
        "  - {name: Carol, mail: carol@hp.example}\n"
        "mail:\n"
        "  from: CRM <crm@hp.example>\n"
        "  command: \"sendmail -t 'unclosed\"\n"
        "  form: typo@hp.example\n");
    CHECK(p == std::vector<std::string>{
                   "crm.yaml:3:30: team: Bob Jones's email 'x@y.example; touch pwned' is not a "
                   "plain e-mail address: it contains ';'",
                   "crm.yaml:4:5: team: a member has no name:",
                   "crm.yaml:5:12: team: 'alice smith' is listed twice (first on line 2)",
                   "crm.yaml:6:5: team: Carol has no email:",
                   "crm.yaml:6:19: team: unknown key 'mail'",
                   "crm.yaml:8:9: mail.from 'CRM <crm@hp.example>' is not a plain e-mail "
                   "address: it contains a space",
                   "crm.yaml:10:3: mail: unknown key 'form'",
               });
}

TEST_CASE("a team needs a from address; a command is no problem of the file") {
    CHECK(problems("team:\n  - {name: A, email: a@x.example}\n") ==
          std::vector<std::string>{
              "crm.yaml:1:1: mail: no from: address to send the team's mail from"});
    CHECK(problems("team:\n  - {name: A, email: a@x.example}\nmail: {command: msmtp -t}\n") ==
          std::vector<std::string>{"crm.yaml:3:7: mail: no from: address"});
    CHECK(problems("mail: {from: a@x.example, command: ''}\n").empty());
    // No team, no mail: nothing to check.
    CHECK(problems("autocommit: true\n").empty());
}

TEST_CASE("check_mail_settings: the mail commands' own check, team and mail only") {
    auto p = check_mail_settings(
        "due_within: 7d\nteam:\n  - {name: B, email: \"b@x.example\\nBcc: eve@evil.example\"}\n"
        "mail: {from: c@x.example}\n",
        "crm.yaml");
    REQUIRE(p.size() == 1);
    CHECK(std::string(p[0].what()).find("crm.yaml:3:") == 0);
    CHECK(std::string(p[0].what()).find("contains a line break") != std::string::npos);
    CHECK(check_mail_settings("mail: {from: c@x.example}\n", "crm.yaml").empty());
}

TEST_CASE("program_settings: every key of crm.yaml that names a program, at its line") {
    auto warnings = [](const std::string& text) {
        std::vector<std::string> out;
        for (const auto& w : program_settings(text, "crm.yaml"))
            out.push_back(w.what());
        return out;
    };
    const auto w = warnings(
        "mail:\n  from: crm@x.example\n  command: \"sh -c 'id > /tmp/pwned'\"\n"
        "editor: vim\nhooks: {post_sync: ./x.sh}\nnotify-command: x\nnotify_on_sync: true\n");
    REQUIRE(w.size() == 4);
    CHECK(
        w[0].starts_with("crm.yaml:3:3: mail.command names a program, and crm never runs a "
                         "program named in the shared folder"));
    CHECK(w[1].starts_with("crm.yaml:4:1: editor names a program"));
    CHECK(w[2].starts_with("crm.yaml:5:1: hooks names a program"));
    CHECK(w[3].starts_with("crm.yaml:6:1: notify-command names a program"));
    CHECK(program_settings("mail: {command: x}\n", "crm.yaml")[0].hint().find(
              "git config --global crm.mailCommand") != std::string::npos);
    CHECK(warnings("mail: {from: crm@x.example}\nnotify_on_sync: true\n").empty());
    CHECK(warnings("mail: [unclosed\n").empty());  // the reader says what is wrong
    // Read, crm.yaml's mail: is the From: address only.
    CHECK(read_settings("mail: {from: a@x.example, command: msmtp -t}\n", "crm.yaml").mail.from ==
          "a@x.example");
}
