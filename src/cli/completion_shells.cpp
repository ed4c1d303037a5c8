#include "completion_shells.hpp"

#include <algorithm>
#include <ostream>

#include "crm/util/format.hpp"
#include "crm/util/text.hpp"

namespace crm::cli {

namespace {

// Every name, once (a command's -h,--help and the global one are one option to a person).
std::vector<std::string> name_list(const std::vector<OptionSpec>& options,
                                   const std::vector<OptionSpec>& more = {}) {
    std::vector<std::string> all;
    for (const auto* list : {&options, &more})
        for (const auto& o : *list)
            for (const auto& n : o.names)
                if (std::find(all.begin(), all.end(), n) == all.end())
                    all.push_back(n);
    return all;
}

std::string names_of(const std::vector<OptionSpec>& options,
                     const std::vector<OptionSpec>& more = {}) {
    return join(name_list(options, more), " ");
}

std::string command_names(const std::vector<CommandSpec>& cmds) {
    std::vector<std::string> names;
    for (const auto& c : cmds)
        names.push_back(c.name);
    return join(names, " ");
}

// Shell functions shared by bash and zsh: the same case syntax works in both. Each is a
// table from the specs; the logic that uses them is the scripts'.
void case_tables(std::ostream& s, const std::vector<CommandSpec>& cmds,
                 const std::vector<OptionSpec>& globals) {
    s << "_crm_opts() {  # the options of command $1, and the global ones\n    case $1 in\n";
    for (const auto& c : cmds)
        s << "        '" << c.name << "') echo '" << names_of(c.options, globals) << "' ;;\n";
    s << "    esac\n}\n\n_crm_valued() {  # does option $2 of command $1 take a value?\n"
      << "    case \"$1 $2\" in\n        *' --dir') return 0 ;;\n";
    for (const auto& c : cmds)
        for (const auto& o : c.options)
            if (o.takes_value)
                for (const auto& n : o.names)
                    s << "        '" << c.name << " " << n << "') return 0 ;;\n";
    s << "    esac\n    return 1\n}\n\n_crm_optkind() {  # what the value of option $2 of "
         "command $1 is\n    case \"$1 $2\" in\n        *' --dir') echo dirs ;;\n";
    for (const auto& c : cmds)
        for (const auto& o : c.options)
            if (o.takes_value && !o.kind.empty())
                for (const auto& n : o.names)
                    s << "        '" << c.name << " " << n << "') echo '" << o.kind << "' ;;\n";
    s << "    esac\n}\n\n_crm_subs() {  # the commands of command $1\n    case $1 in\n";
    for (const auto& c : cmds)
        if (!c.subcommands.empty())
            s << "        '" << c.name << "') echo '" << join(c.subcommands, " ") << "' ;;\n";
    s << "        *) return 1 ;;\n    esac\n}\n\n"
      << "_crm_argkind() {  # what positional $2 (from 0) of command $1 is\n"
      << "    case \"$1 $2\" in\n";
    for (const auto& c : cmds)
        for (std::size_t i = 0; i < c.positionals.size(); ++i)
            if (!c.positionals[i].kind.empty() && !c.positionals[i].repeats)
                s << "        '" << c.name << " " << i << "') echo '" << c.positionals[i].kind
                  << "'; return ;;\n";
    s << "    esac\n    case $1 in\n";
    for (const auto& c : cmds)
        if (!c.positionals.empty() && c.positionals.back().repeats &&
            !c.positionals.back().kind.empty())
            s << "        '" << c.name << "') (($2 >= " << c.positionals.size() - 1
              << ")) && echo '" << c.positionals.back().kind << "' ;;\n";
    s << "    esac\n}\n\n";
}

// The loop both scripts use to read the words typed before the current one: the command,
// the command of a command, the first positional (a client, for contacts) and how many
// positionals there are. `array` is the shell's array of words, `from` its first word
// after `crm`, `end` the index of the word being completed.
std::string word_loop(const std::string& array, const std::string& from, const std::string& end) {
    return fmt::format(
        "    for ((i = {}; i < {}; i++)); do\n        word=${{{}[i]}}\n        if [[ -n $skip ]]; "
        "then skip=; continue; fi\n        case $word in\n            --dir) ((i + 1 < {})) && "
        "dir=(--dir \"${{{}[i+1]}}\"); skip=1 ;;\n            --dir=*) dir=(\"$word\") ;;\n        "
        "    --*=*) ;;\n            -*) [[ -n $cmd ]] && _crm_valued \"$cmd\" \"$word\" && skip=1 "
        ";;\n            *) if [[ -z $cmd ]]; then cmd=$word\n               elif [[ -z $sub ]] && "
        "((npos == 0)) && _crm_subs \"$cmd\" >/dev/null; then\n                   sub=$word; "
        "cmd=\"$cmd $word\"\n               else ((npos == 0)) && first=$word; ((npos++)); fi ;;\n "
        "       esac\n    done\n",
        from, end, array, end, array);
}

}  // namespace

void bash_script(std::ostream& s, const std::vector<CommandSpec>& cmds,
                 const std::vector<OptionSpec>& globals) {
    s << "# bash completion for crm, written by 'crm completion bash'.\n"
         "# Load it in ~/.bashrc:  source <(crm completion bash)\n"
         "# Values from the folder come from 'crm completion --values' in the folder crm would "
         "use.\n\n";
    case_tables(s, cmds, globals);
    s << "_crm_offer() {  # $1: a kind; $2: the word so far; $3: the client typed before\n"
         "    local kind=$1 cur=$2 w IFS=$'\\n'\n"
         "    case $kind in\n"
         "        files) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\")) "
         ";;\n"
         "        dirs) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- \"$cur\")) "
         ";;\n"
         "        words:*) IFS=' '; COMPREPLY=($(compgen -W \"${kind#words:}\" -- \"$cur\")) ;;\n"
         "        values:*)\n"
         "            # One a line; a value's blanks are escaped to keep it one word.\n"
         "            for w in $(compgen -W \"$(\"${COMP_WORDS[0]}\" \"${dir[@]}\" completion "
         "--values \"${kind#values:}\" --of \"$3\" 2>/dev/null)\" -- \"${cur//\\\\ / }\"); do\n"
         "                COMPREPLY+=(\"${w// /\\\\ }\")\n"
         "            done ;;\n"
         "    esac\n"
         "}\n\n"
         "_crm() {\n"
         "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
         "    local i word cmd= sub= first= npos=0 skip= subs\n"
         "    local -a dir=()\n"
      << word_loop("COMP_WORDS", "1", "COMP_CWORD")
      << "    COMPREPLY=()\n"
         "    if [[ -z $cmd ]]; then\n"
         "        if [[ $prev == --dir ]]; then _crm_offer dirs \"$cur\"\n"
         "        elif [[ $cur == -* ]]; then COMPREPLY=($(compgen -W '"
      << names_of(globals)
      << "' -- \"$cur\"))\n"
         "        else COMPREPLY=($(compgen -W '"
      << command_names(top_level(cmds))
      << "' -- \"$cur\")); fi\n"
         "        return\n"
         "    fi\n"
         "    if [[ $prev == -* ]] && _crm_valued \"$cmd\" \"$prev\"; then\n"
         "        _crm_offer \"$(_crm_optkind \"$cmd\" \"$prev\")\" \"$cur\" \"$first\"\n"
         "    elif [[ $cur == -* ]]; then\n"
         "        COMPREPLY=($(compgen -W \"$(_crm_opts \"$cmd\")\" -- \"$cur\"))\n"
         "    elif [[ -z $sub ]] && ((npos == 0)) && subs=$(_crm_subs \"$cmd\"); then\n"
         "        COMPREPLY=($(compgen -W \"$subs\" -- \"$cur\"))\n"
         "    else\n"
         "        _crm_offer \"$(_crm_argkind \"$cmd\" $npos)\" \"$cur\" \"$first\"\n"
         "    fi\n"
         "}\n\n"
         "complete -F _crm crm\n";
}

namespace {

std::string single_quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return fmt::format("{}'", out);
}

}  // namespace

void zsh_script(std::ostream& s, const std::vector<CommandSpec>& cmds,
                const std::vector<OptionSpec>& globals) {
    s << "#compdef crm\n"
         "# zsh completion for crm, written by 'crm completion zsh'.\n"
         "# Load it in ~/.zshrc after compinit:  source <(crm completion zsh)\n"
         "# or save it as _crm in a folder of $fpath.\n\n";
    case_tables(s, cmds, globals);
    s << "_crm_offer() {  # $1: a kind; $2: the client typed before\n"
         "    local kind=$1\n"
         "    local -a vals\n"
         "    case $kind in\n"
         "        files) _files ;;\n"
         "        dirs) _files -/ ;;\n"
         "        words:*) compadd -- ${=${kind#words:}} ;;\n"
         "        values:*)\n"
         "            vals=(${(f)\"$($words[1] $dir completion --values ${kind#values:} --of "
         "\"$2\" 2>/dev/null)\"})\n"
         "            compadd -- $vals ;;\n"
         "    esac\n"
         "}\n\n"
         "_crm() {\n    local -a commands dir\n    commands=(\n";
    for (const auto& c : top_level(cmds))
        s << "        " << single_quoted(fmt::format("{}:{}", c.name, c.summary)) << "\n";
    s << "    )\n"
         "    local i word cmd= sub= first= npos=0 skip= subs prev=$words[CURRENT-1]\n"
      << word_loop("words", "2", "CURRENT")
      << "    if [[ -z $cmd ]]; then\n"
         "        if [[ $prev == --dir ]]; then _files -/\n"
         "        elif [[ $PREFIX == -* ]]; then compadd -- "
      << names_of(globals)
      << "\n"
         "        else _describe -t commands 'crm command' commands; fi\n"
         "        return\n"
         "    fi\n"
         "    if [[ $prev == -* ]] && _crm_valued \"$cmd\" \"$prev\"; then\n"
         "        _crm_offer \"$(_crm_optkind \"$cmd\" \"$prev\")\" \"$first\"\n"
         "    elif [[ $PREFIX == -* ]]; then\n"
         "        compadd -- $(_crm_opts \"$cmd\")\n"
         "    elif [[ -z $sub ]] && ((npos == 0)) && subs=$(_crm_subs \"$cmd\"); then\n"
         "        compadd -- ${=subs}\n"
         "    else\n"
         "        _crm_offer \"$(_crm_argkind \"$cmd\" $npos)\" \"$first\"\n"
         "    fi\n"
         "}\n\n"
         "if [[ $funcstack[1] == _crm ]]; then\n"
         "    _crm \"$@\"\n"
         "else\n"
         "    compdef _crm crm\n"
         "fi\n";
}

namespace {

std::string fish_quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'' || c == '\\')
            out += '\\';
        out += c;
    }
    return fmt::format("{}'", out);
}

// "name<TAB>description" lines, as fish shows them.
void fish_lines(std::ostream& s, const std::vector<std::pair<std::string, std::string>>& items) {
    s << "            printf '%s\\t%s\\n'";
    for (const auto& [word, what] : items)
        s << " " << fish_quoted(word) << " " << fish_quoted(what);
    s << "\n";
}

}  // namespace

void fish_script(std::ostream& s, const std::vector<CommandSpec>& cmds,
                 const std::vector<OptionSpec>& globals) {
    s << "# fish completion for crm, written by 'crm completion fish'.\n"
         "# Load it:  crm completion fish | source\n"
         "# or save it as ~/.config/fish/completions/crm.fish\n\n";
    auto option_items = [](const std::vector<OptionSpec>& opts,
                           const std::vector<OptionSpec>& more = {}) {
        std::vector<std::pair<std::string, std::string>> items;
        for (const auto* list : {&opts, &more})
            for (const auto& o : *list)
                for (const auto& n : o.names)
                    if (std::none_of(items.begin(), items.end(),
                                     [&](const auto& i) { return i.first == n; }))
                        items.emplace_back(n, o.description);
        return items;
    };
    s << "function __crm_opts --argument-names cmd\n    switch $cmd\n";
    for (const auto& c : cmds) {
        s << "        case " << fish_quoted(c.name) << "\n";
        fish_lines(s, option_items(c.options, globals));
    }
    s << "        case '*'\n";
    fish_lines(s, option_items(globals));
    s << "    end\nend\n\n"
         "function __crm_valued --argument-names cmd opt\n"
         "    test \"$opt\" = --dir; and return 0\n"
         "    switch \"$cmd $opt\"\n";
    for (const auto& c : cmds)
        for (const auto& o : c.options)
            if (o.takes_value)
                for (const auto& n : o.names)
                    s << "        case " << fish_quoted(fmt::format("{} {}", c.name, n))
                      << "\n            return 0\n";
    s << "    end\n    return 1\nend\n\n"
         "function __crm_optkind --argument-names cmd opt\n"
         "    test \"$opt\" = --dir; and echo dirs; and return\n"
         "    switch \"$cmd $opt\"\n";
    for (const auto& c : cmds)
        for (const auto& o : c.options)
            if (o.takes_value && !o.kind.empty())
                for (const auto& n : o.names)
                    s << "        case " << fish_quoted(fmt::format("{} {}", c.name, n))
                      << "\n            echo " << fish_quoted(o.kind) << "\n";
    s << "    end\nend\n\n"
         "function __crm_subs --argument-names cmd\n    switch $cmd\n";
    for (const auto& c : cmds) {
        if (c.subcommands.empty())
            continue;
        s << "        case " << fish_quoted(c.name) << "\n";
        std::vector<std::pair<std::string, std::string>> items;
        for (const auto& n : cmds)
            if (n.name.starts_with(fmt::format("{} ", c.name)))
                items.emplace_back(n.name.substr(c.name.size() + 1), n.summary);
        fish_lines(s, items);
    }
    s << "        case '*'\n            return 1\n    end\nend\n\n"
         "function __crm_argkind --argument-names cmd n\n    switch \"$cmd $n\"\n";
    for (const auto& c : cmds)
        for (std::size_t i = 0; i < c.positionals.size(); ++i)
            if (!c.positionals[i].kind.empty() && !c.positionals[i].repeats)
                s << "        case " << fish_quoted(fmt::format("{} {}", c.name, i))
                  << "\n            echo " << fish_quoted(c.positionals[i].kind)
                  << "\n            return\n";
    s << "    end\n    switch $cmd\n";
    for (const auto& c : cmds)
        if (!c.positionals.empty() && c.positionals.back().repeats &&
            !c.positionals.back().kind.empty())
            s << "        case " << fish_quoted(c.name) << "\n            test $n -ge "
              << c.positionals.size() - 1 << "; and echo " << fish_quoted(c.positionals.back().kind)
              << "\n";
    s << "    end\nend\n\n"
         "function __crm_offer --argument-names kind of bin\n"
         "    set -l dir $argv[4..-1]\n"
         "    switch $kind\n"
         "        case files\n"
         "            __fish_complete_path (commandline -ct)\n"
         "        case dirs\n"
         "            __fish_complete_directories (commandline -ct)\n"
         "        case 'words:*'\n"
         "            string split ' ' -- (string replace 'words:' '' -- $kind)\n"
         "        case 'values:*'\n"
         "            $bin $dir completion --values (string replace 'values:' '' -- $kind) --of "
         "\"$of\" 2>/dev/null\n"
         "    end\n"
         "end\n\n"
         "function __crm_complete\n"
         "    set -l tokens (commandline -opc)\n"
         "    set -l cur (commandline -ct)\n"
         "    set -l cmd\n    set -l sub\n    set -l first\n    set -l dir\n"
         "    set -l npos 0\n    set -l skip 0\n"
         "    for i in (seq 2 (count $tokens))\n"
         "        set -l word $tokens[$i]\n"
         "        if test $skip = 1\n            set skip 0\n            continue\n        end\n"
         "        switch $word\n"
         "            case --dir\n"
         "                test $i -lt (count $tokens); and set dir --dir $tokens[(math $i + 1)]\n"
         "                set skip 1\n"
         "            case '--dir=*'\n"
         "                set dir $word\n"
         "            case '--*=*'\n"
         "            case '-*'\n"
         "                test -n \"$cmd\"; and __crm_valued \"$cmd\" $word; and set skip 1\n"
         "            case '*'\n"
         "                if test -z \"$cmd\"\n"
         "                    set cmd $word\n"
         "                else if test -z \"$sub\" -a $npos = 0; and __crm_subs \"$cmd\" "
         ">/dev/null\n"
         "                    set sub $word\n"
         "                    set cmd \"$cmd $word\"\n"
         "                else\n"
         "                    test $npos = 0; and set first $word\n"
         "                    set npos (math $npos + 1)\n"
         "                end\n"
         "        end\n"
         "    end\n"
         "    set -l prev $tokens[-1]\n"
         "    if test -z \"$cmd\"\n"
         "        if test \"$prev\" = --dir\n"
         "            __fish_complete_directories $cur\n"
         "        else if string match -q -- '-*' $cur\n"
         "            __crm_opts ''\n"
         "        else\n";
    std::vector<std::pair<std::string, std::string>> top;
    for (const auto& c : top_level(cmds))
        top.emplace_back(c.name, c.summary);
    fish_lines(s, top);
    s << "        end\n"
         "        return\n"
         "    end\n"
         "    if string match -q -- '-*' $prev; and __crm_valued \"$cmd\" $prev\n"
         "        set -l kind (__crm_optkind \"$cmd\" $prev)\n"
         "        __crm_offer \"$kind\" \"$first\" $tokens[1] $dir\n"
         "    else if string match -q -- '-*' $cur\n"
         "        __crm_opts \"$cmd\"\n"
         "    else if test -z \"$sub\" -a $npos = 0; and __crm_subs \"$cmd\" >/dev/null\n"
         "        __crm_subs \"$cmd\"\n"
         "    else\n"
         "        set -l kind (__crm_argkind \"$cmd\" $npos)\n"
         "        __crm_offer \"$kind\" \"$first\" $tokens[1] $dir\n"
         "    end\n"
         "end\n\n"
         "complete -c crm -f -a '(__crm_complete)'\n";
}

}  // namespace crm::cli
