#include <CLI/CLI.hpp>

#include <iostream>
#include <iterator>

#include "crm/commands/commands.hpp"
#include "crm/commands/common.hpp"
#include "crm/domain/text.hpp"
#include "crm/store/files.hpp"
#include "crm/store/lock.hpp"
#include "crm/store/record_io.hpp"

namespace crm::commands {

namespace {

struct LogVisitOptions {
    std::string client;
    std::string summary;
    std::string date;
    std::string kind = "visit";
    std::string where;
    std::string initiated_by;
    std::vector<std::string> with;
    std::vector<std::string> discussed;
    std::vector<std::string> new_topics;
    std::vector<std::string> promises;
    std::vector<std::string> actions;
    std::string next;
    std::string note;
    bool edit = false;
};

bool has_content(const LogVisitOptions& o) {
    return !o.summary.empty() || !o.note.empty() || !o.where.empty() || !o.with.empty() ||
           !o.discussed.empty() || !o.new_topics.empty() || !o.promises.empty() ||
           !o.actions.empty() || !o.next.empty();
}

Visit visit_from_options(const LogVisitOptions& o, Context& ctx) {
    const Date today = ctx.today();
    Visit v;
    v.date = o.date.empty() ? today : parse_date_arg(o.date, today, DateDirection::past, "--date");
    v.by = ctx.user();
    v.kind = o.kind;
    v.where = trim(o.where);
    v.initiated_by = o.initiated_by;
    v.with = o.with;
    v.discussed = o.discussed;
    v.new_topics = o.new_topics;
    for (const auto& p : o.promises)
        v.promises.push_back(parse_commitment(p, today, "--promise"));
    for (const auto& a : o.actions)
        v.actions.push_back(parse_commitment(a, today, "--action"));
    if (!o.next.empty())
        v.next_contact = parse_date_arg(o.next, today, DateDirection::future, "--next");
    v.notes = o.summary;
    if (!o.note.empty())
        v.notes += (v.notes.empty() ? "" : "\n\n") + o.note;
    return v;
}

// `crm log-visit CLIENT -`: a whole visit as YAML on standard input, validated like a file.
// Its custom fields, as YAML, go to `custom_yaml`.
Visit visit_from_stdin(Context& ctx, std::string& custom_yaml) {
    std::string text(std::istreambuf_iterator<char>(std::cin), {});
    yaml::Node root = yaml::parse(text, "<stdin>");
    // Like the options, a visit on stdin without a date happened today.
    if (root.is_map() && !root.find("date")) {
        yaml::Node key, value;
        key.kind = value.kind = yaml::Node::Kind::scalar;
        key.value = "date";
        value.value = ctx.today().iso();
        root.entries.emplace(root.entries.begin(), std::move(key), std::move(value));
    }
    Visit v = store::visit_from(root, "<stdin>");
    if (v.by.empty())
        v.by = ctx.user();
    if (!is_visit_kind(v.kind))
        require_one_of("kind", v.kind, visit_kinds());
    if (!v.initiated_by.empty())
        require_one_of("initiated_by", v.initiated_by, {"us", "client"});
    custom_yaml = store::custom_fields_yaml(root, v.custom);
    return v;
}

std::string commit_message(const Client& c, const Visit& v) {
    return "log-visit: " + c.name + " (" + v.date.iso() + " " + v.kind + ")";
}

int run(const LogVisitOptions& o, Context& ctx) {
    if (o.edit || (!has_content(o) && ctx.in_is_tty())) {
        throw RuntimeError("the editor for log-visit (--edit) is not available in this version yet",
                           "give the visit with options such as --discussed and --promise");
    }
    const std::string slug = resolve_client(ctx, o.client);
    auto& folder = ctx.folder();
    std::string custom_yaml;
    Visit visit =
        o.summary == "-" ? visit_from_stdin(ctx, custom_yaml) : visit_from_options(o, ctx);
    Client client = folder.load_client(slug);

    store::FolderLock lock(folder.root());
    const std::string file = folder.new_record_path(slug, "visits", visit.date, visit.by);
    store::remove_stale_temp_files(folder.root() / "clients" / slug / "visits");
    store::write_atomic(folder.root(), file, store::visit_yaml(visit) + custom_yaml, true);
    ctx.out() << file << '\n';
    ctx.commit({file}, commit_message(client, visit));
    return 0;
}

}  // namespace

Runner register_log_visit(CLI::App& cmd) {
    auto o = std::make_shared<LogVisitOptions>();
    cmd.add_option("CLIENT", o->client, "The client: slug, name, or a unique part of either")
        ->required();
    cmd.add_option(
        "SUMMARY", o->summary,
        "What happened, in a sentence (goes to notes); - reads a visit as YAML from stdin");
    cmd.add_option("--date", o->date, "When (default today): YYYY-MM-DD, yesterday, -2d, mon...");
    cmd.add_option("--kind", o->kind, "visit, call, meeting, email, lunch, event or other")
        ->check(CLI::IsMember(visit_kinds()));
    cmd.add_option("--where", o->where, "Where it took place");
    cmd.add_option("--initiated-by", o->initiated_by, "Who started it: us or client")
        ->check(CLI::IsMember({"us", "client"}));
    cmd.add_option("--with", o->with, "A person present (repeatable)");
    cmd.add_option("--discussed", o->discussed, "A topic discussed (repeatable)");
    cmd.add_option("--new-topic", o->new_topics, "A new topic raised (repeatable)");
    cmd.add_option("--promise", o->promises, "What we promised: \"TEXT [by DATE]\" (repeatable)");
    cmd.add_option("--action", o->actions, "Other follow-up work: \"TEXT [by DATE]\" (repeatable)");
    cmd.add_option("--next", o->next, "When to get in touch next: a date, +2w, fri...");
    cmd.add_option("--note", o->note, "Free-text notes");
    cmd.add_flag("--edit", o->edit, "Write the visit in your editor");
    return [o](Context& ctx) { return run(*o, ctx); };
}

}  // namespace crm::commands
