#include <istream>
#include <iterator>

#include "crm/commands/common.hpp"
#include "crm/commands/log_visit.hpp"
#include "crm/schema/check.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/text.hpp"

#include "editor.hpp"
#include "writes.hpp"

namespace crm::commands {

namespace {

bool has_content(const LogVisitOptions& o) {
    return !o.summary.empty() || !o.note.empty() || !o.where.empty() || !o.with.empty() ||
           !o.discussed.empty() || !o.new_topics.empty() || !o.promises.empty() ||
           !o.actions.empty() || !o.next.empty();
}

Visit visit_from_options(const LogVisitOptions& o, Context& ctx) {
    const Date today = ctx.today();
    Visit v;
    v.date = o.date.empty() ? today
                            : parse_date_arg(o.date, today, DateDirection::past, "--date",
                                             ctx.folder().settings().order());
    v.by = ctx.user();
    v.kind = o.kind;
    v.where = trim(o.where);
    v.initiated_by = o.initiated_by;
    v.with = o.with;
    v.discussed = o.discussed;
    v.new_topics = o.new_topics;
    const DateOrder order = ctx.folder().settings().order();
    auto commitments = [&](const std::vector<std::string>& texts, const char* option) {
        std::vector<Commitment> out;
        for (const auto& text : texts) {
            out.push_back(parse_commitment(text, today, option, order));
            if (!out.back().due)
                ctx.warn(fmt::format("{} '{}': {}", option, out.back().what, kNoDueDate));
        }
        return out;
    };
    v.promises = commitments(o.promises, "--promise");
    v.actions = commitments(o.actions, "--action");
    if (!o.next.empty())
        v.next_contact = parse_date_arg(o.next, today, DateDirection::future, "--next", order);
    v.notes = o.summary;
    if (!o.note.empty())
        v.notes += (v.notes.empty() ? "" : "\n\n") + o.note;
    return v;
}

// `crm log-visit CLIENT -`: a whole visit as YAML on standard input, validated like a file.
// Its custom fields, as YAML, go to `custom_yaml`.
Visit visit_from_stdin(Context& ctx, std::string& custom_yaml) {
    // Capped like a file: the reader refuses anything over the limit without holding it all.
    std::string text;
    char buf[65536];
    while (text.size() <= yaml::kMaxFileSize && ctx.in().read(buf, sizeof buf).gcount() > 0)
        text.append(buf, static_cast<std::size_t>(ctx.in().gcount()));
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
    return "log-visit: " + c.name + " (" + v.date.iso() + " " + v.kind + ")";
}

// The keys a visit may have that the options left empty, as comments to fill in.
std::string template_hints(const Visit& v) {
    std::string h;
    auto hint = [&](bool empty, const char* lines) {
        if (empty)
            h += lines;
    };
    hint(v.where.empty(), "# where: Their office, level 3\n");
    hint(v.initiated_by.empty(), "# initiated_by: us          # us | client\n");
    hint(v.with.empty(), "# with: [Jane Doe]\n");
    hint(v.discussed.empty(), "# discussed:\n#   - Phase 2 scope\n");
    hint(v.new_topics.empty(), "# new_topics:\n#   - New depot planned\n");
    hint(v.promises.empty(),
         "# promises:                 # what we promised the client\n"
         "#   - what: Send capability statement\n#     due: 2026-11-30\n");
    hint(v.actions.empty(),
         "# actions:                  # other follow-up work\n"
         "#   - what: Ask Bob for a cost estimate\n#     due: 2026-12-05\n");
    hint(!v.next_contact, "# next_contact: YYYY-MM-DD\n");
    hint(v.notes.empty(), "# notes: |\n#   What happened, in your words.\n");
    return h;
}

// `--edit`: the visit as the user writes it, comments and all. nullopt: cancelled.
std::optional<std::string> visit_from_editor(const Visit& prefilled, const std::string& slug,
                                             const std::string& client_name, Context& ctx) {
    EditorRequest request;
    request.header = "# crm: New visit for " + client_name +
                     ". Fill it in, then save and quit.\n"
                     "# crm: Leave it unchanged or empty it to cancel. Lines starting with "
                     "\"# crm:\" are removed.\n";
    request.text = schema::visit_yaml(prefilled) + template_hints(prefilled);
    request.name = slug + "-new-visit";
    const Settings& settings = ctx.folder().settings();
    const std::string shown = new_visit_shown(slug);
    request.validate = [&](const std::string& text) {
        return schema::check_file(text, shown, schema::FileKind::visit, settings);
    };
    auto result = run_editor(ctx, request);
    if (result.outcome != EditorResult::Outcome::saved) {
        ctx.note(std::string(result.outcome == EditorResult::Outcome::unchanged ? "unchanged"
                                                                                : "emptied") +
                 " template: no visit logged");
        return std::nullopt;
    }
    std::string text = result.text;
    if (!text.ends_with('\n'))
        text += '\n';
    return text;
}

}  // namespace

int log_visit(const LogVisitOptions& o, Context& ctx) {
    const bool use_editor = o.edit || (!has_content(o) && ctx.in_is_tty());
    const std::string slug = resolve_client(ctx, o.client);
    std::string custom_yaml;
    Visit visit =
        o.summary == "-" ? visit_from_stdin(ctx, custom_yaml) : visit_from_options(o, ctx);
    Client client = client_or_slug(ctx, slug);
    std::string text = schema::visit_yaml(visit) + custom_yaml;
    if (use_editor) {
        auto edited = visit_from_editor(visit, slug, client.name, ctx);
        if (!edited)
            return 0;
        text = *edited;
        visit = schema::read_visit(text, new_visit_shown(slug));
        if (visit.by.empty())
            visit.by = ctx.user();
    }

    write_new_record(ctx, slug, RecordKind::visit, visit.date, visit.by, text,
                     commit_message(client, visit));
    return 0;
}

}  // namespace crm::commands
