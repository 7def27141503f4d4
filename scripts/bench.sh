#!/usr/bin/env bash
# make bench: speed and memory against the simulator with 50 ms latency, for 1,000 and 10,000 items.
# Prints: first full pull (s), no-op sync (s, requests), 10 remote + 10 local changes (s, requests), peak memory.
# Trello at the first size also pushes 500 changed cards and prints the request rate against Trello's limit
# (100 requests per 10 s per token) and how many 429s the simulator answered.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
BIN="$(swift build -c release --show-bin-path)"
SYNC="$BIN/git-sync-work-items"
SIZES="${BENCH_SIZES:-1000 10000}"
LATENCY="${BENCH_LATENCY_MS:-50}"
TRACKERS="${BENCH_TRACKERS:-github jira linear trello}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/sync-work-items-bench.XXXXXX")"
trap 'kill ${SIM_PID:-0} 2>/dev/null || true; rm -rf "$WORK"' EXIT

seconds() { python3 -c 'import sys; print(f"{float(sys.argv[1]):.2f}")' "$1"; }
now() { date +%s.%N; }
requests() { curl -s "$URL/_simulator/requests" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'; }
clear_requests() { curl -s -X DELETE "$URL/_simulator/requests" >/dev/null; }

# Trello: 500 cards changed locally and pushed in one sync, after a quiet 10 s so earlier runs have left Trello's
# window. The rate is every request of that sync over its duration, against the token's 10 requests a second.
trello_push_500() {
    sleep 10
    for f in $(ls meta/work | head -n 500); do sed -i 's/^title: "\(.*\)"$/title: "\1 (pushed)"/' "meta/work/$f"; done
    git commit -q -am "500 local edits"
    clear_requests
    t0=$(now); "$SYNC" --max-pushes 1000000 >/dev/null || true; push_s=$(python3 -c "print($(now) - $t0)")
    curl -s "$URL/_simulator/requests" | python3 -c '
import json, sys
log = json.load(sys.stdin); seconds = float(sys.argv[1])
limited = sum(1 for r in log if r["status"] == 429)
rate = len(log) / seconds
print(f"trello   push 500 changed cards: {seconds:.1f} s, {len(log)} requests, {rate:.2f} requests/s = {rate * 10:.0f}% of 100 per 10 s; 429 answers: {limited}")
' "$push_s"
}

printf '%-8s %-7s %12s %9s %9s %15s %9s %9s %9s %9s\n' tracker items "first pull s" "no-op s" "no-op req" "10+10 changes s" "10+10 req" "peak MiB" "status s" "hook s"
for TRACKER in $TRACKERS; do
for N in $SIZES; do
    "$BIN/tracker-simulator" "$TRACKER" --port 0 --token bench-token --latency-ms "$LATENCY" \
        --seed-issues "$N" --seed-repository acme/bench --seed-project BENCH >"$WORK/sim.log" 2>&1 &
    SIM_PID=$!
    URL=""
    for _ in $(seq 1 600); do
        URL="$(sed -n 's/^listening on //p' "$WORK/sim.log" | head -n 1)"; [ -n "$URL" ] && break; sleep 0.1
    done
    [ -n "$URL" ] || { cat "$WORK/sim.log"; exit 1; }
    REPO="$WORK/repo-$TRACKER-$N"; mkdir -p "$REPO/.accelerator"; cd "$REPO"
    git init -q -b main; git config user.name Bench; git config user.email bench@example.invalid
    if [ "$TRACKER" = trello ]; then
        printf -- '---\nwork:\n  integration: trello\ntrello:\n  key: bench-key\n  board_id: EngBoard\n  api_url: %s\n---\n' "$URL" > .accelerator/config.md
        CHANGE='{"title": "Changed remotely for the benchmark"}'
    elif [ "$TRACKER" = jira ]; then
        printf -- '---\nwork:\n  integration: jira\n  default_project_code: BENCH\njira:\n  site: bench\n  api_url: %s\n  email: bench@example.invalid\n---\n' "$URL" > .accelerator/config.md
        CHANGE='{"fields": {"summary": "Changed remotely for the benchmark"}}'
    elif [ "$TRACKER" = linear ]; then
        printf -- '---\nwork:\n  integration: linear\n  default_project_code: BENCH\nlinear:\n  api_url: %s\n---\n' "$URL" > .accelerator/config.md
        CHANGE='{"title": "Changed remotely for the benchmark"}'
    else
        printf -- '---\nwork:\n  integration: github-issues\ngithub:\n  repo: acme/bench\n  api_url: %s\n---\n' "$URL" > .accelerator/config.md
        CHANGE='{"title": "Changed remotely for the benchmark"}'
    fi
    git add -A; git commit -q -m init
    export ACCELERATOR_GITHUB_TOKEN=bench-token ACCELERATOR_JIRA_TOKEN=bench-token ACCELERATOR_LINEAR_TOKEN=bench-token ACCELERATOR_TRELLO_TOKEN=bench-token

    t0=$(now)
    /usr/bin/time -f '%M' -o "$WORK/rss" "$SYNC" --max-pulls 1000000 --max-pushes 1000000 >/dev/null || true
    first=$(python3 -c "print($(now) - $t0)")
    peak=$(( $(cat "$WORK/rss") / 1024 ))

    clear_requests
    t0=$(now); "$SYNC" >/dev/null; noop=$(python3 -c "print($(now) - $t0)"); noop_req=$(requests)

    # 10 remote changes through the admin API, 10 local edits committed.
    keys=$(curl -s "$URL/_simulator/items" | python3 -c 'import json,sys; print("\n".join(i["key"] for i in json.load(sys.stdin)[:10]))')
    for key in $keys; do
        enc=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$key")
        curl -s -X PATCH "$URL/_simulator/items/$enc" -H 'content-type: application/json' -d "$CHANGE" >/dev/null
    done
    for f in $(ls meta/work | tail -n 10); do printf '\nEdited locally for the benchmark.\n' >> "meta/work/$f"; done
    git commit -q -am "10 local edits"
    clear_requests
    t0=$(now); "$SYNC" --max-pulls 1000000 >/dev/null || true; changes=$(python3 -c "print($(now) - $t0)"); changes_req=$(requests)

    # Offline status, and what the pre-push hook adds to a push (it runs the preview).
    t0=$(now); "$SYNC" status >/dev/null; status_s=$(python3 -c "print($(now) - $t0)")
    t0=$(now); echo | SYNC_WORK_ITEMS_BIN="$SYNC" sh "$ROOT/hooks/pre-push" origin "$URL" >/dev/null; hook_s=$(python3 -c "print($(now) - $t0)")

    printf '%-8s %-7s %12s %9s %9s %15s %9s %9s %9s %9s\n' "$TRACKER" "$N" "$(seconds "$first")" "$(seconds "$noop")" "$noop_req" "$(seconds "$changes")" "$changes_req" "$peak" "$(seconds "$status_s")" "$(seconds "$hook_s")"
    if [ "$TRACKER" = trello ] && [ "$N" = "${SIZES%% *}" ]; then trello_push_500; fi
    kill $SIM_PID; wait $SIM_PID 2>/dev/null || true
    cd "$ROOT"
done
done
