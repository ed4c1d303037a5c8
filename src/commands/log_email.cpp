#include "crm/commands/log_email.hpp"

#include <array>
#include <istream>
#include <map>
#include <ostream>
#include <set>

#include "crm/commands/common.hpp"
#include "crm/model/layout.hpp"
#include "crm/os/files.hpp"
#include "crm/schema/check.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/format.hpp"

#include "capture.hpp"

namespace crm::commands {

namespace {

// The largest message read from standard input: a 50 MB attachment in base64 is 68 MB.
constexpr std::size_t kMaxMessage = 256u * 1024 * 1024;

enum class Skip { unreadable, not_mail, automatic, already, never, too_many, refused };
constexpr std::array<std::string_view, 7> kSkipNames{
    "unreadable",       "not a message",   "automatic",           "already logged",
    "in capture.never", "too many people", "refused by crm check"};

std::string plural(std::size_t n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// One run: each message read is skipped, logged as a visit or put in the inbox, then one
// commit of it all.
class Capture {
  public:
    Capture(const LogEmailOptions& o, Context& ctx, store::Transaction* tx)
        : o_(o),
          ctx_(ctx),
          tx_(tx),
          settings_(ctx.folder().settings()),
          known_(load_capture_folder(ctx)),
          matcher_(known_.clients, settings_.team, settings_.capture),
          kept_(ctx.folder().root()) {
        if (!o.client.empty()) {
            const std::string slug = resolve_client(ctx, o.client);
            forced_ = known_.index_of(slug);
            if (forced_ == known_.clients.size())
                throw RuntimeError(fmt::format("cannot log mail at {}: its client.yaml cannot "
                                               "be read",
                                               slug),
                                   fmt::format("crm check shows why; crm edit {}", slug));
        }
    }

    void take(const std::string& source, formats::MailRead&& read) {
        if (!read.mail)
            return skip(Skip::not_mail, source, read.problem);
        formats::Mail& m = *read.mail;
        for (const auto& note : m.notes)
            ctx_.note(fmt::format("{}: {}", source, note));
        if (!m.automatic.empty())
            return skip(Skip::automatic, source, m.automatic);
        if (!known_.message_ids.insert(m.message_id).second)
            return skip(Skip::already, source, fmt::format("Message-ID {}", m.message_id));
        const auto people = participants(m);
        const CaptureMatch match =
            forced_ ? matcher_.match_client(people, *forced_) : matcher_.match(people);
        if (match.outcome == CaptureOutcome::skipped) {
            return match.skip == CaptureSkip::never
                       ? skip(Skip::never, source, fmt::format("{} is never logged", match.never))
                       : skip(Skip::too_many, source,
                              fmt::format("{} people, more than max_recipients {}",
                                          match.recipients, settings_.capture.max_recipients));
        }
        Date date = m.date.value_or(ctx_.today());
        if (date > ctx_.today()) {
            ctx_.note(fmt::format("{}: dated {}, after today: logged as of today", source, date));
            date = ctx_.today();
        }
        std::vector<std::string> candidates;
        for (std::size_t i : match.candidates)
            candidates.push_back(known_.clients[i].slug);
        InboxMessage message = inbox_message(m, match, date, std::move(candidates));
        if (match.outcome == CaptureOutcome::matched)
            log_visit(source, m, message, match);
        else
            to_inbox(source, m, message);
    }

    void unreadable(const std::string& source, const std::string& why) {
        skip(Skip::unreadable, source, why);
    }

    // The summary on stderr, the commit; the exit code.
    int finish() {
        std::string summary = fmt::format("{} logged", logged_);
        if (inboxed_)
            summary += fmt::format(", {} to the inbox", inboxed_);
        summary += skipped_summary(skips_, kSkipNames);
        // Said once it is committed: a commit that fails is an error, never a success.
        if (tx_ && !tx_->touched().empty())
            tx_->commit(commit_message());
        ctx_.note(o_.dry_run ? fmt::format("{}; dry run: nothing written", summary) : summary);
        const bool bad_input = skips_[static_cast<std::size_t>(Skip::unreadable)] +
                                   skips_[static_cast<std::size_t>(Skip::not_mail)] +
                                   skips_[static_cast<std::size_t>(Skip::refused)] >
                               0;
        return std::max(ctx_.warn_problems(known_.problems), bad_input ? 1 : 0);
    }

  private:
    void skip(Skip why, const std::string& source, const std::string& detail) {
        ++skips_[static_cast<std::size_t>(why)];
        const std::string text =
            skipped_line(source, kSkipNames[static_cast<std::size_t>(why)], detail);
        if (why == Skip::unreadable || why == Skip::not_mail || why == Skip::refused)
            ctx_.warn(text);
        else
            ctx_.note(text);
    }

    // The files of the message, kept under `dir` with --keep-attachments.
    void keep_files(const std::string& dir, const formats::Mail& m, InboxMessage& message) {
        if (!o_.keep_attachments)
            return;
        for (std::size_t i = 0; i < m.attachments.size(); ++i) {
            const std::string path = kept_.next(dir, message.date, m.attachments[i].name);
            message.attachments[i].file = path;
            if (tx_)
                tx_->stage(path, m.attachments[i].bytes);
        }
    }

    // Writes `text` at `path` after the check `crm check` makes; false when refused.
    bool write(const std::string& source, const std::string& path, const std::string& text,
               schema::FileKind kind) {
        const auto problems = schema::check_file(text, path, kind, settings_);
        if (!problems.empty()) {
            skip(Skip::refused, source, problems.front().what());
            return false;
        }
        if (o_.dry_run) {
            ctx_.out() << fmt::format("# {}\n{}\n", path, text);
        } else {
            tx_->stage(path, text);
            ctx_.out() << path << '\n';
        }
        return true;
    }

    void log_visit(const std::string& source, const formats::Mail& m, InboxMessage& message,
                   const CaptureMatch& match) {
        const Client& client = known_.clients[match.client];
        keep_files(client_files_dir(client.slug), m, message);
        const Visit v = email_visit(message, match, ctx_.user());
        std::string path;
        do {
            path = ctx_.folder().new_record_path(client.slug, RecordKind::visit, v.date, v.by);
        } while (!planned_.insert(path).second);
        if (write(source, path, schema::visit_yaml(v), schema::FileKind::visit)) {
            ++logged_;
            clients_.insert(client.name);
            last_ = fmt::format("{} ({} email)", client.name, v.date);
        }
    }

    void to_inbox(const std::string& source, const formats::Mail& m, InboxMessage& message) {
        keep_files(fmt::format("{}/{}", kInboxDir, kClientFilesDir), m, message);
        if (message.by.empty())
            message.by = ctx_.user();
        std::string path;
        do {
            path = ctx_.folder().new_inbox_path(message.date);
        } while (!planned_.insert(path).second);
        if (write(source, path, schema::inbox_message_yaml(message), schema::FileKind::inbox))
            ++inboxed_;
    }

    std::string commit_message() const {
        if (logged_ == 1 && inboxed_ == 0)
            return fmt::format("log-email: {}", last_);
        std::string what = fmt::format("log-email: {} at {}", plural(logged_, "message"),
                                       plural(clients_.size(), "client"));
        if (logged_ == 0)
            what = "log-email: nothing logged";
        if (inboxed_)
            what += fmt::format(", {} to the inbox", inboxed_);
        return what;
    }

    const LogEmailOptions& o_;
    Context& ctx_;
    store::Transaction* tx_;
    const Settings& settings_;
    CaptureFolder known_;
    CaptureMatcher matcher_;
    KeptFileNames kept_;
    std::optional<std::size_t> forced_;
    std::set<std::string> planned_;
    std::set<std::string> clients_;
    std::string last_;
    std::size_t logged_ = 0, inboxed_ = 0;
    std::array<std::size_t, kSkipNames.size()> skips_{};
};

std::string read_stdin(Context& ctx) {
    std::string text;
    char buf[65536];
    while (text.size() <= kMaxMessage && ctx.in().read(buf, sizeof buf).gcount() > 0)
        text.append(buf, static_cast<std::size_t>(ctx.in().gcount()));
    return text;
}

// The messages of a maildir: its cur/ and new/ files, by name (which starts with the time
// of delivery), never its tmp/ (being delivered) or hidden files.
std::vector<std::string> maildir_files(const std::string& dir) {
    const std::filesystem::path root(dir);
    std::error_code ec;
    if (!std::filesystem::is_directory(root / "cur", ec) &&
        !std::filesystem::is_directory(root / "new", ec)) {
        throw RuntimeError(fmt::format("{} is not a maildir: it has no cur/ or new/ folder", dir),
                           "give the maildir itself, such as ~/Maildir/.Clients");
    }
    std::vector<std::string> files;
    for (const char* sub : {"cur", "new"})
        for (const auto& name : os::list_dir(root / sub))
            if (!is_hidden_name(name))
                files.push_back((root / sub / name).string());
    return files;
}

}  // namespace

int log_email(const LogEmailOptions& o, Context& ctx) {
    std::vector<std::string> files = o.files;
    if (files.empty() && o.mbox.empty() && o.maildir.empty()) {
        if (ctx.in_is_tty())
            throw UsageError("no message to log",
                             "give a message file, - for standard input, --mbox FILE or "
                             "--maildir DIR");
        files.emplace_back("-");
    }
    if (std::count(files.begin(), files.end(), "-") > 1)
        throw UsageError("standard input (-) can be read once");
    const std::vector<std::string> maildir =
        o.maildir.empty() ? std::vector<std::string>{} : maildir_files(o.maildir);
    formats::MailReadOptions read;
    read.keep_attachments = o.keep_attachments && !o.dry_run;

    std::optional<store::Transaction> tx;
    if (!o.dry_run)
        tx.emplace(ctx.folder().root(), ctx.commit_policy());
    Capture capture(o, ctx, tx ? &*tx : nullptr);
    // Each message of the file open at `fd`: one, or an mbox's (a message passed on with
    // its "From " line, or several a mail program piped at once).
    auto messages = [&](int fd, const std::string& source, bool mbox) {
        bool taking = false;  // an error of the folder's, not of the input's
        auto take = [&](std::size_t n, formats::MailRead&& message) {
            taking = true;
            capture.take(n == 1 && !mbox ? source : fmt::format("{}, message {}", source, n),
                         std::move(message));
            taking = false;
        };
        try {
            if (mbox)
                formats::read_mbox(fd, read, take);
            else
                formats::read_messages(fd, read, take);
        } catch (const RuntimeError& e) {
            if (taking || !mbox)
                throw;
            throw RuntimeError(fmt::format("{}: {}", source, e.what()),
                               "give an mbox file, as mutt, Thunderbird or Gmail's export write");
        }
    };
    auto from_file = [&](const std::string& path) {
        std::optional<os::FileDescriptor> fd;
        try {
            fd.emplace(os::open_input(path));
        } catch (const RuntimeError& e) {
            return capture.unreadable(path, e.what());
        }
        messages(fd->get(), path, false);
    };
    for (const auto& file : files) {
        if (file != "-") {
            from_file(file);
            continue;
        }
        std::string text = read_stdin(ctx);
        if (text.size() > kMaxMessage) {
            capture.unreadable("<stdin>", "larger than 256 MiB");
            continue;
        }
        const os::FileDescriptor fd = os::memory_file(text);
        std::string().swap(text);  // the file holds it now
        messages(fd.get(), "<stdin>", false);
    }
    if (!o.mbox.empty()) {
        const os::FileDescriptor fd = os::open_input(o.mbox);
        messages(fd.get(), o.mbox, true);
    }
    for (const auto& file : maildir)
        from_file(file);
    return capture.finish();
}

}  // namespace crm::commands
