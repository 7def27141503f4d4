#!/usr/bin/env bash
# make bench-status: `git sync-work-items status` beside `git status` on the same 10,000 real-size work items (the
# vendored accelerator corpus, repeated with unique ids and keys), never synced and synced. Offline: no simulator.
# Prints each time (best of BENCH_STATUS_RUNS, after one warm-up run) with the ratio to `git status`.
# Scratch repositories go under .build (or BENCH_TMPDIR), on the repository's file system: creating files in a
# crowded /tmp can cost more than the sync itself.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
BIN="${BENCH_BIN:-$(swift build -c release --show-bin-path)}"
SYNC="$BIN/git-sync-work-items"
N="${BENCH_STATUS_ITEMS:-10000}"
RUNS="${BENCH_STATUS_RUNS:-5}"
CORPUS="$ROOT/Tests/Fixtures/accelerator-meta-work"
[ -d "$CORPUS" ] || { echo "no corpus: expected Tests/Fixtures/accelerator-meta-work" >&2; exit 1; }
WORK="$(mktemp -d "${BENCH_TMPDIR:-$ROOT/.build}/sync-work-items-bench-status.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# Best wall time of RUNS runs of a command (after one warm-up), in seconds.
best() {
    "$@" >/dev/null 2>&1 || true
    python3 - "$RUNS" "$@" <<'EOF'
import subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
times = []
for _ in range(runs):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times.append(time.perf_counter() - t)
print(f"{min(times):.3f}")
EOF
}
ratio() { python3 -c 'import sys; print(f"{float(sys.argv[1]) / max(float(sys.argv[2]), 1e-6):.1f}")' "$1" "$2"; }

REPO="$WORK/repo"; mkdir -p "$REPO/.accelerator" "$REPO/meta/work"; cd "$REPO"
git init -q -b main; git config user.name Bench; git config user.email bench@example.invalid
printf -- '---\nwork:\n  integration: jira\n  default_project_code: BENCH\njira:\n  site: bench\n  email: bench@example.invalid\n---\n' > .accelerator/config.md

# N files: corpus file i % size, with id, H1 id and external_id made unique.
python3 - "$CORPUS" "$N" meta/work <<'EOF'
import os, re, sys
corpus, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sources = sorted(f for f in os.listdir(corpus) if re.match(r"\d{4}-.*\.md$", f))
for i in range(n):
    name = sources[i % len(sources)]
    text = open(os.path.join(corpus, name), encoding="utf-8").read()
    new_id = f"{i + 1:05d}"
    text = re.sub(r'(?m)^id: "?\d+"?$', f'id: "{new_id}"', text, count=1)
    text = re.sub(r"(?m)^external_id: .*$", f"external_id: BENCH-{i + 1}", text, count=1)
    if "\nexternal_id:" not in text.split("\n---", 1)[0]:
        text = text.replace("\n---\n", f"\nexternal_id: BENCH-{i + 1}\n---\n", 1)
    with open(os.path.join(out, new_id + name[4:]), "w", encoding="utf-8") as f:
        f.write(text)
EOF
git add -A; git commit -q -m "$N work items"
SIZE=$(du -sk meta/work | cut -f1)

printf '%-34s %9s %12s %7s\n' "status over $N items (${SIZE} KiB)" "sync s" "git status s" ratio
row() {
    local label="$1" ours git
    ours=$(best "$SYNC" status)
    git=$(best git status --porcelain)
    printf '%-34s %9s %12s %7s\n' "$label" "$ours" "$git" "$(ratio "$ours" "$git")"
}
row "never synced"

# A baseline as a sync would leave it: every item recorded with the blob it was synced at.
python3 - <<'EOF'
import json, subprocess
tree = subprocess.run(["git", "ls-tree", "-r", "HEAD", "meta/work"], capture_output=True, text=True, check=True).stdout
items = {}
for line in tree.splitlines():
    meta, path = line.split("\t", 1)
    blob = meta.split()[2]
    item_id = path.rsplit("/", 1)[1].split("-", 1)[0]
    items[item_id] = {"local_blob": blob, "local_hash": "0" * 64, "remote_hash": "0" * 64,
                      "remote_updated_at": "2026-01-01T00:00:00.000+0000"}
import os
os.makedirs(".accelerator/state/integrations/jira", exist_ok=True)
with open(".accelerator/state/integrations/jira/last-sync.json", "w") as f:
    f.write('{\n  "items": {\n')
    f.write(",\n".join(f"    {json.dumps(k)}: {json.dumps(v, sort_keys=True)}" for k, v in sorted(items.items())))
    f.write('\n  },\n  "timestamp": "2026-01-01T00:00:00Z"\n}\n')
EOF
git add -A; git commit -q -m "baseline"
row "synced, unchanged"

for f in $(ls meta/work | head -n 10); do printf '\nEdited locally.\n' >> "meta/work/$f"; done
git commit -q -am "10 local edits"
row "synced, 10 changed"
