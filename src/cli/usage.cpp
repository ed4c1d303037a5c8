#include "usage.hpp"

#include <algorithm>

#include "crm/util/error.hpp"
#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::cli {

bool looks_like_option(const std::string& word) {
    // As CLI11 reads a word: `-x`, `--xy`; but `-` is standard input, `-2d` a date (a dash
    // and a digit), and `- dash` or `-!` text, since no option starts that way.
    auto starts_name = [](char c) { return c != '-' && c != '!' && c != ' ' && c != '\n'; };
    if (word == "--")
        return true;
    if (word.size() > 2 && word.starts_with("--"))
        return starts_name(word[2]);
    return word.size() > 1 && word[0] == '-' && starts_name(word[1]) &&
           !(word[1] >= '0' && word[1] <= '9');
}

std::vector<std::string> closest(const std::string& word, const std::vector<std::string>& names) {
    std::vector<std::string> prefixed, typos;
    std::size_t best = 3;
    for (const auto& n : names) {
        if (word.size() >= 2 && n.starts_with(word) && n != word) {
            prefixed.push_back(n);
            continue;
        }
        // A typo is a character or two away, never most of a short word (-x is no -h).
        const std::size_t d = edit_distance(word, n);
        if (word.size() < 3 || d == 0 || d > std::max<std::size_t>(1, word.size() / 3) || d > best)
            continue;
        if (d < best)
            typos.clear();
        best = d;
        typos.push_back(n);
    }
    return prefixed.empty() ? typos : prefixed;
}

namespace {

// "'crm review' or 'crm reviews'": suggestions in a hint.
std::string either(const std::vector<std::string>& items) {
    if (items.size() < 2)
        return items.empty() ? std::string() : items.front();
    return fmt::format("{} or {}", fmt::join(items.begin(), items.end() - 1, ", "), items.back());
}

std::vector<std::string> quoted_commands(const std::string& prefix,
                                         const std::vector<std::string>& names) {
    std::vector<std::string> out;
    for (const auto& n : names)
        out.push_back(fmt::format("'crm {}{}'", prefix, n));
    return out;
}

// How a command is typed: `crm review CLIENT --project TEXT --rating WORD [OPTIONS]`.
std::string usage_of(const CommandSpec& c) {
    std::string out = fmt::format("crm {}", c.path);
    if (!c.subcommands.empty()) {
        std::vector<std::string> names;
        for (const auto& s : c.subcommands)
            names.push_back(s.name);
        return fmt::format("{} {} ...", out, fmt::join(names, "|"));
    }
    for (const auto& p : c.positionals)
        if (p.required)
            format_to(out, " {}{}", p.name, p.repeats ? "..." : "");
        else
            format_to(out, " [{}{}]", p.name, p.repeats ? "..." : "");
    for (const auto& o : c.options)
        if (o.required)
            format_to(out, " {} {}", o.names.front(), o.value_name);
    if (std::any_of(c.options.begin(), c.options.end(), [](const auto& o) { return !o.required; }))
        out += " [OPTIONS]";
    return out;
}

class Reader {
  public:
    Reader(const Spec& spec, bool strict) : spec_(spec), strict_(strict) {}

    Reading read(const std::vector<std::string>& words) {
        for (std::size_t i = 0; i < words.size() && !stopped_; ++i) {
            const std::string& w = words[i];
            if (r_.after_dashes || !looks_like_option(w)) {
                positional(w);
                continue;
            }
            if (w == "--") {
                r_.after_dashes = true;
                continue;
            }
            option(words, i);
        }
        if (strict_ && !r_.help)
            finish();
        return r_;
    }

  private:
    // The message names the command it is about: `log-visit: CLIENT is missing`.
    std::string about(const std::string& what) const {
        return r_.command ? fmt::format("{}: {}", r_.command->path, what) : what;
    }

    void fail(const std::string& message, const std::string& hint) {
        if (strict_)
            throw UsageError(message, hint);
        stopped_ = true;
    }

    std::string help_hint() const {
        return r_.command ? fmt::format("run 'crm {} --help' for its options", r_.command->path)
                          : std::string("run 'crm --help' for crm's options and commands");
    }

    const OptionSpec* find(const std::string& name) const {
        if (r_.command)
            if (const OptionSpec* o = r_.command->option(name))
                return o;
        for (const auto& g : spec_.globals)
            if (std::find(g.names.begin(), g.names.end(), name) != g.names.end())
                return &g;
        return nullptr;
    }

    std::vector<std::string> option_names() const {
        std::vector<std::string> names;
        if (r_.command)
            for (const auto& o : r_.command->options)
                names.insert(names.end(), o.names.begin(), o.names.end());
        for (const auto& g : spec_.globals)
            names.insert(names.end(), g.names.begin(), g.names.end());
        return names;
    }

    void unknown_option(const std::string& word, const std::string& name) {
        // "-rf now" is a value more often than a typo: a person's text that starts with '-'.
        if (!name.starts_with("--") && word.size() > 2) {
            const std::string shown =
                word.find(' ') == std::string::npos ? word : fmt::format("\"{}\"", word);
            fail(about(fmt::format("'{}' was read as an option, and crm has none such", word)),
                 fmt::format("a value that starts with '-' goes after --, as in: crm {} -- {}",
                             r_.command ? r_.command->path : "COMMAND", shown));
            return;
        }
        const auto near = closest(name, option_names());
        std::string hint =
            near.empty() ? help_hint() : fmt::format("did you mean {}?", either(near));
        if (!r_.command && near.empty())
            hint =
                "crm's own options are --dir, --no-commit, --include-changes, --no-color, "
                "--version "
                "and --help; a "
                "command's go after it: crm COMMAND --help";
        fail(about(fmt::format("unknown option {}", name)), hint);
    }

    void option(const std::vector<std::string>& words, std::size_t& i) {
        const std::string& w = words[i];
        std::string name = w, value;
        bool has_value = false;
        if (w.starts_with("--")) {
            if (const auto eq = w.find('='); eq != std::string::npos) {
                name = w.substr(0, eq);
                value = w.substr(eq + 1);
                has_value = true;
            }
        } else if (w.size() > 2) {
            // -oFILE: a short option and its value in one word.
            const OptionSpec* o = find(w.substr(0, 2));
            if (!o || !o->takes_value) {
                unknown_option(w, w);
                return;
            }
            name = w.substr(0, 2);
            value = w.substr(2);
            has_value = true;
        }
        const OptionSpec* o = find(name);
        if (!o) {
            unknown_option(w, name);
            return;
        }
        if (name == "--help" || name == "-h" || name == "--version") {
            r_.help = true;
            stopped_ = strict_;
            return;
        }
        if (!o->takes_value) {
            if (has_value)
                fail(about(fmt::format("{} takes no value", name)),
                     fmt::format("write {} alone", name));
            r_.given.push_back(o);
            return;
        }
        if (!o->repeats && std::find(r_.given.begin(), r_.given.end(), o) != r_.given.end())
            fail(about(fmt::format("{} is given twice", name)),
                 "give it once; an option that may be repeated says so in --help");
        r_.given.push_back(o);
        if (!has_value) {
            if (i + 1 >= words.size()) {
                r_.wants_value = o;
                missing_value(*o, name);
                return;
            }
            if (looks_like_option(words[i + 1])) {
                missing_value(*o, name);
                return;
            }
            value = words[++i];
        }
        check_value(name, value, o->checked, o->values.words);
        if (name == "--dir")
            r_.dir = {"--dir", value};
    }

    void missing_value(const OptionSpec& o, const std::string& name) {
        fail(about(fmt::format("{} needs a value", name)),
             o.checked ? fmt::format("{} {}, one of {}", name, o.value_name,
                                     fmt::join(o.values.words, ", "))
                       : fmt::format("{} {}; a value that starts with '-' is written {}=VALUE",
                                     name, o.value_name, name));
    }

    void check_value(const std::string& name, const std::string& value, bool checked,
                     const std::vector<std::string>& words) {
        if (!checked || std::find(words.begin(), words.end(), value) != words.end())
            return;
        const auto near = closest(value, words);
        fail(fmt::format("{}: '{}' is not one of {}", name, value, fmt::join(words, ", ")),
             near.empty() ? fmt::format("use one of: {}", fmt::join(words, ", "))
                          : fmt::format("did you mean {}?", either(near)));
    }

    void positional(const std::string& w) {
        if (!r_.command) {
            r_.command = spec_.command(w);
            if (r_.command && !r_.command->hidden)
                return;
            r_.command = nullptr;
            std::vector<std::string> names;
            for (const auto& c : spec_.commands)
                if (!c.hidden)
                    names.push_back(c.name);
            const auto near = closest(w, names);
            fail(fmt::format("unknown command '{}'", w),
                 near.empty() ? std::string("run 'crm --help' for the list of commands")
                              : fmt::format("did you mean {}?", either(quoted_commands("", near))));
            return;
        }
        const CommandSpec& c = *r_.command;
        if (!c.subcommands.empty()) {
            if (const CommandSpec* sub = c.subcommand(w)) {
                r_.command = sub;
                return;
            }
            std::vector<std::string> names;
            for (const auto& s : c.subcommands)
                names.push_back(s.name);
            auto near = closest(w, names);
            if (near.empty())
                near = names;
            fail(about(fmt::format("unknown command '{}'", w)),
                 fmt::format("did you mean {}?",
                             either(quoted_commands(fmt::format("{} ", c.path), near))));
            return;
        }
        const auto& ps = c.positionals;
        const std::size_t k = r_.positionals.size();
        if (k >= ps.size() && (ps.empty() || !ps.back().repeats)) {
            fail(about(fmt::format("'{}' is one argument too many", w)),
                 fmt::format("{}; a value with spaces goes in quotes", usage_of(c)));
            return;
        }
        const PositionalSpec& p = k < ps.size() ? ps[k] : ps.back();
        check_value(p.name, w, p.checked, p.values.words);
        r_.positionals.push_back(w);
    }

    void finish() {
        if (!r_.command)
            throw UsageError("no command given",
                             "crm COMMAND [OPTIONS], e.g. crm due; run 'crm --help' for the list "
                             "of commands");
        const CommandSpec& c = *r_.command;
        if (!c.subcommands.empty() && !c.subcommand_optional) {
            std::vector<std::string> names;
            for (const auto& s : c.subcommands)
                names.push_back(s.name);
            throw UsageError(about(fmt::format("which one: {}?", either(names))), usage_of(c));
        }
        for (std::size_t k = r_.positionals.size(); k < c.positionals.size(); ++k)
            if (c.positionals[k].required)
                throw UsageError(about(fmt::format("{} is missing", c.positionals[k].name)),
                                 usage_of(c));
        for (const auto& o : c.options)
            if (o.required && std::find(r_.given.begin(), r_.given.end(), &o) == r_.given.end())
                throw UsageError(about(fmt::format("{} is missing", o.names.front())), usage_of(c));
        for (const OptionSpec* o : r_.given)
            for (const auto& other : o->excludes)
                if (std::any_of(r_.given.begin(), r_.given.end(),
                                [&](const OptionSpec* g) { return g->names.front() == other; }))
                    throw UsageError(
                        about(fmt::format("{} and {} do not go together", o->names.front(), other)),
                        "give one of them");
    }

    const Spec& spec_;
    bool strict_;
    bool stopped_ = false;
    Reading r_;
};

}  // namespace

Reading check_usage(const Spec& spec, const std::vector<std::string>& words) {
    return Reader(spec, true).read(words);
}

Reading read_leniently(const Spec& spec, const std::vector<std::string>& words) {
    return Reader(spec, false).read(words);
}

}  // namespace crm::cli
