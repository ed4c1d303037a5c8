#include "complete.hpp"

#include <algorithm>
#include <ostream>

#include "crm/commands/common.hpp"
#include "crm/commands/option_values.hpp"
#include "crm/schema/records.hpp"
#include "crm/util/format.hpp"

#include "args.hpp"
#include "usage.hpp"

namespace crm::cli {

namespace {

using commands::Candidate;

std::vector<Candidate> plain(const std::vector<std::string>& words) {
    std::vector<Candidate> out;
    for (const auto& w : words)
        out.push_back({w, {}, false});
    return out;
}

// The value of the first positional that names a client: whose contacts, opportunities
// and items the next words are.
std::string client_typed(const Reading& r) {
    if (!r.command)
        return {};
    for (std::size_t k = 0; k < r.command->positionals.size() && k < r.positionals.size(); ++k)
        if (r.command->positionals[k].values.kind == Kind::clients)
            return r.positionals[k];
    return {};
}

// The FIELD typed before VALUE (set, opportunity set, contact set).
std::string field_typed(const Reading& r) {
    if (!r.command)
        return {};
    for (std::size_t k = 0; k < r.command->positionals.size() && k < r.positionals.size(); ++k)
        if (r.command->positionals[k].values.kind == Kind::fields ||
            r.command->positionals[k].name == "FIELD")
            return r.positionals[k];
    return {};
}

template <class R>
Values field_values(const schema::Schema<R>& s, const std::string& field) {
    const schema::Field<R>* f = s.named(field.substr(0, field.find('.')));
    return f ? values_of(*f) : Values{};
}

class Completer {
  public:
    Completer(const Reading& r, commands::Context& ctx) : r_(r), ctx_(ctx) {}

    std::vector<Candidate> values(const Values& v) {
        const std::string client = client_typed(r_);
        const Settings& s = ctx_.folder().settings();
        switch (v.kind) {
            case Kind::none:
            case Kind::files:
            case Kind::dirs:
                return {};
            case Kind::words:
                return plain(v.words);
            case Kind::clients:
                return commands::client_candidates(ctx_);
            case Kind::contacts:
                return plain(commands::contact_names(ctx_, client));
            case Kind::team:
                return plain(s.team_names());
            case Kind::tags:
                return plain(commands::tag_names(ctx_));
            case Kind::stages:
                return plain(s.stages);
            case Kind::tiers:
                return plain(s.tier_names());
            case Kind::opportunity_stages:
                return plain(s.open_opportunity_stage_names());
            case Kind::projects:
                return plain(commands::won_projects(ctx_, client));
            case Kind::opportunities:
                return commands::opportunity_titles(ctx_, client);
            case Kind::items:
                return commands::open_items(ctx_, client);
            case Kind::fields:
                return plain(
                    v.record == Record::opportunity ? settable_words(schema::opportunity_schema())
                    : v.record == Record::contact   ? settable_words(schema::contact_schema())
                                                    : settable_words(schema::client_schema()));
            case Kind::field_value: {
                const std::string field = field_typed(r_);
                const Values inner = v.record == Record::opportunity
                                         ? field_values(schema::opportunity_schema(), field)
                                     : v.record == Record::contact
                                         ? field_values(schema::contact_schema(), field)
                                         : field_values(schema::client_schema(), field);
                return inner.kind == Kind::field_value ? std::vector<Candidate>{} : values(inner);
            }
        }
        return {};
    }

  private:
    const Reading& r_;
    commands::Context& ctx_;
};

std::vector<Candidate> option_candidates(const Spec& spec, const Reading& r) {
    std::vector<Candidate> out;
    auto add = [&](const std::vector<OptionSpec>& options) {
        for (const auto& o : options)
            for (const auto& n : o.names)
                if (n.starts_with("--") && std::none_of(out.begin(), out.end(),
                                                        [&](const auto& c) { return c.word == n; }))
                    out.push_back({n, o.help, false});
    };
    if (r.command)
        add(r.command->options);
    add(spec.globals);
    return out;
}

void print(std::ostream& out, const std::string& kind, const std::vector<Candidate>& all,
           const std::string& prefix, const std::string& typed) {
    out << kind << '\n';
    for (const auto& c : all) {
        const std::string word = prefix + c.word;
        // A client's name is offered once a letter is typed: a list of every client
        // twice (slug, then name) helps nobody.
        if (!word.starts_with(typed) || word.empty() || (c.alias && typed == prefix))
            continue;
        // One line each: a value with a line break or a tab in it is never offered.
        if (word.find_first_of("\t\r\n") != std::string::npos)
            continue;
        std::string about = c.about.substr(0, c.about.find_first_of("\r\n"));
        std::replace(about.begin(), about.end(), '\t', ' ');
        out << word;
        if (!about.empty())
            out << '\t' << about;
        out << '\n';
    }
}

}  // namespace

int complete(const Spec& spec, const std::vector<std::string>& words,
             const commands::Environment& environment, const commands::Streams& streams) {
    const std::string current = words.empty() ? std::string() : words.back();
    const std::vector<std::string> before(words.begin(), words.end() - (words.empty() ? 0 : 1));
    const Reading r = read_leniently(spec, before);
    std::ostream& out = streams.out;

    Values values;
    std::string prefix;  // `--format=` before a value typed in the option's word
    if (r.wants_value) {
        values = r.wants_value->values;
    } else if (!r.after_dashes && current.starts_with("--") &&
               current.find('=') != std::string::npos) {
        prefix = current.substr(0, current.find('=') + 1);
        const Reading with = read_leniently(spec, [&] {
            auto w = before;
            w.push_back(prefix.substr(0, prefix.size() - 1));
            return w;
        }());
        if (!with.wants_value)
            return 0;
        values = with.wants_value->values;
    } else if (!r.after_dashes && current.starts_with("-")) {
        print(out, "words", option_candidates(spec, r), "", current);
        return 0;
    } else if (!r.command) {
        std::vector<Candidate> names;
        for (const auto& c : spec.commands)
            if (!c.hidden)
                names.push_back({c.name, c.summary, false});
        print(out, "words", names, "", current);
        return 0;
    } else if (!r.command->subcommands.empty()) {
        std::vector<Candidate> names;
        for (const auto& c : r.command->subcommands)
            names.push_back({c.name, c.summary, false});
        print(out, "words", names, "", current);
        return 0;
    } else {
        const auto& ps = r.command->positionals;
        const std::size_t k = r.positionals.size();
        if (k < ps.size())
            values = ps[k].values;
        else if (!ps.empty() && ps.back().repeats)
            values = ps.back().values;
    }

    if (values.kind == Kind::files || values.kind == Kind::dirs) {
        out << (values.kind == Kind::files ? "files" : "dirs") << '\n';
        return 0;
    }
    std::vector<Candidate> found;
    try {
        commands::GlobalOptions global;
        if (r.dir.size() == 2)
            global.dir = r.dir[1];
        commands::Context ctx(global, environment, streams);
        found = Completer(r, ctx).values(values);
    } catch (const std::exception&) {
        found.clear();
    }
    print(out, "words", found, prefix, current);
    return 0;
}

}  // namespace crm::cli
