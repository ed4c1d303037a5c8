#include <istream>
#include <iterator>

#include "crm/commands/common.hpp"
#include "crm/commands/log_visit.hpp"
#include "crm/schema/check.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

#include "editor.hpp"
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

}  // namespace

int log_visit(const LogVisitOptions& o, Context& ctx) {
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
