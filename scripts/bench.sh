#!/usr/bin/env bash
# make bench: every row of the performance goals (issue 12) against the simulator with 50 ms latency, per tracker,
# for 1,000 and 10,000 items, plus 100,000 for one tracker (BENCH_LARGE=tracker:size, empty to skip). Each row
# shows its time, the requests it made, its physical floor, the ratio to that floor and the goal.
# Floors: a first pull is pages × latency ÷ concurrency plus writing the files (timed here by writing the same
# bytes); a no-op and the pre-push hook are one round trip; 10 remote + 10 local changes are two; `status` is
# `git status` on the same tree.
# Scratch repositories go under .build (or BENCH_TMPDIR), on the repository's file system: creating files in a
# crowded /tmp can cost more than the sync itself.
# Trello at the first size also pushes 500 changed cards and prints the request rate against Trello's limit
# (100 requests per 10 s per token) and how many 429s the simulator answered.
# Narrow it with BENCH_TRACKERS, BENCH_SIZES, BENCH_LATENCY_MS, BENCH_LARGE.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
BIN="${BENCH_BIN:-$(swift build -c release --show-bin-path)}"
SYNC="$BIN/git-sync-work-items"
SIZES="${BENCH_SIZES:-1000 10000}"
LATENCY="${BENCH_LATENCY_MS:-50}"
TRACKERS="${BENCH_TRACKERS:-github jira linear trello}"
LARGE="${BENCH_LARGE-github:100000}"
# The requests a run has in flight: --concurrency's default, as the binary's help states it.
CONCURRENCY="$("$SYNC" sync --help | tr -s ' \n' ' ' | sed -n 's/.*--concurrency <concurrency> [^(]*(default: \([0-9]*\)).*/\1/p')"
[ -n "$CONCURRENCY" ] || { echo "bench: $SYNC sync --help states no default for --concurrency" >&2; exit 1; }
PAGE=100
WORK="$(mktemp -d "${BENCH_TMPDIR:-$ROOT/.build}/sync-work-items-bench.XXXXXX")"
trap 'kill ${SIM_PID:-0} 2>/dev/null || true; rm -rf "$WORK"' EXIT

now() { date +%s.%N; }
since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$1" "$(now)"; }
requests() { curl -s "$URL/_simulator/requests" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'; }
clear_requests() { curl -s -X DELETE "$URL/_simulator/requests" >/dev/null; }
export ACCELERATOR_GITHUB_TOKEN=bench-token ACCELERATOR_JIRA_TOKEN=bench-token ACCELERATOR_LINEAR_TOKEN=bench-token ACCELERATOR_TRELLO_TOKEN=bench-token

# row TRACKER ITEMS WHAT SECONDS REQUESTS FLOOR GOAL_SECONDS GOAL_REQUESTS
row() {
    python3 - "$@" <<'EOF'
import sys
tracker, items, what, seconds, requests, floor, goal_s, goal_r = sys.argv[1:9]
s = float(seconds)
goal = []
ok = True
if goal_s != "-":
    goal.append(f"≤ {goal_s}" + ("" if "MiB" in what else " s")); ok &= s <= float(goal_s)
if goal_r != "-":
    goal.append(f"≤ {goal_r} req"); ok &= requests != "-" and int(requests) <= int(goal_r)
verdict = ("ok" if ok else "MISS") if goal else ""
floor_text, ratio = ("-", "-") if floor == "-" else (f"{float(floor):.3f}", f"{s / max(float(floor), 1e-6):.1f}")
print(f"{tracker:<8} {items:>7} {what:<32} {s:>8.2f} {requests:>8} {floor_text:>8} {ratio:>7}  {', '.join(goal):<22} {verdict}")
EOF
}
header() {
    printf '%-8s %7s %-32s %8s %8s %8s %7s  %-22s %s\n' tracker items what "time s" requests "floor s" ratio goal ""
}

start_simulator() {
    "$BIN/tracker-simulator" "$1" --port 0 --token bench-token --latency-ms "$LATENCY" \
        --seed-issues "$2" --seed-repository acme/bench --seed-project BENCH >"$WORK/sim.log" 2>&1 &
    SIM_PID=$!
    URL=""
    for _ in $(seq 1 3000); do
        URL="$(sed -n 's/^listening on //p' "$WORK/sim.log" | head -n 1)"; [ -n "$URL" ] && break; sleep 0.1
    done
    [ -n "$URL" ] || { cat "$WORK/sim.log"; exit 1; }
}

stop_simulator() { kill "$SIM_PID"; wait "$SIM_PID" 2>/dev/null || true; }

# new_repo TRACKER NAME: a scratch repository configured for the simulator, entered.
new_repo() {
    REPO="$WORK/repo-$2"; mkdir -p "$REPO/.accelerator"; cd "$REPO"
    git init -q -b main; git config user.name Bench; git config user.email bench@example.invalid
    if [ "$1" = trello ]; then
        printf -- '---\nwork:\n  integration: trello\ntrello:\n  key: bench-key\n  board_id: EngBoard\n  api_url: %s\n---\n' "$URL" > .accelerator/config.md
        CHANGE='{"title": "Changed remotely for the benchmark"}'
    elif [ "$1" = jira ]; then
        printf -- '---\nwork:\n  integration: jira\n  default_project_code: BENCH\njira:\n  site: bench\n  api_url: %s\n  email: bench@example.invalid\n---\n' "$URL" > .accelerator/config.md
        CHANGE='{"fields": {"summary": "Changed remotely for the benchmark"}}'
    elif [ "$1" = linear ]; then
        printf -- '---\nwork:\n  integration: linear\n  default_project_code: BENCH\nlinear:\n  api_url: %s\n---\n' "$URL" > .accelerator/config.md
        CHANGE='{"title": "Changed remotely for the benchmark"}'
    else
        printf -- '---\nwork:\n  integration: github-issues\ngithub:\n  repo: acme/bench\n  api_url: %s\n---\n' "$URL" > .accelerator/config.md
        CHANGE='{"title": "Changed remotely for the benchmark"}'
    fi
    git add -A; git commit -q -m init
}

# timed_sync ARGS…: runs one sync; sets T (seconds), R (requests) and PEAK (MiB).
timed_sync() {
    clear_requests
    local t0; t0=$(now)
    /usr/bin/time -f '%M' -o "$WORK/rss" "$SYNC" "$@" >/dev/null 2>&1 || true
    T=$(since "$t0"); R=$(requests); PEAK=$(( $(cat "$WORK/rss") / 1024 ))
}

# Seconds to write the work folder's bytes into a new folder: the disk's share of a first pull's floor. The copy
# stays until the end: on a file system without a journal (ext4 here), creating files soon after deleting many
# makes every new inode search past the recently deleted ones, which would slow the rows that follow.
write_floor() {
    python3 - meta/work "$(mktemp -d "$WORK/write-floor.XXXXXX")" <<'EOF'
import os, sys, time
src, dst = sys.argv[1], sys.argv[2]
files = [(n, open(os.path.join(src, n), "rb").read()) for n in os.listdir(src)]
t = time.perf_counter()
for n, b in files:
    with open(os.path.join(dst, n), "wb") as f: f.write(b)
print(f"{time.perf_counter() - t:.3f}")
EOF
}
best_git_status() {
    python3 - <<'EOF'
import subprocess, time
times = []
for _ in range(3):
    t = time.perf_counter(); subprocess.run(["git", "status", "--porcelain"], stdout=subprocess.DEVNULL); times.append(time.perf_counter() - t)
print(f"{min(times):.3f}")
EOF
}
rt() { python3 -c "import sys; print(int(sys.argv[1]) * float(sys.argv[2]) / 1000)" "$1" "$LATENCY"; }
pull_floor() {
    python3 -c "import sys, math; n, l, c, p, w = map(float, sys.argv[1:]); print(f'{math.ceil(n / p) * l / 1000 / c + w:.3f}')" \
        "$1" "$LATENCY" "$CONCURRENCY" "$PAGE" "$2"
}

# Trello: 500 cards changed locally and pushed in one sync, after a quiet 10 s so earlier runs have left Trello's
# window. The rate is every request of that sync over its duration, against the token's 10 requests a second.
trello_push_500() {
    sleep 10
    for f in $(ls meta/work | head -n 500); do sed -i 's/^title: "\(.*\)"$/title: "\1 (pushed)"/' "meta/work/$f"; done
    git commit -q -am "500 local edits"
    clear_requests
    t0=$(now); "$SYNC" --max-pushes 1000000 >/dev/null || true; push_s=$(since "$t0")
    curl -s "$URL/_simulator/requests" | python3 -c '
import json, sys
log = json.load(sys.stdin); seconds = float(sys.argv[1])
limited = sum(1 for r in log if r["status"] == 429)
rate = len(log) / seconds
print(f"trello   push 500 changed cards: {seconds:.1f} s, {len(log)} requests, {rate:.2f} requests/s = {rate * 10:.0f}% of 100 per 10 s; 429 answers: {limited}")
' "$push_s"
}

# The rows for one tracker at one size. LIGHT=1 (the large size) keeps to the first pull, the no-op and memory.
bench() {
    local tracker="$1" n="$2" light="${3:-0}"
    start_simulator "$tracker" "$n"
    new_repo "$tracker" "$tracker-$n"
    timed_sync --max-pulls 1000000 --max-pushes 1000000
    local floor; floor=$(pull_floor "$n" "$(write_floor)")
    if [ "$light" = 1 ]; then
        row "$tracker" "$n" "first pull" "$T" "$R" "$floor" 40 -
        row "$tracker" "$n" "peak memory MiB (first pull)" "$PEAK" - - 400 -
        timed_sync
        row "$tracker" "$n" "no-op" "$T" "$R" "$(rt 1)" 1 2
        stop_simulator; cd "$ROOT"; return
    fi
    row "$tracker" "$n" "first pull" "$T" "$R" "$floor" 4 $(( (n + PAGE - 1) / PAGE + 1 ))
    row "$tracker" "$n" "peak memory MiB (first pull)" "$PEAK" - - 100 -
    timed_sync
    row "$tracker" "$n" "no-op" "$T" "$R" "$(rt 1)" 0.3 2
    # 10 remote changes through the admin API, 10 local edits committed.
    keys=$(curl -s "$URL/_simulator/items" | python3 -c 'import json,sys; print("\n".join(i["key"] for i in json.load(sys.stdin)[:10]))')
    for key in $keys; do
        enc=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$key")
        curl -s -X PATCH "$URL/_simulator/items/$enc" -H 'content-type: application/json' -d "$CHANGE" >/dev/null
    done
    for f in $(ls meta/work | tail -n 10); do printf '\nEdited locally for the benchmark.\n' >> "meta/work/$f"; done
    git commit -q -am "10 local edits"
    timed_sync --max-pulls 1000000
    row "$tracker" "$n" "10 remote + 10 local changes" "$T" "$R" "$(rt 2)" 0.5 -

    local t0 status_s hook_s
    t0=$(now); "$SYNC" status >/dev/null; status_s=$(since "$t0")
    row "$tracker" "$n" "status (synced, small items)" "$status_s" - "$(best_git_status)" 0.15 -
    clear_requests
    t0=$(now); echo | SYNC_WORK_ITEMS_BIN="$SYNC" sh "$ROOT/hooks/pre-push" origin "$URL" >/dev/null; hook_s=$(since "$t0")
    row "$tracker" "$n" "pre-push hook" "$hook_s" "$(requests)" "$(rt 1)" 0.2 2
    if [ "$tracker" = trello ] && [ "$n" = "${SIZES%% *}" ]; then trello_push_500; fi

    # Every work file touched, as a copy or a restore from a backup leaves them: the first run hashes them all and
    # refreshes the index's stat data, as git status does (no goal); the no-op after it is an ordinary one.
    find meta/work -name '*.md' -exec touch {} +
    timed_sync
    row "$tracker" "$n" "all files touched: refresh run" "$T" "$R" "$(rt 1)" - -
    timed_sync
    row "$tracker" "$n" "all files touched: next no-op" "$T" "$R" "$(rt 1)" 0.3 2

    # A label filter: its first run reads every candidate (new filters), the next is a no-op.
    timed_sync --label bench-label
    timed_sync --label bench-label
    row "$tracker" "$n" "no-op --label (after one)" "$T" "$R" "$(rt 1)" 0.3 2

    # The same first pull and no-op with --all (discovery beyond the default scope).
    new_repo "$tracker" "$tracker-$n-all"
    timed_sync --all --max-pulls 1000000 --max-pushes 1000000
    row "$tracker" "$n" "first pull --all" "$T" "$R" "$floor" 4 $(( (n + PAGE - 1) / PAGE + 1 ))
    timed_sync --all
    row "$tracker" "$n" "no-op --all" "$T" "$R" "$(rt 1)" 0.3 2
    stop_simulator
    cd "$ROOT"
}

header
for TRACKER in $TRACKERS; do
    for N in $SIZES; do bench "$TRACKER" "$N"; done
done
if [ -n "$LARGE" ]; then bench "${LARGE%%:*}" "${LARGE##*:}" 1; fi
echo "status over real-size items: make bench-status"
