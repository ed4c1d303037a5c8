#include "capture.hpp"

#include <algorithm>

#include "crm/model/contact.hpp"
#include "crm/model/layout.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/format.hpp"

namespace crm::commands {

namespace {

// What one thread of the walk saw.
struct Seen {
    std::vector<Client> clients;
    std::vector<std::string> message_ids;
    std::vector<std::pair<std::string, CapturedMeeting>> events;
};

void add_people(const std::vector<std::string>& lines, bool sender,
                std::vector<CaptureParticipant>& out) {
    for (const auto& line : lines) {
        if (auto c = parse_contact_text(line); c && !c->email.empty())
            out.push_back({c->name == c->email ? std::string() : c->name, c->email, sender});
    }
}

}  // namespace

std::size_t CaptureFolder::index_of(const std::string& slug) const {
    auto it = std::lower_bound(clients.begin(), clients.end(), slug,
                               [](const Client& c, const std::string& s) { return c.slug < s; });
    return it != clients.end() && it->slug == slug ? static_cast<std::size_t>(it - clients.begin())
                                                   : clients.size();
}

CaptureFolder load_capture_folder(Context& ctx, bool inbox) {
    CaptureFolder folder;
    std::vector<Seen> parts;
    folder.problems = ctx.fold_records(
        store::Detail::summary, [&](std::size_t n) { parts.resize(n); },
        [&](std::size_t part, const ClientRecord& r) {
            Seen& seen = parts[part];
            seen.clients.push_back(r.client);
            for (const Visit& v : r.visits)
                if (!v.message_id.empty())
                    seen.message_ids.push_back(v.message_id);
                else if (!v.event.empty())
                    seen.events.emplace_back(v.event, CapturedMeeting{r.client.slug, v.file, v.date,
                                                                      v.report == "pending"});
        });
    for (auto& part : parts) {
        std::move(part.clients.begin(), part.clients.end(), std::back_inserter(folder.clients));
        for (auto& id : part.message_ids)
            folder.message_ids.insert(std::move(id));
        for (auto& [id, meeting] : part.events)
            folder.events.emplace(std::move(id), std::move(meeting));
    }
    auto& store = ctx.folder();
    for (const auto& file : inbox ? store.inbox_files() : std::vector<std::string>{}) {
        try {
            const auto text = store.read(file);
            if (text)
                folder.message_ids.insert(schema::read_inbox_message(*text, file).message_id);
        } catch (const DataError& e) {
            folder.problems.push_back(e);
        }
    }
    return folder;
}

std::string person_text(const formats::MailPerson& p) {
    return p.name.empty() ? p.address : fmt::format("{} <{}>", p.name, p.address);
}

std::vector<CaptureParticipant> participants(const formats::Mail& m) {
    std::vector<CaptureParticipant> out;
    for (const auto& p : m.from)
        out.push_back({p.name, p.address, true});
    for (const auto* list : {&m.to, &m.cc})
        for (const auto& p : *list)
            out.push_back({p.name, p.address, false});
    return out;
}

std::vector<CaptureParticipant> participants(const InboxMessage& m) {
    std::vector<CaptureParticipant> out;
    add_people({m.from}, true, out);
    add_people(m.to, false, out);
    add_people(m.cc, false, out);
    return out;
}

InboxMessage inbox_message(const formats::Mail& m, const CaptureMatch& match, Date date,
                           std::vector<std::string> candidates) {
    InboxMessage out;
    out.date = date;
    out.by = match.by;
    out.from = m.from.empty() ? std::string() : person_text(m.from.front());
    for (const auto& p : m.to)
        out.to.push_back(person_text(p));
    for (const auto& p : m.cc)
        out.cc.push_back(person_text(p));
    out.candidates = std::move(candidates);
    out.subject = m.subject;
    out.direction = match.outgoing ? "out" : "in";
    out.message_id = m.message_id;
    out.in_reply_to = m.in_reply_to;
    for (const auto& a : m.attachments)
        out.attachments.push_back({a.name, a.size, {}});
    out.notes = m.text;
    return out;
}

Visit email_visit(const InboxMessage& m, const CaptureMatch& match, const std::string& user) {
    Visit v;
    v.date = m.date;
    v.by = !match.by.empty() ? match.by : !m.by.empty() ? m.by : user;
    v.kind = "email";
    v.with = match.with;
    v.subject = m.subject;
    v.direction = match.outgoing ? "out" : "in";
    v.message_id = m.message_id;
    v.in_reply_to = m.in_reply_to;
    v.attachments = m.attachments;
    v.notes = m.notes;
    return v;
}

std::string KeptFileNames::next(const std::string& dir, Date date, const std::string& name) {
    const std::string safe = safe_file_name(name);
    const auto dot = safe.rfind('.');
    const std::string stem = fmt::format("{}-{}", date.iso(), safe.substr(0, dot));
    const std::string extension = dot == std::string::npos ? "" : safe.substr(dot);
    for (int n = 1;; ++n) {
        std::string path = fmt::format("{}/{}{}{}", dir, stem,
                                       n == 1 ? std::string() : fmt::format("-{}", n), extension);
        std::error_code ec;
        if (!planned_.count(path) && !std::filesystem::exists(root_ / path, ec)) {
            planned_.insert(path);
            return path;
        }
    }
}

std::string skipped_summary(std::span<const std::size_t> counts,
                            std::span<const std::string_view> names) {
    std::size_t skipped = 0;
    std::string why;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        skipped += counts[i];
        if (counts[i])
            why += fmt::format("{}{} {}", why.empty() ? "" : ", ", counts[i], names[i]);
    }
    return skipped ? fmt::format(", {} skipped: {}", skipped, why) : std::string();
}

std::string skipped_line(const std::string& source, std::string_view why,
                         const std::string& detail) {
    return fmt::format("{}: skipped, {}{}", source, why,
                       detail.empty() ? "" : fmt::format(" ({})", detail));
}

}  // namespace crm::commands
