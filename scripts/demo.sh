#!/usr/bin/env bash
# The quick-start demo: a real sync against the bundled tracker simulator in a scratch repository.
# TRACKER=github (default), TRACKER=jira, TRACKER=linear or TRACKER=trello.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$(swift build --show-bin-path)"
SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/sync-work-items-demo.XXXXXX")"
TOKEN="demo-token"
TRACKER="${TRACKER:-github}"
case "$TRACKER" in github|jira|linear|trello) ;; *) echo "TRACKER must be github, jira, linear or trello"; exit 2 ;; esac

"$BIN/tracker-simulator" "$TRACKER" --port 0 --token "$TOKEN" --seed-demo >"$SCRATCH/simulator.log" 2>&1 &
SIM_PID=$!
trap 'kill $SIM_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    URL="$(sed -n 's/^listening on //p' "$SCRATCH/simulator.log" | head -n 1)"
    [ -n "$URL" ] && break
    sleep 0.1
done
[ -n "${URL:-}" ] || { echo "the simulator did not start:"; cat "$SCRATCH/simulator.log"; exit 1; }

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }

REPO="$SCRATCH/repo"
mkdir -p "$REPO/meta/work" "$REPO/.accelerator"
cd "$REPO"
git init -q -b main
git config user.name "Demo User"
git config user.email "demo@example.invalid"
if [ "$TRACKER" = jira ]; then
cat > .accelerator/config.md <<CONFIG
---
work:
  integration: jira
  default_project_code: ENG
jira:
  site: demo
  api_url: $URL
  email: demo@example.invalid
---
# Team configuration for git-sync-work-items (the simulator stands in for demo.atlassian.net).
CONFIG
REMOTE_KEY="ENG-1"
# The simulator's admin API takes the same neutral item shape for every tracker (tracker-simulator --help).
REMOTE_EDIT='{"title": "Login fails with an expired session cookie", "labels": ["auth"], "state": "In Progress"}'
elif [ "$TRACKER" = linear ]; then
cat > .accelerator/config.md <<CONFIG
---
work:
  integration: linear
  default_project_code: ENG
linear:
  api_url: $URL
---
# Team configuration for git-sync-work-items (the simulator stands in for api.linear.app).
CONFIG
REMOTE_KEY="ENG-1"
REMOTE_EDIT='{"title": "Login fails with an expired session cookie", "labels": ["accounts", "auth"], "state": "In Review"}'
elif [ "$TRACKER" = trello ]; then
cat > .accelerator/config.md <<CONFIG
---
work:
  integration: trello
trello:
  key: demo-key
  board_id: EngBoard
  api_url: $URL
---
# Team configuration for git-sync-work-items (the simulator stands in for api.trello.com).
CONFIG
REMOTE_KEY="$(curl -s "$URL/_simulator/items" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["key"])')"
REMOTE_EDIT='{"title": "Checkout fails for saved cards after a refund", "state": "Review", "labels": ["payments", "auth"]}'
else
cat > .accelerator/config.md <<CONFIG
---
work:
  integration: github-issues
github:
  repo: demo-org/demo-repo
  api_url: $URL
---
# Team configuration for git-sync-work-items (the simulator stands in for api.github.com).
CONFIG
REMOTE_KEY="demo-org%2Fdemo-repo%231"
REMOTE_EDIT='{"title": "Login fails with an expired session cookie", "labels": ["auth"]}'
fi
cat > meta/work/0001-offline-mode.md <<'ITEM'
---
id: "0001"
title: "Offline mode for the editor"
date: "2026-11-20T09:00:00+00:00"
author: Demo User
kind: story
status: ready
priority: high
tags: [editor, offline]
type: work-item
schema_version: 1
---

# 0001: Offline mode for the editor

**Kind**: Story
**Status**: Ready
**Priority**: High
**Author**: Demo User

## Summary

Let people keep editing when the network drops, and sync when it returns.

## Acceptance Criteria

- [ ] Edits made offline are kept across a restart.
- [ ] Reconnecting syncs without a prompt when nothing conflicts.
ITEM
git add -A && git commit -q -m "Work items"
export ACCELERATOR_GITHUB_TOKEN="$TOKEN" ACCELERATOR_JIRA_TOKEN="$TOKEN" ACCELERATOR_LINEAR_TOKEN="$TOKEN" ACCELERATOR_TRELLO_TOKEN="$TOKEN"
SYNC="$BIN/git-sync-work-items"

echo "Scratch repository: $REPO   simulator: $URL"
step "git sync-work-items --preview"
"$SYNC" --preview || true
step "git sync-work-items --push-new=all"
"$SYNC" --push-new=all || true
step "git show --stat HEAD"
git --no-pager show --stat HEAD
step "someone edits an issue in the tracker; we edit a file and commit"
curl -s -X PATCH "$URL/_simulator/items/$REMOTE_KEY" -H 'content-type: application/json' -d "$REMOTE_EDIT" >/dev/null
sed -i 's/^priority: high/priority: medium/' meta/work/0001-offline-mode.md
git commit -q -am "Lower the priority of offline mode"
step "git sync-work-items"
"$SYNC" || true
step "git show HEAD"
git --no-pager show HEAD
step "git sync-work-items   # again: nothing to do"
"$SYNC" || true
echo
echo "Done. The scratch repository stays at $REPO for you to look around."
