#compdef crm
# zsh completion for crm, written by 'crm completion zsh'.
# Load it in ~/.zshrc after compinit:  source <(crm completion zsh)
# or save it as _crm in a folder of $fpath.
#
# crm itself says what each word can be (crm __complete WORD...), from the folder crm
# would use, with what each one is; zsh quotes each word for where it goes and keeps
# crm's order (the ratings along their scale).

_crm() {
    local -a lines found shown
    local line word described=
    lines=("${(@f)$(${(Q)words[1]} __complete "${(@Q)words[2,CURRENT-1]}" "${(Q)PREFIX}" 2>/dev/null)}")
    case $lines[1] in
        files) _files ;;
        dirs) _files -/ ;;
        words)
            for line in "${(@)lines[2,-1]}"; do
                word=${line%%$'\t'*}
                found+=("$word")
                if [[ $line == *$'\t'* ]]; then
                    shown+=("$word  -- ${line#*$'\t'}")
                    described=1
                else
                    shown+=("$word")
                fi
            done
            if [[ -n $described ]]; then
                compadd -V crm -l -d shown -- "${found[@]}"
            else
                compadd -V crm -- "${found[@]}"
            fi
            ;;
    esac
}

if [[ $funcstack[1] == _crm ]]; then
    _crm "$@"
else
    compdef _crm crm
fi
