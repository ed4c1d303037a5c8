#include <algorithm>
#include <filesystem>
#include <istream>
#include <iterator>

#include "crm/commands/common.hpp"
#include "crm/commands/log_visit.hpp"
#include "crm/schema/check.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

#include "editor.hpp"
#include "meeting.hpp"
#include "writes.hpp"

namespace crm::commands {

namespace {

// Something written about the visit: anything but when it was and what kind (rows with
// a rule of their own: required, or one of allowed values).
bool has_content(const LogVisitOptions& o) {
    if (!o.summary.empty())
        return true;
    for (const auto& f : schema::visit_schema().fields)
        if (auto it = o.visit.find(f.key); it != o.visit.end() && !it->second.empty())
            if (!f.has(schema::kRequired) && f.allowed == schema::Allowed::any)
                return true;
    return false;
}

Visit visit_from_options(const LogVisitOptions& o, Context& ctx,
                         std::vector<std::string>& warnings) {
    Visit v;
    v.date = ctx.today();
    v.by = ctx.user();
    type_fields(schema::visit_schema(), o.visit, v, typing(ctx, o.force, &warnings));
    // SUMMARY first, then --note.
    if (!o.summary.empty())
        v.notes = v.notes.empty() ? o.summary : fmt::format("{}\n\n{}", o.summary, v.notes);
    return v;
}

// The phrases a person wrote (`due: next fri`) as the dates they mean, in `text`'s own
// lines (schema::with_dates_read: a date on the wrong side of today is a usage error).
std::string with_dates(Context& ctx, const std::string& text, const std::string& file, bool force) {
    return schema::with_dates_read(schema::visit_schema(), text, file, typing(ctx, force));
}

// `crm log-visit CLIENT -`: a whole visit as YAML on standard input, validated like a file.
// Its custom fields, as YAML, go to `custom_yaml`.
Visit visit_from_stdin(Context& ctx, bool force, std::string& custom_yaml) {
    // Capped like a file: the reader refuses anything over the limit without holding it all.
    std::string text;
    char buf[65536];
    while (text.size() <= yaml::kMaxFileSize && ctx.in().read(buf, sizeof buf).gcount() > 0)
        text.append(buf, static_cast<std::size_t>(ctx.in().gcount()));
    text = with_dates(ctx, text, "<stdin>", force);
    yaml::Node root = yaml::parse(text, "<stdin>");
    // Like the options, a visit on stdin without a date happened today.
    if (root.is_map() && !root.find("date")) {
        yaml::Node key, value;
        key.kind = value.kind = yaml::Node::Kind::scalar;
        key.value = "date";
        value.value = ctx.today().iso();
        root.entries.emplace(root.entries.begin(), std::move(key), std::move(value));
    }
    Visit v = schema::visit_from(root, "<stdin>");
    if (v.by.empty())
        v.by = ctx.user();
    if (!is_visit_kind(v.kind))
        v.kind = one_of("kind", v.kind, visit_kinds());
    if (!v.initiated_by.empty())
        v.initiated_by = one_of("initiated_by", v.initiated_by, {"us", "client"});
    custom_yaml = schema::custom_fields_yaml(root, v.custom);
    return v;
}

// What messages call the new visit before it has a name.
std::string new_visit_shown(const std::string& slug) {
    return record_file_path(slug, RecordKind::visit, "(new visit)");
}

std::string commit_message(const Client& c, const Visit& v) {
    return fmt::format("log-visit: {} ({} {})", c.name, v.date, v.kind);
}

// `--edit`: the visit as the user writes it, comments and all, its date phrases read
// (`due: next fri` is written as the date it means). nullopt: cancelled.
std::optional<std::string> visit_from_editor(const Visit& prefilled, const std::string& slug,
                                             const std::string& client_name, bool force,
                                             Context& ctx) {
    EditorRequest request;
    request.header = fmt::format(
        "# crm: New visit for {}. Fill it in, then save and quit; dates as you say them\n"
        "# crm: (next fri, in 2 weeks) are written as the day they mean.\n"
        "# crm: Leave it unchanged or empty it to cancel. Lines starting with \"# crm:\" are "
        "removed.\n",
        client_name);
    request.text = fmt::format("{}{}", schema::visit_yaml(prefilled),
                               schema::template_hints(schema::visit_schema(), prefilled));
    request.name = fmt::format("{}-new-visit", slug);
    const Settings& settings = ctx.folder().settings();
    const std::string shown = new_visit_shown(slug);
    const schema::Typing t = typing(ctx, force);
    request.validate = [&](const std::string& text) -> std::vector<DataError> {
        try {
            const std::string read =
                schema::with_dates_read(schema::visit_schema(), text, shown, t);
            return schema::check_file(read, shown, schema::FileKind::visit, settings);
        } catch (const DataError& e) {
            return {e};
        } catch (const UsageError& e) {  // a date on the wrong side of today
            return {DataError({}, e.what(), e.hint())};
        }
    };
    auto result = run_editor(ctx, request);
    if (result.outcome != EditorResult::Outcome::saved) {
        ctx.note(fmt::format(
            "{} template: no visit logged",
            result.outcome == EditorResult::Outcome::unchanged ? "unchanged" : "emptied"));
        return std::nullopt;
    }
    std::string text = with_dates(ctx, result.text, shown, force);
    if (!text.ends_with('\n'))
        text += '\n';
    return text;
}

// The options' content added to a meeting's visit: lists grow, single values replace,
// notes are appended.
void fill_meeting(Visit& v, const LogVisitOptions& o, Context& ctx) {
    LogVisitOptions content = o;
    content.visit.erase("date");  // the meeting keeps its own
    std::vector<std::string> warnings;
    const Visit add = visit_from_options(content, ctx, warnings);
    for (const auto& w : warnings)
        ctx.warn(w);
    if (!add.where.empty())
        v.where = add.where;
    if (!add.initiated_by.empty())
        v.initiated_by = add.initiated_by;
    for (const auto& name : add.with)
        if (std::find(v.with.begin(), v.with.end(), name) == v.with.end())
            v.with.push_back(name);
    v.discussed.insert(v.discussed.end(), add.discussed.begin(), add.discussed.end());
    v.new_topics.insert(v.new_topics.end(), add.new_topics.begin(), add.new_topics.end());
    v.promises.insert(v.promises.end(), add.promises.begin(), add.promises.end());
    v.actions.insert(v.actions.end(), add.actions.begin(), add.actions.end());
    if (add.next_contact)
        v.next_contact = add.next_contact;
    if (!add.notes.empty())
        v.notes = v.notes.empty() ? add.notes : fmt::format("{}\n\n{}", v.notes, add.notes);
}

// The client's meeting --meeting names: a date (the pending meeting of that day) or a
// piece of its file name.
const Visit& pending_meeting(const ClientRecord& r, const std::string& which, Context& ctx) {
    std::vector<const Visit*> pending;
    for (const Visit& v : r.visits)
        if (v.report == "pending")
            pending.push_back(&v);
    std::optional<Date> day;
    if (which.find('/') == std::string::npos && !which.ends_with(".yaml")) {
        try {
            day = parse_date_arg(which, ctx.today(), DateDirection::past, "--meeting",
                                 ctx.folder().settings().order());
        } catch (const UsageError&) {
        }
    }
    auto named = [&](const Visit& v) {
        return day ? v.date == *day
                   : std::filesystem::path(v.file).filename().string().find(
                         std::filesystem::path(which).filename().string()) != std::string::npos;
    };
    std::vector<const Visit*> found;
    for (const Visit* v : pending)
        if (named(*v))
            found.push_back(v);
    if (found.size() == 1)
        return *found.front();
    const std::string what = day ? fmt::format("on {}", *day) : fmt::format("named '{}'", which);
    if (found.size() > 1) {
        std::vector<std::string> files;
        for (const Visit* v : found)
            files.push_back(std::filesystem::path(v->file).filename().string());
        throw RuntimeError(fmt::format("{} has {} pending meetings {}: {}", r.client.name,
                                       found.size(), what, join(files, ", ")),
                           "give --meeting one file name");
    }
    for (const Visit& v : r.visits)
        if (v.kind == "meeting" && !v.event.empty() && named(v))
            throw RuntimeError(fmt::format("the meeting {} at {} is written up already ({})", what,
                                           r.client.name, v.file),
                               fmt::format("crm edit {} --visit {} changes it", r.client.slug,
                                           std::filesystem::path(v.file).filename().string()));
    std::vector<std::string> dates;
    for (const Visit* v : pending)
        dates.push_back(v->date.iso());
    throw RuntimeError(
        fmt::format("{} has no meeting {} waiting to be written up", r.client.name, what),
        dates.empty() ? std::string("crm due lists the meetings waiting for their report")
                      : fmt::format("its pending meetings: {}", join(dates, ", ")));
}

// The meeting's file without its `report: pending` line: what the editor starts from.
std::string without_pending_line(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        end = end == std::string::npos ? text.size() : end + 1;
        const std::string_view line(text.data() + start, end - start);
        if (trim(line) != "report: pending" || line.starts_with(' '))
            out.append(line);
        start = end;
    }
    return out;
}

int write_up_meeting(const LogVisitOptions& o, Context& ctx) {
    if (auto date = o.visit.find("date"); date != o.visit.end() && !date->second.empty())
        throw UsageError("--date and --meeting cannot go together: the meeting has its date",
                         "give the meeting's date to --meeting");
    if (o.summary == "-")
        throw UsageError("- (a visit on standard input) and --meeting cannot go together",
                         "give the content as options, or write it up in the editor (--edit)");
    const bool use_editor = o.edit || (!has_content(o) && ctx.in_is_tty());
    if (!use_editor && !has_content(o))
        throw UsageError("nothing to write up: no content and no terminal for the editor",
                         "give --discussed, --promise, --action, --next or a SUMMARY");
    const std::string slug = resolve_client(ctx, o.client);
    auto& folder = ctx.folder();
    const Settings& settings = folder.settings();
    std::vector<DataError> problems;
    const ClientRecord record = folder.load_record(slug, problems);
    const Visit& meeting = pending_meeting(record, o.meeting, ctx);
    const std::string file = meeting.file;
    const auto before = folder.read(file);
    if (!before)
        throw RuntimeError(fmt::format("cannot read {}", file));
    std::string text;
    const auto written = as_crm_wrote_it(*before, file);
    if (use_editor) {
        std::string start = without_pending_line(*before);
        if (written && has_content(o)) {
            WrittenVisit filled = *written;
            fill_meeting(filled.visit, o, ctx);
            filled.visit.report.clear();
            start = filled.text();
        }
        EditorRequest request;
        request.header = fmt::format(
            "# crm: The meeting of {} with {}. Write it up, then save and quit.\n"
            "# crm: Leave it unchanged or empty it to cancel: it stays pending. Lines starting "
            "with \"# crm:\" are removed.\n",
            meeting.date, record.client.name);
        request.text = fmt::format(
            "{}{}", start,
            schema::template_hints(schema::visit_schema(), schema::read_visit(start, file)));
        request.name = fmt::format("{}-meeting", slug);
        request.validate = [&](const std::string& t) {
            return schema::check_file(t, file, schema::FileKind::visit, settings);
        };
        auto result = run_editor(ctx, request);
        if (result.outcome != EditorResult::Outcome::saved) {
            ctx.note(fmt::format(
                "{} template: the meeting of {} stays pending",
                result.outcome == EditorResult::Outcome::unchanged ? "unchanged" : "emptied",
                meeting.date));
            return 0;
        }
        text = result.text.ends_with('\n') ? result.text : fmt::format("{}\n", result.text);
    } else {
        if (!written)
            throw RuntimeError(
                fmt::format("{} was edited by hand: crm will not rewrite it from options", file),
                fmt::format("write it up in the editor: crm log-visit {} --meeting {} --edit", slug,
                            meeting.date));
        WrittenVisit filled = *written;
        fill_meeting(filled.visit, o, ctx);
        filled.visit.report.clear();
        text = filled.text();
    }
    const auto refused = schema::check_file(text, file, schema::FileKind::visit, settings);
    if (!refused.empty())
        throw refused.front();
    auto tx = ctx.transaction();
    // The file as it was when we read it: an edit made meanwhile is not overwritten.
    if (folder.read(file) != before)
        throw RuntimeError(fmt::format("{} changed while you were writing", file),
                           "run the command again");
    tx.replace(file, text);
    ctx.out() << file << '\n';
    if (schema::read_visit(text, file).report == "pending")
        ctx.warn(fmt::format("{} still says report: pending; crm due keeps listing it", file));
    tx.commit(
        fmt::format("log-visit: {} ({} meeting written up)", record.client.name, meeting.date));
    (void)ctx.warn_problems(problems);  // another file of the client: said, not fatal here
    return 0;
}

}  // namespace

int log_visit(const LogVisitOptions& o, Context& ctx) {
    if (!o.meeting.empty())
        return write_up_meeting(o, ctx);
    const bool use_editor = o.edit || (!has_content(o) && ctx.in_is_tty());
    const std::string slug = resolve_client(ctx, o.client);
    std::string custom_yaml;
    std::vector<std::string> warnings;
    Visit visit = o.summary == "-" ? visit_from_stdin(ctx, o.force, custom_yaml)
                                   : visit_from_options(o, ctx, warnings);
    Client client = client_or_slug(ctx, slug);
    std::string text = fmt::format("{}{}", schema::visit_yaml(visit), custom_yaml);
    if (use_editor) {
        auto edited = visit_from_editor(visit, slug, client.name, o.force, ctx);
        if (!edited)
            return 0;
        text = *edited;
        visit = schema::read_visit(text, new_visit_shown(slug));
        if (visit.by.empty())
            visit.by = ctx.user();
    }

    write_new_record(ctx, slug, RecordKind::visit, visit.date, visit.by, text,
                     commit_message(client, visit));
    // After the file's path, what each date was understood as.
    say_dates(ctx, schema::visit_schema(), visit, warnings);
    return 0;
}

}  // namespace crm::commands
