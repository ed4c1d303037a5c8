# fish completion for crm, written by 'crm completion fish'.
# Load it:  crm completion fish | source
# or save it as ~/.config/fish/completions/crm.fish
#
# crm itself says what each word can be (crm __complete WORD...), from the folder crm
# would use, with what each one is; fish quotes each word for where it goes and keeps
# crm's order (the ratings along their scale).

function __crm_complete
    set -l words (commandline -opc)
    set -l current (string unescape -- (commandline -ct))
    set -l lines ($words[1] __complete $words[2..-1] "$current" 2>/dev/null)
    switch "$lines[1]"
        case files
            __fish_complete_path "$current"
        case dirs
            __fish_complete_directories "$current"
        case words
            printf '%s\n' $lines[2..-1]
    end
end

complete -c crm -f -k -a '(__crm_complete)'
