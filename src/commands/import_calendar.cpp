#include "import_calendar.hpp"

#include <array>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <set>

#include "crm/formats/calendar.hpp"
#include "crm/model/layout.hpp"
#include "crm/os/clock.hpp"
#include "crm/os/files.hpp"
#include "crm/schema/check.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

#include "capture.hpp"
#include "meeting.hpp"

namespace crm::commands {

namespace {

// The largest calendar file read: a Google export of ten years of a busy calendar is
// about 20 MB.
constexpr std::size_t kMaxCalendar = 64u * 1024 * 1024;

enum class Skip {
    unreadable,
    problem,
    all_day,
    cancelled,
    future,
    declined,
    never,
    too_many,
    no_client,
    several,
    already,
    written_up,
    hand_edited,
    refused
};
constexpr std::array<std::string_view, 14> kSkipNames{
    "unreadable",       "unreadable event",    "all-day",
    "cancelled",        "not over yet",        "declined",
    "in capture.never", "too many people",     "no client",
    "several clients",  "already logged",      "written up already",
    "edited by hand",   "refused by crm check"};

std::string plural(std::size_t n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

bool has_extension(const std::filesystem::path& p, std::string_view ext) {
    return ascii_lower(p.extension().string()) == ext;
}

// The moment the import looks from: the clock's, or when CRM_TODAY puts today on another
// day, the end of that day (the whole day has passed, as "as of" a date means).
std::int64_t import_now(Date today) {
    const os::LocalTime local = os::local_now();
    const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    if (Date::from_ymd(local.year, local.month, local.day) == today)
        return now;
    const Date next = today.plus_days(1);
    std::tm tm{};
    tm.tm_year = next.year() - 1900;
    tm.tm_mon = next.month() - 1;
    tm.tm_mday = next.day();
    tm.tm_isdst = -1;
    return static_cast<std::int64_t>(std::mktime(&tm)) - 1;
}

// The files to read: FILE itself, or a vdir's .ics files (never hidden ones, such as
// vdirsyncer's .vdirsyncer_status files) in name order.
std::vector<std::string> calendar_files(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec))
        return {path};
    std::vector<std::string> files;
    for (const auto& name : os::list_dir(path)) {
        const std::filesystem::path p = std::filesystem::path(path) / name;
        if (!is_hidden_name(name) && has_extension(p, ".ics") &&
            std::filesystem::is_regular_file(std::filesystem::symlink_status(p, ec)))
            files.push_back(p.string());
    }
    return files;
}

class CalendarImport {
  public:
    CalendarImport(const ImportOptions& o, Context& ctx, store::Transaction* tx)
        : o_(o),
          ctx_(ctx),
          tx_(tx),
          settings_(ctx.folder().settings()),
          known_(load_capture_folder(ctx, false)),
          matcher_(known_.clients, settings_.team, settings_.capture) {
        for (const auto& m : settings_.team)
            team_.insert(capture_address_key(m.email));
    }

    void take(const std::string& source, const formats::CalendarRead& read) {
        for (const auto& p : read.problems)
            skip(Skip::problem, source, fmt::format("{}: {}", p.event, p.why));
        for (const auto& e : read.events)
            take_event(source, e);
    }

    void unreadable(const std::string& source, const std::string& why) {
        skip(Skip::unreadable, source, why);
    }

    int finish() {
        std::string summary = fmt::format("{} logged", plural(logged_, "meeting"));
        if (moved_)
            summary += fmt::format(", {} moved", moved_);
        if (removed_)
            summary += fmt::format(", {} cancelled and removed", removed_);
        summary += skipped_summary(skips_, kSkipNames);
        // An hourly cron job whose calendar brought nothing new says nothing, so that cron
        // mails only news; a person at a terminal, or trying a dry run, always hears.
        const bool news = logged_ + moved_ + removed_ + warnings_ > 0;
        // Said once it is committed: a commit that fails is an error, never a success.
        if (tx_ && !tx_->touched().empty())
            tx_->commit(commit_message());
        if (news || o_.dry_run || ctx_.err_is_tty())
            ctx_.note(o_.dry_run ? fmt::format("{}; dry run: nothing written", summary) : summary);
        const bool bad_input = skips_[static_cast<std::size_t>(Skip::unreadable)] +
                                   skips_[static_cast<std::size_t>(Skip::refused)] >
                               0;
        return std::max(ctx_.warn_problems(known_.problems), bad_input ? 1 : 0);
    }

  private:
    void skip(Skip why, const std::string& source, const std::string& detail) {
        ++skips_[static_cast<std::size_t>(why)];
        const std::string text =
            skipped_line(source, kSkipNames[static_cast<std::size_t>(why)], detail);
        // What needs a person is said each time; the rest comes back on every run of the
        // same calendar (the dentist is never a client), so it is counted, and named only
        // in a dry run, where someone is looking.
        if (why == Skip::unreadable || why == Skip::problem || why == Skip::refused ||
            why == Skip::hand_edited) {
            ++warnings_;
            ctx_.warn(text);
        } else if (o_.dry_run) {
            ctx_.note(text);
        }
    }

    // The people who were there: whoever declined was not, and an event every teammate
    // on it declined is no meeting of ours.
    std::vector<CaptureParticipant> attending(const formats::CalendarEvent& e, bool& declined) {
        std::vector<CaptureParticipant> people;
        bool team_declined = false, team_there = false;
        for (const auto& p : e.people) {
            const bool ours = team_.count(capture_address_key(p.address)) > 0;
            if (p.declined && !p.organizer) {
                team_declined = team_declined || ours;
                continue;
            }
            team_there = team_there || ours;
            people.push_back({p.name, p.address, p.organizer});
        }
        declined = team_declined && !team_there;
        return people;
    }

    void take_event(const std::string& source, const formats::CalendarEvent& e) {
        const std::string name =
            fmt::format("{} {}", e.date, e.summary.empty() ? e.id : fmt::format("'{}'", e.summary));
        if (!seen_.insert(e.id).second)
            return;  // the same occurrence twice (a vdir and its copy): once is enough
        if (e.all_day)
            return skip(Skip::all_day, source, name);
        if (e.cancelled)
            return cancelled(source, name, e.id);
        if (!e.ended)
            return skip(Skip::future, source, name);
        bool declined = false;
        const auto people = attending(e, declined);
        if (declined)
            return skip(Skip::declined, source, name);
        const CaptureMatch match = matcher_.match(people);
        switch (match.outcome) {
            case CaptureOutcome::skipped:
                return match.skip == CaptureSkip::never
                           ? skip(Skip::never, source,
                                  fmt::format("{}: {} is never logged", name, match.never))
                           : skip(Skip::too_many, source,
                                  fmt::format("{}: {} people, more than max_recipients {}", name,
                                              match.recipients, settings_.capture.max_recipients));
            case CaptureOutcome::none:
                return skip(Skip::no_client, source, name);
            case CaptureOutcome::several: {
                std::vector<std::string> slugs;
                for (std::size_t i : match.candidates)
                    slugs.push_back(known_.clients[i].slug);
                return skip(Skip::several, source, fmt::format("{}: {}", name, join(slugs, ", ")));
            }
            case CaptureOutcome::matched:
                break;
        }
        const Client& client = known_.clients[match.client];
        Visit v;
        v.date = e.date;
        v.by = match.by.empty() ? ctx_.user() : match.by;
        v.kind = "meeting";
        v.where = e.location;
        v.with = match.with;
        v.subject = e.summary;
        v.event = e.id;
        v.report = "pending";
        if (auto had = known_.events.find(e.id); had != known_.events.end()) {
            // A meeting stays with the client it was logged at (whoever its people match
            // now: a contact may have moved on since).
            if (had->second.slug != client.slug)
                return skip(Skip::already, source, fmt::format("{}: {}", name, had->second.file));
            return again(source, name, had->second, std::move(v), client.name);
        }
        std::string path;
        do {
            path = ctx_.folder().new_record_path(client.slug, RecordKind::visit, v.date, v.by);
        } while (!planned_.insert(path).second);
        if (write(source, path, schema::visit_yaml(v))) {
            ++logged_;
            clients_.insert(client.name);
            last_ = fmt::format("{} ({} meeting)", client.name, v.date);
        }
    }

    // A cancelled event: never a meeting. One imported before it was cancelled goes, as
    // long as nobody has written it up and it is as crm wrote it.
    void cancelled(const std::string& source, const std::string& name, const std::string& id) {
        const auto had = known_.events.find(id);
        if (had == known_.events.end() || !had->second.pending)
            return skip(Skip::cancelled, source, name);
        const auto text = ctx_.folder().read(had->second.file);
        std::optional<WrittenVisit> old;
        try {
            if (text)
                old = as_crm_wrote_it(*text, had->second.file);
        } catch (const DataError& e) {
            return skip(Skip::refused, source, e.what());
        }
        if (!old)
            return skip(Skip::hand_edited, source,
                        fmt::format("{}: cancelled, but {} is not as crm wrote it; remove it with "
                                    "crm rm or by hand",
                                    name, had->second.file));
        if (o_.dry_run)
            ctx_.out() << fmt::format("# {} (removed: cancelled)\n", had->second.file);
        else
            tx_->remove(had->second.file);
        ctx_.note(fmt::format("{}: {} was cancelled; removed the pending meeting {}", source, name,
                              had->second.file));
        ++removed_;
        last_ = fmt::format("{} (cancelled meeting removed)", had->second.file);
    }

    // An event the folder has a meeting of already: nothing to do, unless the event moved
    // and nobody has written the meeting up yet.
    void again(const std::string& source, const std::string& name, const CapturedMeeting& had,
               Visit v, const std::string& client_name) {
        if (!had.pending)
            return skip(Skip::written_up, source, fmt::format("{}: {}", name, had.file));
        const auto text = ctx_.folder().read(had.file);
        std::optional<WrittenVisit> old;
        try {
            if (text)
                old = as_crm_wrote_it(*text, had.file);
        } catch (const DataError& e) {
            return skip(Skip::refused, source, e.what());
        }
        if (!old)
            return skip(Skip::hand_edited, source,
                        fmt::format("{}: {} is not as crm wrote it; change it with crm edit", name,
                                    had.file));
        WrittenVisit now = *old;
        now.visit.date = v.date;
        now.visit.where = v.where;
        now.visit.with = v.with;
        now.visit.by = v.by;
        now.visit.subject = v.subject;
        if (now.text() == old->text())
            return skip(Skip::already, source, name);
        std::string path = had.file;
        if (v.date != old->visit.date) {
            do {
                path = ctx_.folder().new_record_path(had.slug, RecordKind::visit, v.date, v.by);
            } while (!planned_.insert(path).second);
        }
        const std::string out = now.text();
        const auto problems = schema::check_file(out, path, schema::FileKind::visit, settings_);
        if (!problems.empty())
            return skip(Skip::refused, source, problems.front().what());
        if (o_.dry_run) {
            ctx_.out() << fmt::format("# {} (was {})\n{}\n", path, had.file, out);
        } else {
            if (path != had.file)
                tx_->rename(had.file, path);
            tx_->replace(path, out);
            ctx_.out() << path << '\n';
        }
        ctx_.note(fmt::format("{}: moved the pending meeting {} to {}", source, had.file, path));
        ++moved_;
        clients_.insert(client_name);
        last_ = fmt::format("{} (meeting moved to {})", client_name, v.date);
    }

    bool write(const std::string& source, const std::string& path, const std::string& text) {
        const auto problems = schema::check_file(text, path, schema::FileKind::visit, settings_);
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

    std::string commit_message() const {
        const std::string from = std::filesystem::path(o_.file).filename().string();
        if (logged_ + moved_ + removed_ == 1)
            return fmt::format("import: {} from {}", last_, from);
        std::string what = fmt::format("import: {} at {}", plural(logged_, "meeting"),
                                       plural(clients_.size(), "client"));
        if (moved_)
            what += fmt::format(", {} moved", moved_);
        if (removed_)
            what += fmt::format(", {} cancelled and removed", removed_);
        return fmt::format("{} from {}", what, from);
    }

    const ImportOptions& o_;
    Context& ctx_;
    store::Transaction* tx_;
    const Settings& settings_;
    CaptureFolder known_;
    CaptureMatcher matcher_;
    std::set<std::string> team_;
    std::set<std::string> seen_;
    std::set<std::string> planned_;
    std::set<std::string> clients_;
    std::string last_;
    std::size_t logged_ = 0, moved_ = 0, removed_ = 0, warnings_ = 0;
    std::array<std::size_t, kSkipNames.size()> skips_{};
};

}  // namespace

bool is_calendar_input(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        const auto files = calendar_files(path);
        return !files.empty();
    }
    if (has_extension(path, ".ics") || has_extension(path, ".ical"))
        return true;
    const auto head = os::read_file(path, 256);
    if (!head)
        return false;
    std::string_view start(*head);
    if (start.starts_with("\xEF\xBB\xBF"))
        start.remove_prefix(3);
    return ascii_lower(trim(start.substr(0, std::min<std::size_t>(start.size(), 64))))
        .starts_with("begin:vcalendar");
}

int import_calendar(const ImportOptions& o, Context& ctx) {
    const std::vector<std::string> files = calendar_files(o.file);
    const bool single = files.size() == 1 && files.front() == o.file;
    const std::int64_t now = import_now(ctx.today());
    // Everything read before the lock: a single file that is no calendar writes nothing.
    std::vector<std::pair<std::string, formats::CalendarRead>> read;
    std::vector<std::pair<std::string, std::string>> unreadable;
    for (const auto& file : files) {
        try {
            auto text = os::read_file(file, kMaxCalendar);
            if (!text)
                throw RuntimeError(fmt::format("cannot read {}", file), "check the file's name");
            if (text->size() > kMaxCalendar)
                throw RuntimeError(fmt::format("{} is larger than 64 MiB", file),
                                   "export a shorter period of the calendar");
            read.emplace_back(file, formats::read_calendar(*text, file, now));
        } catch (const RuntimeError& e) {
            if (single)
                throw;
            unreadable.emplace_back(file, e.what());
        }
    }
    std::optional<store::Transaction> tx;
    if (!o.dry_run)
        tx.emplace(ctx.folder().root(), ctx.commit_policy());
    CalendarImport import(o, ctx, tx ? &*tx : nullptr);
    for (const auto& [file, why] : unreadable)
        import.unreadable(file, why);
    for (const auto& [file, calendar] : read)
        import.take(file, calendar);
    return import.finish();
}

// The calendars of a folder crm import read for contacts too (a vdir of .vcf and .ics):
// each as its own import.
int import_calendars(const ImportOptions& o, const std::vector<std::string>& files, Context& ctx) {
    int status = 0;
    for (const auto& file : files) {
        ImportOptions one = o;
        one.file = file;
        status = std::max(status, import_calendar(one, ctx));
    }
    return status;
}

}  // namespace crm::commands
