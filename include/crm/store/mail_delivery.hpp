#pragma once
// Mail leaving the folder: through the person's own mail command, run with an argument
// vector and the message on its standard input (never a shell), and the log of what was
// sent from this clone (.crm/mail-sent), so that a rerun sends only what was not.
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "crm/model/date.hpp"

namespace crm::store {

// The program that sends, as the person configured it (commands/mailing.cpp finds it).
struct MailCommand {
    std::vector<std::string> words;  // the argument vector
    std::string origin;              // where it was set: "CRM_MAIL_COMMAND"...
    std::string hint;                // what to do when it fails
};

// Runs `command` with `message` on its standard input. Throws RuntimeError naming
// `recipient` and what the command said when it cannot start, dies or exits non-zero.
// `cwd` is where it runs (the folder).
void send_with_command(const MailCommand& command, std::string_view message,
                       const std::string& recipient, const std::filesystem::path& cwd);

// .crm/mail-sent: one line per message sent, "DATE KEY", where the key says what the
// message was (`remind 2026-11-23 2026-11-30 alice@x.example`, `notify alice@x.example
// clients/acme/visits/...`). Each line is appended and flushed as soon as the message is
// handed to the mail command, so a crash right after never sends it twice. Lines older
// than kKeepDays are dropped when the log is opened. Hold the mail ActivityLock while
// an object of this class lives.
class SentMail {
  public:
    static constexpr int kKeepDays = 180;

    SentMail(const std::filesystem::path& root, Date today);

    bool has(const std::string& key) const { return keys_.count(escape(key)) > 0; }
    void add(const std::string& key);

    // A key is the rest of its line: control characters (line breaks) and '%' are
    // %-escaped.
    static std::string escape(std::string_view key);

  private:
    std::filesystem::path root_;
    Date today_;
    std::set<std::string> keys_;
    bool needs_newline_ = false;
};

}  // namespace crm::store
