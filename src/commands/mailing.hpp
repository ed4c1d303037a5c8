#pragma once
// What `crm remind` and `crm notify` share: one run of mail to the team. It checks
// crm.yaml's team: and mail: first (a bad address stops the run before any message, with
// file:line; a program named there is warned of and ignored), then each message is
// composed (formats/mail_message) and sent through the person's own mail command
// (CRM_MAIL_COMMAND, git's crm.mailCommand, else sendmail), printed (--dry-run) or
// appended to an mbox (--mbox), and what was really sent is remembered in
// .crm/mail-sent (store/mail_delivery).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crm/commands/context.hpp"
#include "crm/formats/mail_message.hpp"
#include "crm/os/activity_lock.hpp"
#include "crm/store/mail_delivery.hpp"

namespace crm::commands {

struct MailOptions {
    bool dry_run = false;  // print the messages, as an mbox, on stdout
    std::string mbox;      // append them to this mbox file
};

class Mailer {
  public:
    // Throws RuntimeError when the team is empty or crm.yaml's team: or mail: is wrong.
    Mailer(Context& ctx, MailOptions options);

    // Whether messages count as sent: not with --dry-run or --mbox.
    bool recording() const { return !options_.dry_run && options_.mbox.empty(); }
    // Whether a real run sent the message `key` names before.
    bool already_sent(const std::string& key) const { return sent_.has(key); }
    void skipped(const TeamMember& to);  // a message not sent again

    // Sends (prints, appends) one message to `to`, with `html` as its HTML part when not
    // empty; when that is a real send that worked, remembers `keys` as sent. A failing mail
    // command is remembered for finish(), and the run goes on with the next teammate.
    void send(const TeamMember& to, const std::string& subject, const std::string& body,
              const std::vector<std::string>& keys, const std::string& html = {});

    // A note on stderr when that is a terminal: from cron, a run that worked is silent,
    // so cron mails nobody about it (as `crm due` with nothing due).
    void tell(const std::string& message) const;

    // Tells what happened; throws RuntimeError naming each teammate whose message the
    // mail command refused.
    void finish();

  private:
    Context& ctx_;
    MailOptions options_;
    const Settings& settings_;
    store::MailCommand command_;
    formats::MailTime time_;
    std::uint64_t random_;
    unsigned sequence_ = 0;
    os::ActivityLock lock_;
    store::SentMail sent_;
    std::vector<std::string> done_, skipped_;
    std::vector<RuntimeError> failed_;
};

// "Alice Smith <alice@x.example>", for messages to the user.
std::string recipient_text(const TeamMember& m);

}  // namespace crm::commands
