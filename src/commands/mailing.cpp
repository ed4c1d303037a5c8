#include "mailing.hpp"

#include <random>

#include "crm/commands/common.hpp"
#include "crm/formats/mbox.hpp"
#include "crm/git/git.hpp"
#include "crm/os/append_file.hpp"
#include "crm/os/clock.hpp"
#include "crm/os/process.hpp"
#include "crm/schema/check.hpp"
#include "crm/util/command_words.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::commands {

namespace {

// The moment a message says it was written: the context's day (CRM_TODAY, else its
// clock's), at noon UTC with CRM_TODAY (the same calendar day in every time zone, and
// the same bytes from run to run), else at the local time of day.
formats::MailTime mail_time(const Context& ctx) {
    if (auto fixed = ctx.env("CRM_TODAY"); fixed && !fixed->empty())
        return {ctx.today(), 12, 0, 0, 0};
    const os::LocalTime now = os::local_now();
    return {ctx.today(), now.hour, now.minute, std::min(now.second, 59), now.utc_offset_minutes};
}

// Stops the run before any message when crm.yaml's team: or mail: is wrong: a hostile
// address must never reach a header, nor a broken command the shell-less runner.
const Settings& checked_settings(Context& ctx) {
    auto& folder = ctx.folder();
    const Settings& s = folder.settings();
    if (s.team.empty()) {
        throw RuntimeError("crm.yaml has no team: nobody to mail",
                           "add team: with each teammate's name and email, and mail: with a "
                           "from: address (man crm-format)");
    }
    std::vector<DataError> problems;
    if (auto text = folder.read("crm.yaml")) {
        problems = schema::check_mail_settings(*text, "crm.yaml");
        // Whatever program crm.yaml names is not run; the person hears why.
        for (const auto& w : schema::program_settings(*text, "crm.yaml"))
            ctx.warn(w.what() + std::string("; ") + w.hint());
    }
    if (!problems.empty()) {
        for (const auto& p : problems)
            ctx.warn(p.what());
        throw RuntimeError(fmt::format("no mail sent: crm.yaml's team: or mail: has {} problem{}",
                                       problems.size(), problems.size() == 1 ? "" : "s"),
                           "fix what is named above (crm check lists it too), then run again");
    }
    return s;
}

// Where the person's own mail command is set, for messages.
constexpr const char* kWhereToSet =
    "set your mail command with  git config --global crm.mailCommand \"msmtp -t\"  or in "
    "CRM_MAIL_COMMAND (a program and its arguments, run without a shell, the message on its "
    "standard input)";

// The program that sends: the person's own, as git's hooks are (spec section 2):
// CRM_MAIL_COMMAND, else git's crm.mailCommand (the user's or this clone's git config,
// never a tracked file), else sendmail. Never crm.yaml's: a teammate can change that.
store::MailCommand mail_command(Context& ctx) {
    store::MailCommand command;
    std::optional<std::string> text;
    if (auto env = ctx.env("CRM_MAIL_COMMAND"); env && !trim(*env).empty()) {
        text = env;
        command.origin = "CRM_MAIL_COMMAND";
    } else if (const auto& git = ctx.git()) {
        text = git->config("crm.mailCommand");
        command.origin = "git config crm.mailCommand";
    } else {
        os::ProcessOptions o;
        o.unset_env = git::git_unset_variables();
        if (auto r = os::run_process({"git", "config", "--get", "crm.mailCommand"}, o);
            r.ok() && !trim(r.out).empty())
            text = trim(r.out);
        command.origin = "git config crm.mailCommand";
    }
    if (!text) {
        text = "sendmail -t -oi";
        command.origin = "the default mail command";
    }
    auto words = split_command(*text);
    if (!words.ok())
        throw RuntimeError(fmt::format("{} {}", command.origin, words.problem), kWhereToSet);
    command.words = std::move(words.words);
    command.hint = fmt::format("{}{}); {}", std::string("check the mail command ("), command.origin,
                               kWhereToSet);
    return command;
}

std::uint64_t random_number() {
    std::random_device device;
    return (static_cast<std::uint64_t>(device()) << 32) ^ device();
}

std::string messages(std::size_t n) {
    return std::to_string(n) + (n == 1 ? " message" : " messages");
}

}  // namespace

std::string recipient_text(const TeamMember& m) {
    return fmt::format("{} <{}>", m.name, m.email);
}

Mailer::Mailer(Context& ctx, MailOptions options)
    : ctx_(ctx),
      options_(std::move(options)),
      settings_(checked_settings(ctx)),
      command_(mail_command(ctx)),
      time_(mail_time(ctx)),
      random_(random_number()),
      lock_(ctx.folder().root(), "mail"),
      sent_(ctx.folder().root(), ctx.today()) {}

void Mailer::skipped(const TeamMember& to) {
    skipped_.push_back(to.name);
}

void Mailer::send(const TeamMember& to, const std::string& subject, const std::string& body,
                  const std::vector<std::string>& keys, const std::string& html) {
    formats::MailMessage m;
    m.from = {"crm", settings_.mail.from};
    m.to = {to.name, to.email};
    m.subject = subject;
    m.body = body;
    m.html = html;
    m.time = time_;
    m.message_id = formats::make_message_id(time_, random_, ++sequence_, settings_.mail.from);
    const std::string message = formats::compose(m);
    if (options_.dry_run) {
        ctx_.out() << formats::mbox_entry(settings_.mail.from, time_, message);
    } else if (!options_.mbox.empty()) {
        os::append_durable(options_.mbox, formats::mbox_entry(settings_.mail.from, time_, message),
                           false);
    } else {
        try {
            store::send_with_command(command_, message, recipient_text(to), ctx_.folder().root());
        } catch (const RuntimeError& e) {
            failed_.push_back(e);
            return;
        }
        for (const auto& k : keys)
            sent_.add(k);
    }
    done_.push_back(to.name);
}

void Mailer::tell(const std::string& message) const {
    if (ctx_.err_is_tty())
        ctx_.note(message);
}

void Mailer::finish() {
    if (!skipped_.empty()) {
        tell(fmt::format("{} already sent before, not sent again: {}", messages(skipped_.size()),
                         join(skipped_, ", ")));
    }
    if (!done_.empty()) {
        if (options_.dry_run)
            tell(fmt::format("dry run: {} printed, none sent: {}", messages(done_.size()),
                             join(done_, ", ")));
        else if (!options_.mbox.empty())
            tell(fmt::format("appended {} to {} (none counts as sent): {}", messages(done_.size()),
                             options_.mbox, join(done_, ", ")));
        else
            tell(fmt::format("sent {}: {}", messages(done_.size()), join(done_, ", ")));
    }
    if (failed_.size() == 1)
        throw failed_.front();
    if (!failed_.empty()) {
        for (const auto& e : failed_)
            ctx_.warn(e.what());
        throw RuntimeError(fmt::format("{} not sent (named above)", messages(failed_.size())),
                           failed_.front().hint());
    }
}

}  // namespace crm::commands
