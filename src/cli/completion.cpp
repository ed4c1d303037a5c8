#include <CLI/CLI.hpp>

#include <algorithm>
#include <sstream>

#include "crm/cli/registrations.hpp"
#include "crm/commands/common.hpp"

namespace crm::cli {

namespace {

// What a completion script needs to know about one option or command, read from the
// CLI11 definitions at run time so the scripts never fall behind the commands.
struct OptionSpec {
    std::vector<std::string> names;  // "--format", "-q"
    bool takes_value = false;
    std::string description;
};

struct CommandSpec {
    std::string name;  // "contact add" for a command of a command
    std::string summary;
    std::vector<OptionSpec> options;
    bool takes_client = false;             // first positional is a CLIENT
    std::vector<std::string> positionals;  // their names, in order: CLIENT, CONTACT, KEEP...
    std::vector<std::string> subcommands;  // "add", "set", "rm" of `contact`
};

// What a positional holds, by its name: a client (completed with the folder's slugs), a
// contact of the client named before it, or anything else.
std::string role_of(const std::string& positional) {
    if (positional == "CLIENT" || positional == "KEEP" || positional == "OTHER")
        return "client";
    if (positional == "CONTACT")
        return "contact";
    return {};
}

// Commands whose first argument is a client, as the spec names them; also any command
// whose first positional is called CLIENT.
bool is_client_command(const std::string& name) {
    for (const char* c : {"log-visit", "review", "show", "done", "set", "edit", "watch", "unwatch"})
        if (name == c)
            return true;
    return false;
}

std::vector<OptionSpec> options_of(const CLI::App& app) {
    std::vector<OptionSpec> out;
    for (const CLI::Option* opt : app.get_options()) {
        if (!opt->nonpositional())
            continue;
        OptionSpec spec;
        for (const auto& l : opt->get_lnames())
            spec.names.push_back("--" + l);
        for (const auto& s : opt->get_snames())
            spec.names.push_back("-" + s);
        spec.takes_value = opt->get_type_size_max() > 0;
        spec.description = opt->get_description();
        out.push_back(spec);
    }
    return out;
}

void add_commands(const CLI::App& app, const std::string& prefix, std::vector<CommandSpec>& out) {
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        CommandSpec spec{prefix + sub->get_name(),
                         sub->get_description(),
                         options_of(*sub),
                         is_client_command(prefix + sub->get_name()),
                         {},
                         {}};
        for (const CLI::Option* opt : sub->get_options())
            if (!opt->nonpositional())
                spec.positionals.push_back(opt->get_name());
        if (!spec.positionals.empty())
            spec.takes_client = spec.takes_client || spec.positionals.front() == "CLIENT";
        for (const CLI::App* nested : sub->get_subcommands([](const CLI::App*) { return true; }))
            spec.subcommands.push_back(nested->get_name());
        out.push_back(spec);
        add_commands(*sub, spec.name + " ", out);
    }
}

std::vector<CommandSpec> commands_of(const CLI::App& app) {
    std::vector<CommandSpec> out;
    add_commands(app, "", out);
    return out;
}

// The commands a person types after `crm`: not those of another command.
std::vector<CommandSpec> top_level(const std::vector<CommandSpec>& cmds) {
    std::vector<CommandSpec> out;
    for (const auto& c : cmds)
        if (c.name.find(' ') == std::string::npos)
            out.push_back(c);
    return out;
}

std::string words(const std::vector<OptionSpec>& options, bool valued_only) {
    std::vector<std::string> all;
    for (const auto& o : options)
        if (!valued_only || o.takes_value)
            all.insert(all.end(), o.names.begin(), o.names.end());
    return crm::join(all, " ");
}

// Shell functions shared by bash and zsh: the same case syntax works in both.
void shared_functions(std::ostream& s, const std::vector<CommandSpec>& cmds) {
    s << "_crm_opts() {\n    case $1 in\n";
    for (const auto& c : cmds)
        s << "        '" << c.name << "') echo '" << words(c.options, false) << "' ;;\n";
    s << "    esac\n}\n\n_crm_valued() {  # does option $2 of command $1 take a value?\n"
      << "    case \"$1 $2\" in\n";
    for (const auto& c : cmds)
        for (const auto& o : c.options)
            if (o.takes_value)
                for (const auto& n : o.names)
                    s << "        '" << c.name << " " << n << "') return 0 ;;\n";
    s << "    esac\n    return 1\n}\n\n_crm_subs() {  # the commands of command $1\n"
      << "    case $1 in\n";
    for (const auto& c : cmds)
        if (!c.subcommands.empty())
            s << "        '" << c.name << "') echo '" << crm::join(c.subcommands, " ") << "' ;;\n";
    s << "        *) return 1 ;;\n    esac\n}\n\n"
      << "_crm_arg() {  # what positional $2 (from 0) of command $1 is: client, contact\n"
      << "    case \"$1 $2\" in\n";
    for (const auto& c : cmds) {
        for (std::size_t i = 0; i < c.positionals.size(); ++i) {
            std::string role = role_of(c.positionals[i]);
            if (role.empty() && i == 0 && c.takes_client)
                role = "client";
            if (!role.empty())
                s << "        '" << c.name << " " << i << "') echo " << role << " ;;\n";
        }
    }
    s << "    esac\n}\n\n";
}

std::string command_names(const std::vector<CommandSpec>& cmds) {
    std::vector<std::string> names;
    for (const auto& c : cmds)
        names.push_back(c.name);
    return crm::join(names, " ");
}

void bash_script(std::ostream& s, const std::vector<CommandSpec>& cmds,
                 const std::vector<OptionSpec>& globals) {
    s << "# bash completion for crm, written by 'crm completion bash'.\n"
         "# Load it in ~/.bashrc:  source <(crm completion bash)\n"
         "# Client slugs come from 'crm list -q' in the folder crm would use.\n\n";
    shared_functions(s, cmds);
    s << "_crm() {\n"
         "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
         "    local i word cmd= sub= first= npos=0 skip=\n"
         "    local -a dir=()\n"
         "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
         "        word=${COMP_WORDS[i]}\n"
         "        if [[ -n $skip ]]; then skip=; continue; fi\n"
         "        case $word in\n"
         "            --dir) ((i + 1 < COMP_CWORD)) && dir=(--dir \"${COMP_WORDS[i+1]}\"); skip=1 "
         ";;\n"
         "            --dir=*) dir=(\"$word\") ;;\n"
         "            -*) [[ -n $cmd ]] && _crm_valued \"$cmd\" \"$word\" && skip=1 ;;\n"
         "            *) if [[ -z $cmd ]]; then cmd=$word\n"
         "               elif [[ -z $sub ]] && ((npos == 0)) && _crm_subs \"$cmd\" >/dev/null; "
         "then\n"
         "                   sub=$word; cmd=\"$cmd $word\"\n"
         "               else ((npos == 0)) && first=$word; ((npos++)); fi ;;\n"
         "        esac\n"
         "    done\n"
         "    if [[ $prev == --dir ]]; then\n"
         "        COMPREPLY=($(compgen -d -- \"$cur\"))\n"
         "        return\n"
         "    fi\n"
         "    local globals='"
      << words(globals, false)
      << "'\n"
         "    if [[ -z $cmd ]]; then\n"
         "        if [[ $cur == -* ]]; then\n"
         "            COMPREPLY=($(compgen -W \"$globals\" -- \"$cur\"))\n"
         "        else\n"
         "            COMPREPLY=($(compgen -W '"
      << command_names(top_level(cmds))
      << "' -- \"$cur\"))\n"
         "        fi\n"
         "        return\n"
         "    fi\n"
         "    # An option's value: let bash complete file names.\n"
         "    _crm_valued \"$cmd\" \"$prev\" && return\n"
         "    local subs\n"
         "    if [[ $cur == -* ]]; then\n"
         "        COMPREPLY=($(compgen -W \"$(_crm_opts \"$cmd\") $globals\" -- \"$cur\"))\n"
         "    elif [[ -z $sub ]] && ((npos == 0)) && subs=$(_crm_subs \"$cmd\"); then\n"
         "        COMPREPLY=($(compgen -W \"$subs\" -- \"$cur\"))\n"
         "    elif [[ $(_crm_arg \"$cmd\" $npos) == client ]]; then\n"
         "        COMPREPLY=($(compgen -W \"$(\"${COMP_WORDS[0]}\" \"${dir[@]}\" list -q "
         "2>/dev/null)\" -- \"$cur\"))\n"
         "    elif [[ $(_crm_arg \"$cmd\" $npos) == contact ]]; then\n"
         "        # One per line, an e-mail or a name; a name's spaces escaped to keep it one "
         "word.\n"
         "        local IFS=$'\\n'\n"
         "        COMPREPLY=($(compgen -W \"$(\"${COMP_WORDS[0]}\" \"${dir[@]}\" completion "
         "--contacts \"$first\" 2>/dev/null)\" -- \"$cur\"))\n"
         "        COMPREPLY=(\"${COMPREPLY[@]// /\\\\ }\")\n"
         "    elif ((npos == 0)) && [[ $cmd == completion ]]; then\n"
         "        COMPREPLY=($(compgen -W 'bash zsh fish' -- \"$cur\"))\n"
         "    fi\n"
         "}\n\n"
         "complete -o default -F _crm crm\n";
}

std::string zsh_quote(const std::string& text) {
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

void zsh_script(std::ostream& s, const std::vector<CommandSpec>& cmds,
                const std::vector<OptionSpec>& globals) {
    s << "#compdef crm\n"
         "# zsh completion for crm, written by 'crm completion zsh'.\n"
         "# Load it in ~/.zshrc after compinit:  source <(crm completion zsh)\n"
         "# or save it as _crm in a folder of $fpath.\n\n";
    shared_functions(s, cmds);
    s << "_crm() {\n    local -a commands dir slugs\n    commands=(\n";
    for (const auto& c : top_level(cmds))
        s << "        " << zsh_quote(c.name + ":" + c.summary) << "\n";
    s << "    )\n"
         "    local globals='"
      << words(globals, false)
      << "'\n"
         "    local i word cmd= sub= first= npos=0 skip= subs\n"
         "    for ((i = 2; i < CURRENT; i++)); do\n"
         "        word=$words[i]\n"
         "        if [[ -n $skip ]]; then skip=; continue; fi\n"
         "        case $word in\n"
         "            --dir) ((i + 1 < CURRENT)) && dir=(--dir $words[i+1]); skip=1 ;;\n"
         "            --dir=*) dir=($word) ;;\n"
         "            -*) [[ -n $cmd ]] && _crm_valued \"$cmd\" $word && skip=1 ;;\n"
         "            *) if [[ -z $cmd ]]; then cmd=$word\n"
         "               elif [[ -z $sub ]] && ((npos == 0)) && _crm_subs $cmd >/dev/null; then\n"
         "                   sub=$word; cmd=\"$cmd $word\"\n"
         "               else ((npos == 0)) && first=$word; ((npos++)); fi ;;\n"
         "        esac\n"
         "    done\n"
         "    if [[ $words[CURRENT-1] == --dir ]]; then _files -/; return; fi\n"
         "    if [[ -z $cmd ]]; then\n"
         "        if [[ $PREFIX == -* ]]; then compadd -- ${=globals}\n"
         "        else _describe -t commands 'crm command' commands; fi\n"
         "        return\n"
         "    fi\n"
         "    if _crm_valued \"$cmd\" $words[CURRENT-1]; then _files; return; fi\n"
         "    if [[ $PREFIX == -* ]]; then\n"
         "        compadd -- $(_crm_opts \"$cmd\") ${=globals}\n"
         "    elif [[ -z $sub ]] && ((npos == 0)) && subs=$(_crm_subs $cmd); then\n"
         "        compadd -- ${=subs}\n"
         "    elif [[ $(_crm_arg \"$cmd\" $npos) == client ]]; then\n"
         "        slugs=(${(f)\"$($words[1] $dir list -q 2>/dev/null)\"})\n"
         "        compadd -- $slugs\n"
         "    elif [[ $(_crm_arg \"$cmd\" $npos) == contact ]]; then\n"
         "        slugs=(${(f)\"$($words[1] $dir completion --contacts $first 2>/dev/null)\"})\n"
         "        compadd -- $slugs\n"
         "    elif ((npos == 0)) && [[ $cmd == completion ]]; then\n"
         "        compadd bash zsh fish\n"
         "    else\n"
         "        _files\n"
         "    fi\n"
         "}\n\n"
         "if [[ $funcstack[1] == _crm ]]; then\n"
         "    _crm \"$@\"\n"
         "else\n"
         "    compdef _crm crm\n"
         "fi\n";
}

std::string fish_quote(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "'";
}

void fish_option(std::ostream& s, const std::string& condition, const OptionSpec& o) {
    s << "complete -c crm";
    if (!condition.empty())
        s << " -n " << fish_quote(condition);
    for (const auto& n : o.names)
        s << (n.starts_with("--") ? " -l " + n.substr(2) : " -s " + n.substr(1));
    if (o.takes_value)
        s << " -r";
    s << " -d " << fish_quote(o.description) << "\n";
}

void fish_script(std::ostream& s, const std::vector<CommandSpec>& cmds,
                 const std::vector<OptionSpec>& globals) {
    s << "# fish completion for crm, written by 'crm completion fish'.\n"
         "# Load it:  crm completion fish | source\n"
         "# or save it as ~/.config/fish/completions/crm.fish\n\n"
         "function __crm_clients\n"
         "    set -l args (commandline -opc)\n"
         "    set -l dir\n"
         "    for i in (seq 2 (count $args))\n"
         "        if test \"$args[$i]\" = --dir; and test $i -lt (count $args)\n"
         "            set dir --dir $args[(math $i + 1)]\n"
         "        end\n"
         "    end\n"
         "    $args[1] $dir list -q 2>/dev/null\n"
         "end\n\n"
         "complete -c crm -f\n";
    for (const auto& g : globals)
        fish_option(s, "", g);
    for (const auto& c : top_level(cmds))
        s << "complete -c crm -n __fish_use_subcommand -a " << c.name << " -d "
          << fish_quote(c.summary) << "\n";
    std::vector<std::string> client_cmds;
    for (const auto& c : cmds) {
        const auto space = c.name.find(' ');
        // A command of a command: once both words are seen.
        const std::string seen = space == std::string::npos
                                     ? "__fish_seen_subcommand_from " + c.name
                                     : "__fish_seen_subcommand_from " + c.name.substr(0, space) +
                                           "; and __fish_seen_subcommand_from " +
                                           c.name.substr(space + 1);
        for (const auto& o : c.options)
            fish_option(s, seen, o);
        if (!c.subcommands.empty()) {
            const std::string none_yet = "__fish_seen_subcommand_from " + c.name +
                                         "; and not __fish_seen_subcommand_from " +
                                         crm::join(c.subcommands, " ");
            for (const auto& n : cmds)
                if (n.name.starts_with(c.name + " "))
                    s << "complete -c crm -n " << fish_quote(none_yet) << " -a "
                      << n.name.substr(c.name.size() + 1) << " -d " << fish_quote(n.summary)
                      << "\n";
        }
        const bool client =
            c.takes_client ||
            std::any_of(c.positionals.begin(), c.positionals.end(),
                        [](const std::string& p) { return role_of(p) == "client"; });
        if (client && space == std::string::npos)
            client_cmds.push_back(c.name);
        else if (client)
            s << "complete -c crm -n " << fish_quote(seen) << " -a '(__crm_clients)'\n";
    }
    s << "complete -c crm -n "
      << fish_quote("__fish_seen_subcommand_from " + crm::join(client_cmds, " "))
      << " -a '(__crm_clients)'\n"
         "complete -c crm -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'\n"
         "complete -c crm -n '__fish_seen_subcommand_from import' -F\n";
}

int run(const std::string& shell, const CLI::App& app, commands::Context& ctx) {
    auto cmds = commands_of(app);
    auto globals = options_of(app);
    if (shell == "bash")
        bash_script(ctx.out(), cmds, globals);
    else if (shell == "zsh")
        zsh_script(ctx.out(), cmds, globals);
    else
        fish_script(ctx.out(), cmds, globals);
    return 0;
}

}  // namespace

namespace {

// What the scripts complete a CONTACT with: each contact of the client, by e-mail (one
// word, and unique) or else by name, one a line.
int print_contacts(const std::string& client, commands::Context& ctx) {
    const std::string slug = commands::resolve_client(ctx, client);
    for (const auto& c : ctx.folder().load_client(slug).contacts) {
        const std::string& word = c.email.empty() ? c.name : c.email;
        if (!word.empty() && word.find_first_of("\r\n") == std::string::npos)
            ctx.out() << word << '\n';
    }
    return 0;
}

}  // namespace

commands::Runner register_completion(CLI::App& cmd) {
    auto shell = std::make_shared<std::string>();
    auto contacts_of = std::make_shared<std::string>();
    cmd.add_option("SHELL", *shell, "bash, zsh or fish")
        ->check(CLI::IsMember({"bash", "zsh", "fish"}));
    // For the scripts themselves, not for people: no group, so no help line.
    cmd.add_option("--contacts", *contacts_of, "")->group("");
    // The whole command line, parent of this subcommand, lives as long as the run.
    const CLI::App* app = cmd.get_parent();
    return [shell, contacts_of, app](commands::Context& ctx) {
        if (!contacts_of->empty())
            return print_contacts(*contacts_of, ctx);
        if (shell->empty())
            throw UsageError("which shell?", "crm completion bash, zsh or fish");
        return run(*shell, *app, ctx);
    };
}

}  // namespace crm::cli
