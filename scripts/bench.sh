#!/usr/bin/env bash
# The desk's benchmark, beside the floor (the sqlite3 shell on the same file) and the peers
# (taskwarrior and VisiData; openssl and sha256sum for hashing), all measured in the same run.
#
#   scripts/bench.sh            full run: desks of 1,000 / 10,000 / 100,000 requests
#   scripts/bench.sh --smoke    1,000 requests, in-process only; checks that it completes
#
# Environment: SIZES="1000 10000 100000", ROUNDS=30 (in-process repetitions), PEER_ROUNDS=5,
# BENCH_OUT=.build/bench (results.tsv, results.md, machine.txt), SKIP_PEERS=1 to leave out
# taskwarrior and VisiData. Results are lines of: figure size unit median min max p99 samples.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

smoke=0
[ "${1:-}" = "--smoke" ] && smoke=1

swift build -c release --product mladesk >&2
swift build -c release --product mladesk-bench >&2
bin_dir=$(swift build -c release --show-bin-path)
desk_bin="$bin_dir/mladesk"
bench_bin="$bin_dir/mladesk-bench"
export MLADESK_DATA="$root/Data" MLADESK_OFFICER=Benchmark LANG=C.UTF-8

if [ "$smoke" = 1 ]; then
    "$bench_bin" smoke --count 1000
    echo "smoke: completed"
    exit 0
fi

sizes=${SIZES:-"1000 10000 100000"}
rounds=${ROUNDS:-30}
peer_rounds=${PEER_ROUNDS:-5}
largest=${sizes##* }
out=${BENCH_OUT:-$root/.build/bench}
mkdir -p "$out"
work=$(mktemp -d /var/tmp/mladesk-bench.XXXXXX)
tmux_socket="mladesk-bench-$$"
cleanup() {
    tmux -L "$tmux_socket" kill-server 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
results="$out/results.tsv"
echo -e "figure\tsize\tunit\tmedian\tmin\tmax\tp99\tsamples" > "$results"

now_ns() { date +%s%N; }
# Milliseconds since a start taken with now_ns.
ms_since() { echo "scale=3; ($(now_ns) - $1) / 1000000" | bc; }
# Reads numbers on standard input and appends their summary: record NAME SIZE [UNIT].
record() { "$bench_bin" stats --figure "$1" --size "$2" --unit "${3:-ms}" | tee -a "$results"; }
# Appends result lines written by the benchmark binary.
collect() { tee -a "$results"; }

{
    echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
    echo "nproc: $(nproc)"
    echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
    echo "kernel: $(uname -r)"
    echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "swift: $(swift --version 2>&1 | head -1)"
    echo "sqlite3: $(sqlite3 --version | cut -d' ' -f1)"
    echo "openssl: $(openssl version)"
    echo "sha256sum: $(sha256sum --version | head -1)"
    echo "tmux: $(tmux -V)"
    command -v task >/dev/null && echo "taskwarrior: $(task --version)"
    command -v vd >/dev/null && echo "visidata: $(vd --version 2>&1 | head -1)"
} > "$out/machine.txt"
cat "$out/machine.txt" >&2

# --- Demo desks, timed as `mladesk demo` -------------------------------------------------
# Bulk figures start on a settled disk: `sync` first, so that the gigabytes an earlier step
# left for the kernel to write back are not written during (and charged to) the next one.
for size in $sizes; do
    desk="$work/desk-$size.sqlite"
    echo "== demo desk of $size requests" >&2
    sync
    start=$(now_ns)
    "$desk_bin" demo --db "$desk" --count "$size" >/dev/null 2>&1
    ms_since "$start" | record demo.generate "$size"
done

# --- The floor: the sqlite3 shell running the same SQL on the same file --------------------
# Per statement group: (K repetitions in one shell − an empty shell) / K, median over rounds.
sql_floor() { # NAME SIZE DB SQL [K]
    local name=$1 size=$2 db=$3 sql=$4 k=${5:-50} batch="$work/floor.sql"
    : > "$batch"
    for _ in $(seq "$k"); do printf '%s\n' "$sql" >> "$batch"; done
    for _ in $(seq 15); do
        local start empty full
        start=$(now_ns); sqlite3 "$db" 'SELECT 1;' >/dev/null; empty=$(( $(now_ns) - start ))
        start=$(now_ns); sqlite3 "$db" < "$batch" >/dev/null; full=$(( $(now_ns) - start ))
        echo "scale=4; ($full - $empty) / $k / 1000000" | bc
    done | record "$name" "$size"
}
columns="id, reference, country, types, status, urgency, due_at, officer, updated_at, operation"
floor_for() { # SIZE DB
    local size=$1 db=$2 now week fortnight id
    now=$(( $(date +%s) * 1000 )); week=$(( now + 7 * 86400000 )); fortnight=$(( now + 14 * 86400000 ))
    sql_floor floor.overview "$size" "$db" "SELECT direction, status, SUM(n) AS n FROM request_count GROUP BY direction, status HAVING SUM(n) > 0;
SELECT COUNT(*) FROM request WHERE is_open = 1 AND due_at < $now;
SELECT COUNT(*) FROM request WHERE is_open = 1 AND due_at >= $now AND due_at < $week;
SELECT COUNT(*) FROM request WHERE is_open = 1 AND preservation_due_at < $fortnight;
SELECT COUNT(*) FROM request WHERE urgency = 'emergency' AND is_open = 1;
SELECT $columns FROM request ORDER BY updated_at DESC, num DESC LIMIT 8;"
    sql_floor floor.list "$size" "$db" "SELECT COALESCE(SUM(n), 0) FROM request_count;
SELECT $columns FROM request ORDER BY updated_at DESC, num DESC LIMIT 100 OFFSET 0;"
    # Each filter's final query: the count, then the first two pages in one query. Text keeps
    # run 8's SQL (its matches counted up to 2,001 to choose the plan; docs/benchmarks.md);
    # the flags and the word in a tab run the store's SQL, the capped count that chooses the
    # plan included (the tab's page: its row numbers from the index by number, then 100 rows).
    local match condition count order line
    line=$(( 4 * $(echo "sqrt($size)" | bc) + 1 ))
    for filter in "filter.text|\"nightowl\"*" "filter.field|" "filter.fts|\"ransomware\"* \"hospital\"*" "filter.flags|-" \
        "filter.tab|\"avocet\"* \"23\""; do
        match=${filter#*|}
        order="ORDER BY updated_at DESC, num DESC"
        if [ "$match" = "-" ]; then
            condition="+is_open = 1 AND +urgency = 'urgent'"
            count="SELECT COALESCE(SUM(n), 0) FROM request_count WHERE urgency = 'urgent' AND is_open = 1;
SELECT COALESCE(MAX(num), 0) FROM request;
SELECT COUNT(*) FROM (SELECT 1 FROM request WHERE urgency = 'urgent' AND is_open = 1 LIMIT $line);"
        elif [ "${filter%%|*}" = filter.tab ]; then
            condition="+direction = 'in' AND num IN (SELECT rowid FROM request_fts WHERE request_fts MATCH '$match')"
            order="ORDER BY +updated_at DESC, num DESC"
            count="SELECT COALESCE(MAX(num), 0) FROM request;
SELECT rowid FROM request_fts WHERE request_fts MATCH '$match' ORDER BY rowid LIMIT $line;
SELECT COUNT(*) FROM request INDEXED BY request_by_num WHERE $condition;"
            condition="num IN (SELECT num FROM request INDEXED BY request_by_num WHERE $condition $order LIMIT 100)"
        elif [ -n "$match" ]; then
            condition="num IN (SELECT rowid FROM request_fts WHERE request_fts MATCH '$match')"
            count="SELECT COUNT(*) FROM request_fts WHERE request_fts MATCH '$match';
SELECT COUNT(*) FROM (SELECT 1 FROM request_fts WHERE request_fts MATCH '$match' LIMIT 2001);"
            if [ "$(sqlite3 "$db" "SELECT COUNT(*) FROM request_fts WHERE request_fts MATCH '$match'")" -gt 2000 ]; then
                condition="+$condition"
            fi
        else
            condition="country = 'DE' AND status IN ('in_execution')"
            count="SELECT COALESCE(SUM(n), 0) FROM request_count WHERE $condition;"
        fi
        sql_floor "floor.${filter%%|*}" "$size" "$db" "$count
SELECT $columns FROM request WHERE $condition $order LIMIT 100 OFFSET 0;"
    done
    id=$(sqlite3 "$db" "SELECT id FROM request WHERE num = $(( size / 2 ))")
    sql_floor floor.details "$size" "$db" "SELECT body FROM request WHERE id = '$id';
SELECT * FROM status_change WHERE request_id = '$id' ORDER BY num;
SELECT body FROM checklist_item WHERE request_id = '$id' ORDER BY position;
SELECT body FROM evidence_exchange WHERE request_id = '$id' ORDER BY at, id;
SELECT body FROM evidence_item WHERE request_id = '$id' ORDER BY position, id;
SELECT body FROM custody_event WHERE request_id = '$id' ORDER BY num;
SELECT * FROM audit WHERE request_id = '$id' ORDER BY seq;"
    sql_floor floor.update "$size" "$db" "PRAGMA synchronous = FULL;
UPDATE request SET version = version + 1 WHERE num = $(( size / 3 ));" 50
    # What a save writes, by SQLite alone: the request's changed columns (its time moves it to the
    # front of every list index), its full-text entry and an audit row, in one FULL transaction.
    local num=$(( size / 3 + 1 ))
    sql_floor floor.save "$size" "$db" "PRAGMA synchronous = FULL;
BEGIN IMMEDIATE;
UPDATE request SET updated_at = CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER), version = version + 1,
    body = json_set(body, '\$.notes', json_extract(body, '\$.notes') || ' Checked.') WHERE num = $num;
UPDATE request_fts SET notes = notes || ' Checked.' WHERE rowid = $num;
INSERT INTO audit (at, officer, action, entity, entity_id, request_id, detail, state_hash, prev_hash, hash)
    SELECT at + 1, officer, 'update', entity, entity_id, request_id, 'notes', state_hash, hash, hash
    FROM audit WHERE request_id = (SELECT id FROM request WHERE num = $num) ORDER BY seq DESC LIMIT 1;
COMMIT;" 50
}

# --- Open to first screen through tmux, 200×50 ---------------------------------------------
tmux -L "$tmux_socket" -f /dev/null new-session -d -s idle -x 200 -y 50 'sleep 86400'
tmux_open() { # SIZE DB
    local size=$1 db=$2
    for i in $(seq "$rounds"); do
        local start
        start=$(now_ns)
        tmux -L "$tmux_socket" new-session -d -s "desk$i" -x 200 -y 50 \
            "env TERM=tmux-256color LANG=C.UTF-8 MLADESK_DATA='$MLADESK_DATA' MLADESK_OFFICER=Benchmark '$desk_bin' --db '$db'"
        local deadline=$((SECONDS + 30))
        until tmux -L "$tmux_socket" capture-pane -p -t "desk$i" 2>/dev/null | grep -q 'Recently changed'; do
            [ "$SECONDS" -lt "$deadline" ] || { echo "the desk did not paint its home page within 30 s" >&2; exit 1; }
        done
        ms_since "$start"
        tmux -L "$tmux_socket" send-keys -t "desk$i" q
        while tmux -L "$tmux_socket" has-session -t "desk$i" 2>/dev/null; do :; done
    done | record open.tmux "$size"
}

for size in $sizes; do
    desk="$work/desk-$size.sqlite"
    echo "== $size requests: tmux, in-process, floor" >&2
    tmux_open "$size" "$desk"
    "$bench_bin" desk --db "$desk" --size "$size" --rounds "$rounds" | collect
    "$bench_bin" scroll --db "$desk" --size "$size" | collect
    floor_for "$size" "$desk"
done

# --- Transfers: import 10,000 as JSON, export 1,000 as a package ----------------------------
if [ -f "$work/desk-10000.sqlite" ]; then
    echo "== import of 10,000, export of 1,000" >&2
    "$desk_bin" export --db "$work/desk-10000.sqlite" --out "$work/archive-10000.json" 2>/dev/null
    mkdir -p "$work/transfer"
    sync
    "$bench_bin" import --archive "$work/archive-10000.json" --work "$work/transfer" --rounds 3 | collect
    "$bench_bin" export --db "$work/desk-$largest.sqlite" --count 1000 --work "$work/transfer" --rounds 5 | collect
    rm -rf "$work/transfer"
fi

# --- Hashing 1 GiB: ours, openssl, sha256sum on the same file, interleaved --------------------
echo "== hashing 1 GiB" >&2
blob="$work/blob-1g"
head -c 1073741824 /dev/urandom > "$blob"
cat "$blob" > /dev/null
throughput() { echo "scale=1; 1024 * 1000000000 / ($(now_ns) - $1)" | bc; }
: > "$work/openssl.txt"; : > "$work/sha256sum.txt"; : > "$work/ours.tsv"
for _ in $(seq "$peer_rounds"); do
    start=$(now_ns); openssl dgst -sha256 "$blob" >/dev/null; throughput "$start" >> "$work/openssl.txt"
    start=$(now_ns); sha256sum "$blob" >/dev/null; throughput "$start" >> "$work/sha256sum.txt"
    "$bench_bin" hash --file "$blob" --rounds 1 | cut -f4 >> "$work/ours.tsv"
done
record hash.mladesk 0 MiB/s < "$work/ours.tsv"
record hash.openssl 0 MiB/s < "$work/openssl.txt"
record hash.sha256sum 0 MiB/s < "$work/sha256sum.txt"
rm -f "$blob"

# --- Peer: taskwarrior with the same requests as tasks ---------------------------------------
if [ -z "${SKIP_PEERS:-}" ] && command -v task >/dev/null; then
    echo "== taskwarrior with $largest tasks" >&2
    export TASKRC="$work/taskrc" TASKDATA="$work/task"
    mkdir -p "$TASKDATA"
    printf 'data.location=%s\nconfirmation=off\nverbose=nothing\nnews.version=99\n' "$TASKDATA" > "$TASKRC"
    sqlite3 "$work/desk-$largest.sqlite" "SELECT json_object('uuid', lower(id), 'status', 'pending',
        'description', reference || ' ' || operation, 'project', country,
        'entry', strftime('%Y%m%dT%H%M%SZ', updated_at / 1000, 'unixepoch'), 'tags', json_array(status))
        FROM request ORDER BY num" > "$work/tasks.json"
    tw() { task rc.confirmation=off rc.verbose=nothing "$@" >/dev/null 2>&1; }
    peer() { # NAME ARGS...
        local name=$1; shift
        for _ in $(seq "$peer_rounds"); do
            local start; start=$(now_ns); tw "$@"; ms_since "$start"
        done | record "$name" "$largest"
    }
    start=$(now_ns)
    if timeout "${PEER_TIMEOUT:-1800}" task rc.confirmation=off rc.verbose=nothing import "$work/tasks.json" >/dev/null 2>&1
    then
        ms_since "$start" | record task.import "$largest"
        middle=$(( largest / 2 ))
        peer task.list limit:50 list
        peer task.filtered project:DE +in_execution limit:50 list
        peer task.info "$middle" info
        peer task.modify "$middle" modify +checked
    else
        echo "taskwarrior did not import $largest tasks within ${PEER_TIMEOUT:-1800} s; its figures are left out" >&2
    fi
fi

# --- Peer: VisiData opening the same rows as CSV, through tmux at 200×50 ----------------------
if [ -z "${SKIP_PEERS:-}" ] && command -v vd >/dev/null; then
    echo "== VisiData with $largest rows" >&2
    csv="$work/requests.csv"
    sqlite3 -csv -header "$work/desk-$largest.sqlite" "SELECT reference, country, types, status, urgency,
        officer, operation, updated_at FROM request ORDER BY updated_at DESC, num DESC" > "$csv"
    first=$(sed -n 2p "$csv" | cut -d, -f1)
    mkdir -p "$work/vd-home"
    : > "$work/vd-open.txt"; : > "$work/vd-loaded.txt"
    vd_screen() { tmux -L "$tmux_socket" capture-pane -p -t "$1" 2>/dev/null; }
    for i in $(seq "$peer_rounds"); do
        start=$(now_ns)
        tmux -L "$tmux_socket" new-session -d -s "vd$i" -x 200 -y 50 \
            "env TERM=tmux-256color LANG=C.UTF-8 HOME='$work/vd-home' vd -N '$csv'"
        deadline=$((SECONDS + 120))
        until vd_screen "vd$i" | grep -q "$first"; do
            [ "$SECONDS" -lt "$deadline" ] || { echo "VisiData did not show the first row within 120 s" >&2; exit 1; }
        done
        ms_since "$start" >> "$work/vd-open.txt"
        until vd_screen "vd$i" | grep -q " $largest rows"; do
            [ "$SECONDS" -lt "$deadline" ] || { echo "VisiData did not load $largest rows within 120 s" >&2; exit 1; }
        done
        ms_since "$start" >> "$work/vd-loaded.txt"
        tmux -L "$tmux_socket" kill-session -t "vd$i"
    done
    record vd.open "$largest" < "$work/vd-open.txt"
    record vd.loaded "$largest" < "$work/vd-loaded.txt"
fi

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
"$bench_bin" report --results "$results" --size "$largest" --out "$out/results.md"
echo "results: $results, $out/results.md" >&2
