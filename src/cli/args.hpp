#pragma once
// The vocabulary every command's command line is declared in: one call per argument
// binds it (through CLI11) to the command's options struct and records, in the same
// place, what it is (spec.hpp): the values it takes, what completes it, whether it
// repeats. A command is one `Command` (commands_*.cpp): its name, summary, help footer
// and the function that declares its arguments and returns what runs it.
//
//   {"show", "A client's profile, contacts, open promises and timeline", "",
//    [](Args& a) {
//        auto o = a.options<commands::ShowOptions>();
//        a.client(o->client);
//        a.format(o->format, {Format::text, Format::json});
//        return a.run(o, &commands::show);
//    }},
#include <algorithm>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "crm/cli/registry.hpp"
#include "crm/commands/common.hpp"
#include "crm/commands/context.hpp"
#include "crm/render/output_format.hpp"
#include "crm/schema/records.hpp"

#include "spec.hpp"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace crm::cli {

using Format = render::OutputFormat;

inline constexpr const char* kClientHelp = "The client: slug, name, or a unique part of either";
inline constexpr const char* kContactHelp =
    "The contact: name in any case, e-mail, or a unique part";

class Args {
  public:
    Args(CLI::App& app, CommandSpec& spec);

    // The command's options struct, alive as long as what runs the command.
    template <class T>
    std::shared_ptr<T> options() {
        auto o = std::make_shared<T>();
        return o;
    }
    template <class T>
    commands::Runner run(std::shared_ptr<T> o, int (*command)(const T&, commands::Context&)) {
        return [o, command](commands::Context& ctx) { return command(*o, ctx); };
    }

    // -- positionals, in order ------------------------------------------------------
    // CLIENT: a client by slug or name (completes both); required unless said.
    void client(std::string& out, const char* help = kClientHelp, const char* name = "CLIENT",
                bool required = true);
    // CONTACT: a contact of the CLIENT before it (completes their names).
    void contact(std::string& out, const char* help = kContactHelp);
    void positional(const char* name, std::string& out, const char* help, Values values = {},
                    bool required = true);
    // NAME...: every word left (completes each as `values`).
    void positionals(const char* name, std::vector<std::string>& out, const char* help,
                     Values values = {}, bool required = false);
    // A positional that only takes `words` (SHELL of completion, FIELD of contact set).
    void positional_choice(const char* name, std::string& out, const char* help,
                           std::vector<std::string> words, bool required = true);

    // -- options --------------------------------------------------------------------
    // `names`: "--owner" or "-o,--output". `value_name` shows in help: DATE, DUR, NAME.
    CLI::Option* option(const char* names, std::string& out, const char* help, Values values = {},
                        const char* value_name = "TEXT");
    // Repeatable: one value per use (`--tag a --tag b`); "(repeatable)" ends its help.
    CLI::Option* texts(const char* names, std::vector<std::string>& out, const char* help,
                       Values values = {}, const char* value_name = "TEXT");
    CLI::Option* flag(const char* names, bool& out, const char* help);
    // Only one of `words` (checked with crm's message; completes them in this order).
    CLI::Option* choice(const char* names, std::string& out, const char* help,
                        std::vector<std::string> words, const char* value_name = "WORD");
    // --format: one of the command's formats, read into `out` (render::parse_format's
    // words when it is none of them); the first is the default.
    CLI::Option* format(render::OutputFormat& out, std::vector<render::OutputFormat> formats);
    // Dates by direction: a past-facing one (`--date fri` is the last Friday), a
    // future-facing one (`--until fri` is the coming one); read with date_order.
    CLI::Option* past_date(const char* names, commands::DateText& out, const char* help);
    CLI::Option* future_date(const char* names, commands::DateText& out, const char* help);
    // --within DUR | --until DATE: the window of `due` and `remind`.
    void due_window(std::string& within, commands::DateText& until);
    // --owner NAME | --mine.
    void owner_or_mine(std::string& owner, bool& mine, const char* owner_help,
                       const char* mine_help);
    // --force: keep a date on the wrong side of today.
    void force(bool& out);
    // The options (and the NAME or TITLE positional) of a record's fields, from the rows
    // of its schema that name one (schema/records.cpp), into `out` by key.
    // With `only`, just the rows of those keys (import's --stage, --tag... of a client).
    template <class R>
    void fields(const schema::Schema<R>& s, commands::FieldTexts& out,
                std::initializer_list<std::string_view> only = {});
    // The two cannot go together.
    void excludes(CLI::Option* a, CLI::Option* b);
    // An option the command cannot do without.
    void required(CLI::Option* opt);

    // -- commands of this command (`contact add`) ------------------------------------
    void subcommand(const Command& c);
    // What runs whichever of them was typed.
    commands::Runner subcommands();
    // The same, and `without` when none was typed (`crm inbox` lists, `crm inbox drop 2`).
    commands::Runner subcommands_or(commands::Runner without);

  private:
    OptionSpec& add_spec(CLI::Option* opt, const char* help, Values values, bool takes_value);
    void add_field(std::string_view option, std::string_view help, std::vector<std::string>& out,
                   Values values, bool repeats, bool required, const char* value_name);

    CLI::App& app_;
    CommandSpec& spec_;
    std::shared_ptr<commands::Runner> selected_;
};

// The completion of a field's value, from its row: Allowed's words or the folder's
// values, its Names, a rating's scale.
template <class R>
Values values_of(const schema::Field<R>& f);
Values values_of(schema::Allowed allowed, schema::Names names, bool rating);

template <class R>
Values values_of(const schema::Field<R>& f) {
    return values_of(f.allowed, f.arg.names, std::holds_alternative<Rating R::*>(f.member));
}

template <class R>
void Args::fields(const schema::Schema<R>& s, commands::FieldTexts& out,
                  std::initializer_list<std::string_view> only) {
    for (const auto& f : s.fields) {
        if (f.arg.option.empty())
            continue;
        if (only.size() && std::find(only.begin(), only.end(), f.key) == only.end())
            continue;
        bool repeats = false;
        const char* value_name = "TEXT";
        std::visit(
            [&](auto m) {
                using T = std::remove_cvref_t<decltype(std::declval<R&>().*m)>;
                repeats = std::is_same_v<T, std::vector<std::string>> ||
                          std::is_same_v<T, std::vector<Commitment>> ||
                          std::is_same_v<T, std::vector<Contact>>;
                if constexpr (std::is_same_v<T, Date> || std::is_same_v<T, std::optional<Date>>)
                    value_name = "DATE";
                else if constexpr (std::is_same_v<T, std::optional<Cadence>>)
                    value_name = "DUR";
                else if constexpr (std::is_same_v<T, std::optional<Money>> ||
                                   std::is_same_v<T, std::optional<Percent>>)
                    value_name = "N";
                else if constexpr (std::is_same_v<T, std::vector<Commitment>>)
                    value_name = "\"TEXT [by DATE]\"";
            },
            f.member);
        if (f.arg.names == schema::Names::team || f.arg.names == schema::Names::contacts)
            value_name = "NAME";
        else if (f.arg.names == schema::Names::none && values_of(f).kind != Kind::none)
            value_name = "WORD";
        if (!f.arg.due_key.empty())
            value_name = "\"TEXT [by DATE]\"";
        add_field(f.arg.option, f.arg.help, out[std::string(f.key)], values_of(f), repeats,
                  f.arg.has(schema::kMustGive), value_name);
    }
}

// The words FIELD takes in `set` and its kin.
template <class R>
std::vector<std::string> settable_words(const schema::Schema<R>& s) {
    return schema::settable_keys(s);
}

// The groups of commands, each in its file; `crm --help` lists them in this order.
std::span<const Command> record_commands();  // commands_record.cpp
std::span<const Command> look_commands();    // commands_look.cpp
std::span<const Command> client_commands();  // commands_client.cpp
std::span<const Command> keep_commands();    // commands_keep.cpp
std::span<const Command> team_commands();    // commands_team.cpp
std::span<const Command> deal_commands();    // commands_deal.cpp

}  // namespace crm::cli
