#include <CLI/CLI.hpp>

#include <sstream>

#include "crm/cli/completion_values.hpp"
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
    std::string name;  // "due"; a group's subcommand as "opportunity add"
    std::string summary;
    std::vector<OptionSpec> options;
    bool takes_client = false;             // first positional is a CLIENT
    std::vector<std::string> subcommands;  // a group (opportunity): its subcommands
};

// Commands whose first argument is a client, as the spec names them; also any command
// whose first positional is called CLIENT.
bool is_client_command(const std::string& name) {
    for (const char* c : {"log-visit", "review", "show", "done", "set", "edit", "watch", "unwatch"})
        if (name == c)
            return true;
    return false;
}

// Where a teammate's name goes (crm.yaml's team), completed from `crm remind --team-names`:
// the arguments after the client of these commands, and the values of these options.
const std::vector<std::string> kTeamArgumentCommands = {"watch", "unwatch"};
constexpr const char* kTeamOption[] = {"remind", "--to"};

std::vector<OptionSpec> options_of(const CLI::App& app) {
    std::vector<OptionSpec> out;
    for (const CLI::Option* opt : app.get_options()) {
        // Hidden options (no group) are plumbing for the scripts, not for people.
        if (!opt->nonpositional() || opt->get_group().empty())
            continue;
        OptionSpec spec;
        for (const auto& l : opt->get_lnames())
            spec.names.push_back("--" + l);
        for (const auto& s : opt->get_snames())
            spec.names.push_back("-" + s);
        spec.takes_value = opt->get_expected_max() > 0;  // a flag expects none
        spec.description = opt->get_description();
        out.push_back(spec);
    }
    return out;
}

std::vector<const CLI::App*> subcommands_of(const CLI::App& app) {
    return app.get_subcommands([](const CLI::App*) { return true; });
}

CommandSpec command_spec(const CLI::App& sub, const std::string& name) {
    CommandSpec spec{name, sub.get_description(), options_of(sub), is_client_command(name), {}};
    for (const CLI::Option* opt : sub.get_options()) {
        if (!opt->nonpositional()) {
            spec.takes_client = spec.takes_client || opt->get_name() == "CLIENT";
            break;
        }
    }
    return spec;
}

// Every command, and after a group (a command with subcommands) each of its subcommands
// under its two words.
std::vector<CommandSpec> commands_of(const CLI::App& app) {
    std::vector<CommandSpec> out;
    for (const CLI::App* sub : subcommands_of(app)) {
        out.push_back(command_spec(*sub, sub->get_name()));
        const std::size_t group = out.size() - 1;
        for (const CLI::App* nested : subcommands_of(*sub)) {
            out[group].subcommands.push_back(nested->get_name());
            out.push_back(command_spec(*nested, sub->get_name() + " " + nested->get_name()));
        }
    }
    return out;
}

// A shell's case pattern for a command name, quoted: a subcommand's holds a space.
std::string pattern(const std::string& name) {
    return "'" + name + "'";
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
        s << "        " << pattern(c.name) << ") echo '" << words(c.options, false) << "' ;;\n";
    s << "    esac\n}\n\n_crm_valued() {  # does option $2 of command $1 take a value?\n"
      << "    case \"$1 $2\" in\n";
    for (const auto& c : cmds)
        for (const auto& o : c.options)
            if (o.takes_value)
                for (const auto& n : o.names)
                    s << "        '" << c.name << " " << n << "') return 0 ;;\n";
    s << "    esac\n    return 1\n}\n\n_crm_client_cmd() {\n    case $1 in\n";
    std::vector<std::string> client_cmds;
    for (const auto& c : cmds)
        if (c.takes_client)
            client_cmds.push_back(pattern(c.name));
    s << "        " << crm::join(client_cmds, "|") << ") return 0 ;;\n";
    s << "    esac\n    return 1\n}\n\n";
    s << "_crm_team_cmd() {  # do the arguments after the client of command $1 name teammates?\n"
      << "    case $1 in\n        " << crm::join(kTeamArgumentCommands, "|") << ") return 0 ;;\n"
      << "    esac\n    return 1\n}\n\n";
    s << "_crm_group() {  # the subcommands of command $1, when it has some\n    case $1 in\n";
    for (const auto& c : cmds)
        if (!c.subcommands.empty())
            s << "        " << pattern(c.name) << ") echo '" << crm::join(c.subcommands, " ")
              << "' ;;\n";
    s << "        *) return 1 ;;\n    esac\n}\n\n";
}

// The first words: the commands, not a group's subcommands.
std::string command_names(const std::vector<CommandSpec>& cmds) {
    std::vector<std::string> names;
    for (const auto& c : cmds)
        if (c.name.find(' ') == std::string::npos)
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
         "    local i word cmd= npos=0 skip= grouped=\n"
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
         "               elif [[ -z $grouped ]] && _crm_group \"$cmd\" >/dev/null; then\n"
         "                   cmd=\"$cmd $word\"; grouped=1\n"
         "               else ((npos++)); fi ;;\n"
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
      << command_names(cmds)
      << "' -- \"$cur\"))\n"
         "        fi\n"
         "        return\n"
         "    fi\n"
         "    if [[ -z $grouped ]] && _crm_group \"$cmd\" >/dev/null; then\n"
         "        if [[ $cur == -* ]]; then\n"
         "            COMPREPLY=($(compgen -W \"$globals\" -- \"$cur\"))\n"
         "        else\n"
         "            COMPREPLY=($(compgen -W \"$(_crm_group \"$cmd\")\" -- \"$cur\"))\n"
         "        fi\n"
         "        return\n"
         "    fi\n"
         "    # Teammates' names hold blanks: one a line, the blanks escaped.\n"
         "    if [[ \"$cmd $prev\" == '"
      << kTeamOption[0] << " " << kTeamOption[1]
      << "' ]] || { [[ $cur != -* ]] && ((npos >= 1)) && _crm_team_cmd \"$cmd\"; }; then\n"
         "        local IFS=$'\\n' name\n"
         "        COMPREPLY=()\n"
         "        for name in $(compgen -W \"$(\"${COMP_WORDS[0]}\" \"${dir[@]}\" remind "
         "--team-names 2>/dev/null)\" -- \"${cur//\\\\ / }\"); do\n"
         "            COMPREPLY+=(\"${name// /\\\\ }\")\n"
         "        done\n"
         "        return\n"
         "    fi\n"
         "    # An option's value: those crm knows for it, else bash's own (file names).\n"
         "    if _crm_valued \"$cmd\" \"$prev\"; then\n"
         "        local v\n"
         "        while IFS= read -r v; do\n"
         "            [[ $v == \"$cur\"* ]] && COMPREPLY+=(\"$(printf '%q' \"$v\")\")\n"
         "        done < <(\"${COMP_WORDS[0]}\" \"${dir[@]}\" completion --values \"$cmd\" "
         "\"${prev#--}\" 2>/dev/null)\n"
         "        return\n"
         "    fi\n"
         "    if [[ $cur == -* ]]; then\n"
         "        COMPREPLY=($(compgen -W \"$(_crm_opts \"$cmd\") $globals\" -- \"$cur\"))\n"
         "    elif ((npos == 0)) && _crm_client_cmd \"$cmd\"; then\n"
         "        COMPREPLY=($(compgen -W \"$(\"${COMP_WORDS[0]}\" \"${dir[@]}\" list -q "
         "2>/dev/null)\" -- \"$cur\"))\n"
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
    s << "_crm() {\n    local -a commands dir slugs team\n    commands=(\n";
    for (const auto& c : cmds)
        if (c.name.find(' ') == std::string::npos)
            s << "        " << zsh_quote(c.name + ":" + c.summary) << "\n";
    s << "    )\n"
         "    local globals='"
      << words(globals, false)
      << "'\n"
         "    local i word cmd= npos=0 skip= grouped=\n"
         "    local -a vals\n"
         "    for ((i = 2; i < CURRENT; i++)); do\n"
         "        word=$words[i]\n"
         "        if [[ -n $skip ]]; then skip=; continue; fi\n"
         "        case $word in\n"
         "            --dir) ((i + 1 < CURRENT)) && dir=(--dir $words[i+1]); skip=1 ;;\n"
         "            --dir=*) dir=($word) ;;\n"
         "            -*) [[ -n $cmd ]] && _crm_valued $cmd $word && skip=1 ;;\n"
         "            *) if [[ -z $cmd ]]; then cmd=$word\n"
         "               elif [[ -z $grouped ]] && _crm_group $cmd >/dev/null; then\n"
         "                   cmd=\"$cmd $word\"; grouped=1\n"
         "               else ((npos++)); fi ;;\n"
         "        esac\n"
         "    done\n"
         "    if [[ $words[CURRENT-1] == --dir ]]; then _files -/; return; fi\n"
         "    if [[ -z $cmd ]]; then\n"
         "        if [[ $PREFIX == -* ]]; then compadd -- ${=globals}\n"
         "        else _describe -t commands 'crm command' commands; fi\n"
         "        return\n"
         "    fi\n"
         "    if [[ -z $grouped ]] && _crm_group $cmd >/dev/null; then\n"
         "        if [[ $PREFIX == -* ]]; then compadd -- ${=globals}\n"
         "        else compadd -- ${=$(_crm_group $cmd)}; fi\n"
         "        return\n"
         "    fi\n"
         "    if [[ \"$cmd $words[CURRENT-1]\" == '"
      << kTeamOption[0] << " " << kTeamOption[1]
      << "' ]] || { [[ $PREFIX != -* ]] && ((npos >= 1)) && _crm_team_cmd $cmd; }; then\n"
         "        team=(${(f)\"$($words[1] $dir remind --team-names 2>/dev/null)\"})\n"
         "        compadd -- $team\n"
         "        return\n"
         "    fi\n"
         "    if _crm_valued $cmd $words[CURRENT-1]; then\n"
         "        vals=(${(f)\"$($words[1] $dir completion --values $cmd ${words[CURRENT-1]#--} "
         "2>/dev/null)\"})\n"
         "        if (( $#vals )); then compadd -- $vals; else _files; fi\n"
         "        return\n"
         "    fi\n"
         "    if [[ $PREFIX == -* ]]; then\n"
         "        compadd -- $(_crm_opts $cmd) ${=globals}\n"
         "    elif ((npos == 0)) && _crm_client_cmd $cmd; then\n"
         "        slugs=(${(f)\"$($words[1] $dir list -q 2>/dev/null)\"})\n"
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

// `command`: whose option it is, for the values crm knows for it (none for a global).
void fish_option(std::ostream& s, const std::string& condition, const OptionSpec& o,
                 const std::string& command = {}) {
    s << "complete -c crm";
    if (!condition.empty())
        s << " -n " << fish_quote(condition);
    for (const auto& n : o.names)
        s << (n.starts_with("--") ? " -l " + n.substr(2) : " -s " + n.substr(1));
    if (o.takes_value)
        s << " -r";
    s << " -d " << fish_quote(o.description);
    if (o.takes_value && !command.empty() && o.names.front().starts_with("--"))
        s << " -a "
          << fish_quote("(__crm_values " + fish_quote(command) + " " + o.names.front().substr(2) +
                        ")");
    s << "\n";
}

// The condition under which a command's words are completed: a group's subcommand
// needs both of its words.
std::string fish_seen(const std::string& command) {
    const std::size_t space = command.find(' ');
    if (space == std::string::npos)
        return "__fish_seen_subcommand_from " + command;
    return "__fish_seen_subcommand_from " + command.substr(0, space) +
           "; and __fish_seen_subcommand_from " + command.substr(space + 1);
}

void fish_script(std::ostream& s, const std::vector<CommandSpec>& cmds,
                 const std::vector<OptionSpec>& globals) {
    s << "# fish completion for crm, written by 'crm completion fish'.\n"
         "# Load it:  crm completion fish | source\n"
         "# or save it as ~/.config/fish/completions/crm.fish\n\n"
         "function __crm_run  # crm as typed, with the --dir given on the line\n"
         "    set -l args (commandline -opc)\n"
         "    set -l dir\n"
         "    for i in (seq 2 (count $args))\n"
         "        if test \"$args[$i]\" = --dir; and test $i -lt (count $args)\n"
         "            set dir --dir $args[(math $i + 1)]\n"
         "        end\n"
         "    end\n"
         "    $args[1] $dir $argv 2>/dev/null\n"
         "end\n\n"
         "function __crm_clients\n"
         "    __crm_run list -q\n"
         "end\n\n"
         "function __crm_values  # COMMAND OPTION\n"
         "    __crm_run completion --values $argv[1] $argv[2]\n"
         "end\n\n"
         "function __crm_team\n"
         "    __crm_run remind --team-names\n"
         "end\n\n"
         "function __crm_past_client  # the command's client is typed: teammates follow\n"
         "    set -l words 0\n"
         "    set -l skip 0\n"
         "    for a in (commandline -opc)[2..-1]\n"
         "        if test $skip = 1\n"
         "            set skip 0\n"
         "        else if test \"$a\" = --dir\n"
         "            set skip 1\n"
         "        else if not string match -q -- '-*' $a\n"
         "            set words (math $words + 1)\n"
         "        end\n"
         "    end\n"
         "    test $words -ge 2\n"
         "end\n\n"
         "complete -c crm -f\n";
    for (const auto& g : globals)
        fish_option(s, "", g);
    for (const auto& c : cmds) {
        const std::size_t space = c.name.find(' ');
        if (space == std::string::npos) {
            s << "complete -c crm -n __fish_use_subcommand -a " << c.name << " -d "
              << fish_quote(c.summary) << "\n";
        } else {
            const std::string group = c.name.substr(0, space);
            std::vector<std::string> siblings;
            for (const auto& g : cmds)
                if (g.name == group)
                    siblings = g.subcommands;
            s << "complete -c crm -n "
              << fish_quote("__fish_seen_subcommand_from " + group +
                            "; and not __fish_seen_subcommand_from " +
                            crm::join(siblings, " "))
              << " -a " << c.name.substr(space + 1) << " -d " << fish_quote(c.summary) << "\n";
        }
    }
    std::vector<std::string> client_cmds;
    for (const auto& c : cmds) {
        for (const auto& o : c.options)
            fish_option(s, fish_seen(c.name), o, c.name);
        if (!c.takes_client)
            continue;
        if (c.name.find(' ') == std::string::npos)
            client_cmds.push_back(c.name);
        else
            s << "complete -c crm -n " << fish_quote(fish_seen(c.name))
              << " -a '(__crm_clients)'\n";
    }
    s << "complete -c crm -n "
      << fish_quote("__fish_seen_subcommand_from " + crm::join(client_cmds, " "))
      << " -a '(__crm_clients)'\n"
         "complete -c crm -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'\n"
         "complete -c crm -n "
      << fish_quote("__fish_seen_subcommand_from " + crm::join(kTeamArgumentCommands, " ") +
                    "; and __crm_past_client")
      << " -a '(__crm_team)'\n"
         "complete -c crm -n "
      << fish_quote(std::string("__fish_seen_subcommand_from ") + kTeamOption[0]) << " -l "
      << std::string(kTeamOption[1]).substr(2)
      << " -r -a '(__crm_team)'\n"
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

commands::Runner register_completion(CLI::App& cmd) {
    auto shell = std::make_shared<std::string>();
    auto values = std::make_shared<std::vector<std::string>>();
    cmd.add_option("SHELL", *shell, "bash, zsh or fish")
        ->check(CLI::IsMember({"bash", "zsh", "fish"}));
    // The scripts' hook, not for people (hidden): the values of COMMAND's --OPTION, one a
    // line. OPTION comes without its dashes, which CLI11 would take for an option.
    cmd.add_option("--values", *values, "COMMAND OPTION: the values an option takes")
        ->expected(2)
        ->group("");
    // The whole command line, parent of this subcommand, lives as long as the run.
    CLI::App* app = cmd.get_parent();
    return [shell, values, app](commands::Context& ctx) {
        if (!values->empty()) {
            for (const auto& v : option_values(*app, values->at(0), values->at(1), ctx))
                ctx.out() << v << '\n';
            return 0;
        }
        if (shell->empty())
            throw UsageError("completion: which shell?", "crm completion bash, zsh or fish");
        return run(*shell, *app, ctx);
    };
}

}  // namespace crm::cli
