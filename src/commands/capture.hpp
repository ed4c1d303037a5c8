#pragma once
// What `crm log-email` and `crm inbox file` share: the folder as capture sees it (its
// clients and every Message-ID already logged), a captured message as the visit it
// becomes, and the files kept from it.
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "crm/commands/context.hpp"
#include "crm/formats/mail_read.hpp"
#include "crm/model/records.hpp"
#include "crm/reports/capture_match.hpp"

namespace crm::commands {

// A visit taken from a calendar, as the folder holds it.
struct CapturedMeeting {
    std::string slug;
    std::string file;
    Date date;
    bool pending = false;  // report: pending
};

// The folder as capture needs it, read under the transaction's lock so that two runs
// cannot both log one message: the clients (sorted by slug, their contacts to match), the
// Message-IDs of every visit and (with `inbox`) of every message in inbox/, and the
// calendar events every meeting came from.
struct CaptureFolder {
    std::vector<Client> clients;
    std::unordered_set<std::string> message_ids;
    std::unordered_map<std::string, CapturedMeeting> events;  // by the visit's `event`
    std::vector<DataError> problems;                          // files that could not be read

    // The index of the client `slug`, or clients.size().
    std::size_t index_of(const std::string& slug) const;
};
CaptureFolder load_capture_folder(Context& ctx, bool inbox = true);

// "Jane Doe <jane@acme.example>", or the address alone.
std::string person_text(const formats::MailPerson& p);

// The people on a message as the matcher takes them: From (the sender), To, Cc.
std::vector<CaptureParticipant> participants(const formats::Mail& m);
// The same from an inbox message's from:, to: and cc: lines.
std::vector<CaptureParticipant> participants(const InboxMessage& m);

// The e-mail visit a matched message becomes (`by`: the teammate on it, else `user`).
Visit email_visit(const InboxMessage& m, const CaptureMatch& match, const std::string& user);

// A message as it waits in inbox/ (or, with a match, as the visit it becomes): `date` the
// day it was sent (today when it says none or a later one), `candidates` the slugs.
InboxMessage inbox_message(const formats::Mail& m, const CaptureMatch& match, Date date,
                           std::vector<std::string> candidates);

// Names for files kept from messages, none twice: `date-name` in `dir`, -2, -3... when
// the folder or this run already has one.
class KeptFileNames {
  public:
    explicit KeptFileNames(const std::filesystem::path& root) : root_(root) {}
    std::string next(const std::string& dir, Date date, const std::string& name);

  private:
    std::filesystem::path root_;
    std::unordered_set<std::string> planned_;
};

// ", N skipped: 2 automatic, 1 mass mail" of a capture run's summary, from its counts by
// kind and the kinds' names (`counts[i]` of `names[i]`); empty when nothing was skipped.
std::string skipped_summary(std::span<const std::size_t> counts,
                            std::span<const std::string_view> names);

// "SOURCE: skipped, WHY (DETAIL)": the line that names one skipped message or event.
std::string skipped_line(const std::string& source, std::string_view why,
                         const std::string& detail);

}  // namespace crm::commands
