# bash completion for git-sync-work-items; `git sync-work-items <TAB>` works through git's own completion,
# which calls _git_sync_work_items.
_git_sync_work_items_words() {
    local cur=$1 prev=$2
    case "$prev" in
        --push-new) COMPREPLY=($(compgen -W "all none ask" -- "$cur")); return ;;
        --resolve|--forget|--assignee|--label|--state|--max-pulls|--max-pushes|--concurrency) COMPREPLY=(); return ;;
    esac
    case "$cur" in
        --push-new=*) COMPREPLY=($(compgen -W "all none ask" -- "${cur#--push-new=}")); return ;;
    esac
    COMPREPLY=($(compgen -W "status check install-hook uninstall-hook --preview --push-only --pull-only --push-new= \
        --resolve --forget --assignee --label --state --all --max-pulls --max-pushes --concurrency --porcelain --json \
        --no-input --online --force --help" -- "$cur"))
}

_git_sync_work_items() {
    _git_sync_work_items_words "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
}

_git_sync_work_items_standalone() {
    _git_sync_work_items_words "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
}
complete -F _git_sync_work_items_standalone git-sync-work-items
