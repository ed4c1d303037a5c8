#include "args.hpp"

#include <CLI/CLI.hpp>

#include "crm/model/records.hpp"
#include "crm/util/format.hpp"

namespace crm::cli {

namespace {

// "a, b or c": a list of values in a help line.
std::string spoken(const std::vector<std::string>& words) {
    if (words.size() < 2)
        return words.empty() ? std::string() : words.front();
    return fmt::format("{} or {}", fmt::join(words.begin(), words.end() - 1, ", "), words.back());
}

std::vector<std::string> names_of(const CLI::Option* opt) {
    std::vector<std::string> names;
    for (const auto& l : opt->get_lnames())
        names.push_back(fmt::format("--{}", l));
    for (const auto& s : opt->get_snames())
        names.push_back(fmt::format("-{}", s));
    return names;
}

}  // namespace

Values values_of(schema::Allowed allowed, schema::Names names, bool rating) {
    using schema::Allowed;
    if (rating)
        return Values::fixed(rating_names());
    switch (allowed) {
        case Allowed::visit_kinds:
            return Values::fixed(visit_kinds());
        case Allowed::initiated_by:
        case Allowed::date_orders:
        case Allowed::directions:
        case Allowed::report_states:
            return Values::fixed(schema::allowed_values(allowed, Settings{}));
        case Allowed::stages:
            return Values::of(Kind::stages);
        case Allowed::tiers:
            return Values::of(Kind::tiers);
        case Allowed::opportunity_stages:
            return Values::of(Kind::opportunity_stages);
        case Allowed::any:
        case Allowed::address:
            break;
    }
    switch (names) {
        case schema::Names::team:
            return Values::of(Kind::team);
        case schema::Names::contacts:
            return Values::of(Kind::contacts);
        case schema::Names::tags:
            return Values::of(Kind::tags);
        case schema::Names::projects:
            return Values::of(Kind::projects);
        case schema::Names::none:
            break;
    }
    return {};
}

Args::Args(CLI::App& app, CommandSpec& spec)
    : app_(app), spec_(spec), selected_(std::make_shared<commands::Runner>()) {}

OptionSpec& Args::add_spec(CLI::Option* opt, const char* help, Values values, bool takes_value) {
    OptionSpec s;
    s.names = names_of(opt);
    s.takes_value = takes_value;
    s.help = help;
    s.values = std::move(values);
    spec_.options.push_back(std::move(s));
    return spec_.options.back();
}

void Args::client(std::string& out, const char* help, const char* name, bool required) {
    positional(name, out, help, Values::of(Kind::clients), required);
}

void Args::contact(std::string& out, const char* help) {
    positional("CONTACT", out, help, Values::of(Kind::contacts));
}

void Args::positional(const char* name, std::string& out, const char* help, Values values,
                      bool required) {
    CLI::Option* opt = app_.add_option(name, out, help)->type_name("");
    if (required)
        opt->required();
    spec_.positionals.push_back({name, help, required, false, std::move(values), false});
}

void Args::positionals(const char* name, std::vector<std::string>& out, const char* help,
                       Values values, bool required) {
    CLI::Option* opt = app_.add_option(name, out, help)->type_name("");
    if (required)
        opt->required();
    spec_.positionals.push_back({name, help, required, true, std::move(values), false});
}

void Args::positional_choice(const char* name, std::string& out, const char* help,
                             std::vector<std::string> words, bool required) {
    positional(name, out, help, Values::fixed(std::move(words)), required);
    spec_.positionals.back().checked = true;
}

CLI::Option* Args::option(const char* names, std::string& out, const char* help, Values values,
                          const char* value_name) {
    CLI::Option* opt = app_.add_option(names, out, help)->type_name(value_name);
    add_spec(opt, help, std::move(values), true).value_name = value_name;
    return opt;
}

CLI::Option* Args::texts(const char* names, std::vector<std::string>& out, const char* help,
                         Values values, const char* value_name) {
    const std::string text = fmt::format("{} (repeatable)", help);
    // One value per use: CLI11 would otherwise let `--with Jane "The summary"` swallow
    // the positional SUMMARY as a second value.
    CLI::Option* opt =
        app_.add_option(names, out, text)->type_name(value_name)->allow_extra_args(false);
    OptionSpec& s = add_spec(opt, text.c_str(), std::move(values), true);
    s.repeats = true;
    s.value_name = value_name;
    return opt;
}

CLI::Option* Args::flag(const char* names, bool& out, const char* help) {
    CLI::Option* opt = app_.add_flag(names, out, help);
    add_spec(opt, help, {}, false);
    return opt;
}

CLI::Option* Args::choice(const char* names, std::string& out, const char* help,
                          std::vector<std::string> words, const char* value_name) {
    CLI::Option* opt = option(names, out, help, Values::fixed(std::move(words)), value_name);
    spec_.options.back().checked = true;
    return opt;
}

CLI::Option* Args::format(render::OutputFormat& out, std::vector<render::OutputFormat> formats) {
    std::vector<std::string> words = render::format_names(formats);
    const std::string help = spoken(words);
    out = formats.front();
    CLI::Option* opt = app_.add_option_function<std::string>(
                               "--format",
                               [&out, formats](const std::string& text) {
                                   out = render::parse_format(text, formats);
                               },
                               help)
                           ->type_name("FORMAT");
    OptionSpec& s = add_spec(opt, help.c_str(), Values::fixed(std::move(words)), true);
    s.value_name = "FORMAT";
    s.checked = true;
    return opt;
}

CLI::Option* Args::past_date(const char* names, commands::DateText& out, const char* help) {
    CLI::Option* opt = option(names, out.text, help, {}, "DATE");
    out.option = spec_.options.back().names.front();
    out.direction = DateDirection::past;
    return opt;
}

CLI::Option* Args::future_date(const char* names, commands::DateText& out, const char* help) {
    CLI::Option* opt = option(names, out.text, help, {}, "DATE");
    out.option = spec_.options.back().names.front();
    out.direction = DateDirection::future;
    return opt;
}

void Args::due_window(std::string& within, commands::DateText& until) {
    CLI::Option* w = option("--within", within,
                            "Window from today: 7d, 2w, 1m... (default: due_within)", {}, "DUR");
    CLI::Option* u = future_date("--until", until, "Last day of the window: a date, eom...");
    excludes(w, u);
}

void Args::owner_or_mine(std::string& owner, bool& mine, const char* owner_help,
                         const char* mine_help) {
    CLI::Option* o = option("--owner", owner, owner_help, Values::of(Kind::team), "NAME");
    CLI::Option* m = flag("--mine", mine, mine_help);
    excludes(o, m);
}

void Args::force(bool& out) {
    flag("--force", out,
         "Keep a date on the wrong side of today (a visit tomorrow, a next contact yesterday)");
}

void Args::excludes(CLI::Option* a, CLI::Option* b) {
    a->excludes(b);
    const std::string an = names_of(a).front(), bn = names_of(b).front();
    for (auto& s : spec_.options) {
        if (s.names.front() == an)
            s.excludes.push_back(bn);
        if (s.names.front() == bn)
            s.excludes.push_back(an);
    }
}

void Args::required(CLI::Option* opt) {
    opt->required();
    const std::string name = names_of(opt).front();
    for (auto& s : spec_.options)
        if (s.names.front() == name)
            s.required = true;
}

void Args::add_field(std::string_view option, std::string_view help, std::vector<std::string>& out,
                     Values values, bool repeats, bool required, const char* value_name) {
    const std::string name(option);
    const std::string text(help);
    // Each value is kept as typed; an empty list means "not given".
    auto keep = [&out](const std::string& v) { out.push_back(v); };
    if (!option.starts_with("-")) {  // NAME, TITLE: the record's positional
        app_.add_option_function<std::string>(name, keep, text)->type_name("")->required();
        spec_.positionals.push_back({name, text, true, false, std::move(values), false});
        return;
    }
    if (repeats) {
        CLI::Option* opt = texts(name.c_str(), out, text.c_str(), std::move(values), value_name);
        if (required)
            opt->required();
        spec_.options.back().required = required;
        return;
    }
    CLI::Option* opt =
        app_.add_option_function<std::string>(name, keep, text)->type_name(value_name);
    if (required)
        opt->required();
    OptionSpec& s = add_spec(opt, text.c_str(), std::move(values), true);
    s.value_name = value_name;
    s.required = required;
}

void Args::subcommand(const Command& c) {
    CLI::App* sub = app_.add_subcommand(c.name, c.summary);
    sub->footer(c.footer);
    CommandSpec child;
    child.name = c.name;
    child.path = fmt::format("{} {}", spec_.path, c.name);
    child.summary = c.summary;
    Args a(*sub, child);
    commands::Runner runner = c.declare(a);
    spec_.subcommands.push_back(std::move(child));
    sub->callback([selected = selected_, runner] { *selected = runner; });
}

commands::Runner Args::subcommands_or(commands::Runner without) {
    spec_.subcommand_optional = true;
    *selected_ = std::move(without);
    return [selected = selected_](commands::Context& ctx) { return (*selected)(ctx); };
}

commands::Runner Args::subcommands() {
    app_.require_subcommand(1);
    return [selected = selected_](commands::Context& ctx) { return (*selected)(ctx); };
}

}  // namespace crm::cli
