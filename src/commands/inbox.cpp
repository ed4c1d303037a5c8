#include "crm/commands/inbox.hpp"

#include <charconv>
#include <ostream>

#include "crm/commands/common.hpp"
#include "crm/model/layout.hpp"
#include "crm/render/inbox_view.hpp"
#include "crm/schema/check.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/format.hpp"

#include "capture.hpp"

namespace crm::commands {

namespace {

struct Entry {
    std::string file;
    std::optional<InboxMessage> message;  // none: the file cannot be read
    std::string problem;
};

Entry read_entry(Context& ctx, const std::string& file) {
    Entry e{file, std::nullopt, {}};
    try {
        const auto text = ctx.folder().read(file);
        if (!text)
            throw RuntimeError(fmt::format("{} is gone", file));
        e.message = schema::read_inbox_message(*text, file);
    } catch (const Error& err) {
        e.problem = err.what();
    }
    return e;
}

using render::subject_of;

int list(Context& ctx) {
    const auto files = ctx.folder().inbox_files();
    if (files.empty()) {
        ctx.note("the inbox is empty");
        return 0;
    }
    std::vector<render::InboxEntry> entries;
    int status = 0;
    for (const auto& f : files) {
        Entry e = read_entry(ctx, f);
        if (!e.message) {
            ctx.warn(e.problem);
            status = 1;
        }
        entries.push_back({std::move(e.file), std::move(e.message)});
    }
    ctx.out() << render::inbox_table(entries, render::Styler(ctx.color()), ctx.terminal_width());
    return status;
}

// The file numbered `number` by `crm inbox`, read under the transaction's lock.
std::size_t chosen(const std::string& number, std::size_t count) {
    std::size_t n = 0;
    const char* end = number.data() + number.size();
    auto [at, ec] = std::from_chars(number.data(), end, n);
    if (ec != std::errc() || at != end || n == 0)
        throw UsageError(fmt::format("'{}' is not a message number", number),
                         "give the number crm inbox shows, such as 1");
    if (n > count)
        throw RuntimeError(count == 0 ? "the inbox is empty"
                                      : fmt::format("there is no message {} in the inbox (it "
                                                    "has {})",
                                                    n, count),
                           "crm inbox lists them");
    return n - 1;
}

void remove_kept(store::Transaction& tx, const InboxMessage& m) {
    const std::string dir = fmt::format("{}/{}/", kInboxDir, kClientFilesDir);
    for (const auto& a : m.attachments)
        if (a.file.starts_with(dir) && std::filesystem::exists(tx.root() / a.file))
            tx.remove(a.file);
}

int drop(const InboxOptions& o, Context& ctx) {
    auto tx = ctx.transaction();
    const auto files = ctx.folder().inbox_files();
    const Entry e = read_entry(ctx, files[chosen(o.number, files.size())]);
    if (e.message)
        remove_kept(tx, *e.message);
    tx.remove(e.file);
    const std::string what =
        e.message ? fmt::format("{} from {}", subject_of(*e.message), e.message->from) : e.file;
    ctx.note(fmt::format("dropped {}", what));
    tx.commit(fmt::format("inbox: dropped {}", commit_subject(what)));
    return 0;
}

int file(const InboxOptions& o, Context& ctx) {
    if (o.client.empty())
        throw UsageError("crm inbox file needs the client", "crm inbox file N CLIENT");
    const std::string slug = resolve_client(ctx, o.client);
    auto tx = ctx.transaction();
    auto& folder = ctx.folder();
    const auto files = folder.inbox_files();
    const Entry e = read_entry(ctx, files[chosen(o.number, files.size())]);
    if (!e.message)
        throw RuntimeError(e.problem, fmt::format("correct it, or crm inbox drop {}", o.number));
    InboxMessage m = *e.message;
    const CaptureFolder known = load_capture_folder(ctx, false);
    if (known.message_ids.count(m.message_id))
        throw RuntimeError(
            fmt::format("message {} ({}) is logged already", o.number, subject_of(m)),
            fmt::format("drop it: crm inbox drop {}", o.number));
    const std::vector<Client> client{folder.load_client(slug)};
    const Settings& settings = folder.settings();
    const CaptureMatcher matcher(client, settings.team, settings.capture);
    const CaptureMatch match = matcher.match_client(participants(m), 0);
    // The files kept with it go to the client's files.
    KeptFileNames names(folder.root());
    for (auto& a : m.attachments) {
        if (a.file.empty() || !std::filesystem::exists(folder.root() / a.file))
            continue;
        const std::string to = names.next(client_files_dir(slug), m.date, a.name);
        tx.rename(a.file, to);
        a.file = to;
    }
    const Visit v = email_visit(m, match, ctx.user());
    const std::string path = folder.new_record_path(slug, RecordKind::visit, v.date, v.by);
    const std::string text = schema::visit_yaml(v);
    if (auto problems = schema::check_file(text, path, schema::FileKind::visit, settings);
        !problems.empty())
        throw problems.front();
    tx.create(path, text);
    tx.remove(e.file);
    ctx.out() << path << '\n';
    tx.commit(fmt::format("inbox: {} ({} email) filed", client.front().name, v.date));
    return 0;
}

}  // namespace

int inbox(const InboxOptions& o, Context& ctx) {
    if (o.action.empty())
        return list(ctx);
    if (o.action == "drop")
        return drop(o, ctx);
    return file(o, ctx);
}

}  // namespace crm::commands
