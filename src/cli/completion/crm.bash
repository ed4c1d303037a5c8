# bash completion for crm, written by 'crm completion bash'.
# Load it in ~/.bashrc:  source <(crm completion bash)
#
# crm itself says what each word can be (crm __complete WORD...), from the folder crm
# would use; this script splits the line as bash does and quotes each word it gets back
# for where it goes: bare (Bob\ Jones), or inside the quote you opened ("Bob Jones").

# The words of $1 (the line up to the cursor) without their quoting, into _crm_words;
# the quote the last one leaves open, if any, into _crm_quote.
_crm_split() {
    local line=$1 c q= w= started= i n=${#1}
    _crm_words=()
    for ((i = 0; i < n; i++)); do
        c=${line:i:1}
        if [[ $q == "'" ]]; then
            if [[ $c == "'" ]]; then q=; else w+=$c; fi
        elif [[ $q == '"' ]]; then
            if [[ $c == '"' ]]; then
                q=
            elif [[ $c == '\' && ${line:i+1:1} == [\$\`\"\\] ]]; then
                w+=${line:i+1:1}
                ((i += 1))
            else
                w+=$c
            fi
        elif [[ $c == [[:blank:]] ]]; then
            [[ -n $started ]] && _crm_words+=("$w")
            w= started=
        elif [[ $c == '\' ]]; then
            w+=${line:i+1:1}
            ((i += 1))
            started=1
        elif [[ $c == [\'\"] ]]; then
            q=$c started=1
        else
            w+=$c started=1
        fi
    done
    _crm_words+=("$w")
    _crm_quote=$q
}

# $1 quoted for where it goes: inside the open quote, or bare with backslashes.
_crm_quoted() {
    local w=$1 out= c i
    case $_crm_quote in
        "'") out=${w//\'/\'\\\'\'} ;;
        '"')
            w=${w//\\/\\\\}
            w=${w//\"/\\\"}
            w=${w//\$/\\\$}
            out=${w//\`/\\\`}
            ;;
        *)
            for ((i = 0; i < ${#w}; i++)); do
                c=${w:i:1}
                [[ $c == [[:space:]\'\"\\\$\`\&\;\|\<\>\(\)\[\]\{\}\*\?\!\#\~\^=:,] ]] && out+='\'
                out+=$c
            done
            ;;
    esac
    printf '%s' "$out"
}

_crm() {
    local line word strip typed quote
    local -a words lines
    _crm_split "${COMP_LINE:0:COMP_POINT}"
    words=("${_crm_words[@]}")
    quote=$_crm_quote
    typed=${words[${#words[@]}-1]}
    # readline replaces only the end of the word ($2: after a = or :, or inside the
    # quote); crm's words start with the whole of it.
    _crm_split "$2"
    strip=$((${#typed} - ${#_crm_words[0]}))
    ((strip < 0)) && strip=0
    _crm_quote=$quote
    mapfile -t lines < <("${words[0]}" __complete "${words[@]:1}" 2>/dev/null)
    COMPREPLY=()
    case ${lines[0]} in
        files)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "${_crm_words[0]}")
            ;;
        dirs)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -d -- "${_crm_words[0]}")
            ;;
        words)
            for line in "${lines[@]:1}"; do
                word=${line%%$'\t'*}
                COMPREPLY+=("$(_crm_quoted "${word:strip}")")
            done
            ;;
    esac
}

complete -F _crm crm
