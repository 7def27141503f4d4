// Generated from hooks/pre-push by scripts/embed-hook.py (make hook-script); a test keeps them equal.
enum PrePushHookScript {
    static let text = #"""
#!/bin/sh
# git-sync-work-items pre-push hook
#
# Prints what `git sync-work-items` would do before every push. It never blocks or slows a push for reasons
# outside your control: no network, no credentials, no integration configured, or a slow tracker each print one
# line and let the push go on. Settings:
#   git config sync-work-items.hookTimeout 10              seconds the preview may take (default 10)
#   git config sync-work-items.hookBlockOnConflict true    refuse the push while conflicts are unresolved
# Installed by `git sync-work-items install-hook`, which chains to a pre-push hook you already had.

hook_dir=$(dirname "$0")
chained="$hook_dir/pre-push.before-sync-work-items"

# git passes the refs being pushed on standard input; a chained hook gets them too.
refs=$(cat)
if [ -x "$chained" ]; then
    printf '%s\n' "$refs" | "$chained" "$@" || exit $?
fi

bin=${SYNC_WORK_ITEMS_BIN:-}
if [ -z "$bin" ]; then
    if command -v git-sync-work-items >/dev/null 2>&1; then
        bin=git-sync-work-items
    else
        echo "sync-work-items: git-sync-work-items is not on PATH; no preview (push continues)"
        exit 0
    fi
fi

limit=$(git config --get sync-work-items.hookTimeout 2>/dev/null)
case $limit in
    '' | *[!0-9]*) limit=10 ;;
esac
block=$(git config --bool --get sync-work-items.hookBlockOnConflict 2>/dev/null)

out=$(mktemp "${TMPDIR:-/tmp}/sync-work-items-hook.XXXXXX") || exit 0
trap 'rm -f "$out"' EXIT INT TERM

if command -v timeout >/dev/null 2>&1; then
    timeout "$limit" "$bin" --preview --no-input </dev/null >"$out" 2>&1
else
    "$bin" --preview --no-input </dev/null >"$out" 2>&1
fi
status=$?

first_line() { sed -n '1{s/^git-sync-work-items: //;p;}' "$out"; }

case $status in
    0)
        cat "$out"
        ;;
    4)
        cat "$out"
        if [ "$block" = true ] && grep -q '^Conflicts (' "$out"; then
            echo "sync-work-items: push refused: resolve the conflicts first (git sync-work-items --resolve ID=remote|local|skip),"
            echo "sync-work-items: or push anyway with git push --no-verify"
            exit 1
        fi
        ;;
    124 | 137)
        echo "sync-work-items: preview took longer than ${limit}s; skipped (push continues; git config sync-work-items.hookTimeout N)"
        ;;
    70 | 71)
        echo "sync-work-items: tracker not reachable, no preview (push continues): $(first_line)"
        ;;
    73)
        echo "sync-work-items: no integration configured, no preview (push continues)"
        ;;
    74)
        echo "sync-work-items: credentials or tracker configuration missing, no preview (push continues): $(first_line)"
        ;;
    *)
        echo "sync-work-items: preview failed (exit $status), push continues: $(first_line)"
        ;;
esac
exit 0

"""#
}
