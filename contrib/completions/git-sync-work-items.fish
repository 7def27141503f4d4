# fish completion for git-sync-work-items (and `git sync-work-items`)
set -l cmds status check install-hook uninstall-hook
complete -c git-sync-work-items -f -n "not __fish_seen_subcommand_from $cmds" -a "$cmds"
complete -c git-sync-work-items -l preview -d 'Show what a sync would do; write nothing'
complete -c git-sync-work-items -l push-only -d 'Only push local changes'
complete -c git-sync-work-items -l pull-only -d 'Only pull remote changes'
complete -c git-sync-work-items -l push-new -x -a 'all none ask' -d 'Create never-pushed items remotely'
complete -c git-sync-work-items -l resolve -x -d 'ID=remote|local|skip'
complete -c git-sync-work-items -l forget -x -d 'stop syncing an item deleted in a commit'
complete -c git-sync-work-items -l assignee -x -d 'Only pull untracked items assigned to'
complete -c git-sync-work-items -l label -x -d 'Only pull untracked items with this label'
complete -c git-sync-work-items -l state -x -d 'Only pull untracked items in this state'
complete -c git-sync-work-items -l all -d 'Pull untracked items outside the project scope'
complete -c git-sync-work-items -l max-pulls -x -d 'Local write limit'
complete -c git-sync-work-items -l max-pushes -x -d 'Remote write limit'
complete -c git-sync-work-items -l porcelain -d 'One tab-separated line per item'
complete -c git-sync-work-items -l json -d 'One JSON document'
complete -c git-sync-work-items -l no-input -d 'Never prompt'
complete -c git-sync-work-items -n "__fish_seen_subcommand_from check" -l online -d 'Check the tracker too'
complete -c git-sync-work-items -n "__fish_seen_subcommand_from install-hook" -l force -d 'Rewrite the hook'
complete -c git -f -n '__fish_git_using_command sync-work-items' -a "$cmds"
