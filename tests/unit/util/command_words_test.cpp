#include <doctest/doctest.h>

#include "crm/util/command_words.hpp"

using crm::split_command;
using Words = std::vector<std::string>;

TEST_CASE("a command splits at blanks, never through a shell") {
    CHECK(split_command("sendmail -t -oi").words == Words{"sendmail", "-t", "-oi"});
    CHECK(split_command("  msmtp\t--host=127.0.0.1   -t ").words ==
          Words{"msmtp", "--host=127.0.0.1", "-t"});
    // What a shell would expand stays literal.
    CHECK(split_command("mail $HOME ~ *.txt | rm; x").words ==
          Words{"mail", "$HOME", "~", "*.txt", "|", "rm;", "x"});
}

TEST_CASE("quotes and backslashes") {
    CHECK(split_command("msmtp -C '/path with spaces/rc' -t").words ==
          Words{"msmtp", "-C", "/path with spaces/rc", "-t"});
    CHECK(split_command(R"(a "b \"c\" \\ \d" e)").words == Words{"a", R"(b "c" \ \d)", "e"});
    CHECK(split_command(R"(a b\ c 'it''s' x'y'z)").words == Words{"a", "b c", "its", "xyz"});
    CHECK(split_command("a '' b").words == Words{"a", "", "b"});
    CHECK(split_command(R"('don'\''t')").words == Words{"don't"});
}

TEST_CASE("what is no command") {
    CHECK(split_command("").problem == "is empty");
    CHECK(split_command("   ").problem == "is empty");
    CHECK(split_command("sendmail 'x").problem == "has an unclosed single quote");
    CHECK(split_command("sendmail \"x").problem == "has an unclosed double quote");
    CHECK(split_command("sendmail x\\").problem == "ends with a backslash");
    CHECK_FALSE(split_command("sendmail -t\nrm -rf /").ok());
    CHECK_FALSE(split_command("sendmail -t\r").ok());
    CHECK(split_command("sendmail -t").ok());
}
