#!/usr/bin/env bash
# The performance harness: builds Release, generates corpora, and measures, on each engine:
# - SQLite: import against the sqlite3 shell loading the same files into a bare FTS5 table;
# - PostgreSQL (a throwaway cluster in the temp folder, on a free loopback port, as the postgres user when root):
#   import through the command line (--Database:Provider=Postgres) against psql's \copy of the same files into a
#   bare table followed by a GIN index on their to_tsvector('english', ...);
# then in-process search and suggest latency on the fixed list (tests/bench/queries.tsv) and on random queries drawn
# afresh from the corpus (the Benchmarks project's `latency --random`: words, word pairs, a partial last word, typos,
# code prefixes, lay phrases; each asked once); over HTTP, the same kinds of random queries each asked once (the
# `http` verb: the site output-caches answers, so only a query not asked before measures the work) for search and
# for suggest on fresh prefixes; the site's memory (VmRSS) at start, at its peak during a burst of uncached searches
# and while it settles after; the time to the first code page; HTTP throughput with wrk on the fixed list (the
# cached figures, against nginx serving the same code pages as static files; on PostgreSQL also two instances
# behind nginx). Prints one Markdown table with a target column (met, or missed by how much) and the run's length.
# Everything binds to 127.0.0.1; every process it starts is stopped on exit; every load is bounded in time.
#
#   tests/bench/run.sh                    # 10,000 and 100,000 pages, both engines, 3 runs each, 10 s wrk runs
#   tests/bench/run.sh --quick            # 1,000 pages, both engines, 1 run, 3 s wrk runs (what CI runs: the path, not the figures)
#   tests/bench/run.sh --pages 10000 --engine postgres --repeats 5 --wrk-seconds 20 --connections 256
#   tests/bench/run.sh --corpus /path/to/corpus-10000 --engine sqlite   # an existing generated corpus (read only;
#                                         # with synonyms.csv and cpt-ranges.csv), instead of generating one
# Also: --random N (random queries per run, 400), --concurrency C (the http driver's requests in flight, 8),
# --burst N (uncached searches of the memory burst, 2,000, at 16 in flight), --settle S (seconds sampled after it, 75).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD

pages="10000 100000"; repeats=3; wrk_seconds=10; warm_seconds=2; connections=256; engines="sqlite postgres"
random=400; concurrency=8; burst=2000; settle_s=75; corpora=()
run_start=$(date +%s)
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) pages="1000"; repeats=1; wrk_seconds=3; warm_seconds=1; burst=400; settle_s=10; shift ;;
    --engine)
      case "$2" in sqlite|postgres) engines="$2" ;; both) engines="sqlite postgres" ;; *) echo "--engine: sqlite, postgres or both" >&2; exit 2 ;; esac
      shift 2 ;;
    --pages) pages="${2//,/ }"; shift 2 ;;
    --repeats) repeats="$2"; shift 2 ;;
    --wrk-seconds) wrk_seconds="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --random) random="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --burst) burst="$2"; shift 2 ;;
    --settle) settle_s="$2"; shift 2 ;;
    --corpus)
      [ -f "$2/codes.csv" ] && [ -f "$2/synonyms.csv" ] && [ -f "$2/cpt-ranges.csv" ] \
        || { echo "--corpus: $2 has no codes.csv, synonyms.csv and cpt-ranges.csv (a generate-corpus folder with content/'s files)" >&2; exit 2; }
      corpora+=("$(cd "$2" && pwd)"); shift 2 ;;
    *) echo "usage: $0 [--quick] [--engine sqlite|postgres|both] [--pages N[,N] | --corpus DIR ...] [--repeats N] [--wrk-seconds S] [--connections C] [--random N] [--concurrency C] [--burst N] [--settle S]" >&2; exit 2 ;;
  esac
done

# Debian packages the harness drives, installed when missing.
need=""
command -v wrk >/dev/null || need="$need wrk"
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need="$need nginx"
command -v sqlite3 >/dev/null || need="$need sqlite3"
[ -x /usr/bin/time ] || need="$need time"
command -v curl >/dev/null || need="$need curl"
[[ " $engines " != *" postgres "* ]] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need="$need postgresql postgresql-contrib"
[[ " $engines " != *" postgres "* ]] || command -v psql >/dev/null || need="$need postgresql-client"
if [ -n "$need" ]; then
  echo "installing:$need" >&2
  apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $need >&2
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d /tmp/procref-bench.XXXXXX)
chmod 755 "$work" # nginx's workers run as www-data when started by root
pids=()
pg_data=""
# PostgreSQL's server runs as the postgres user when this runs as root (it refuses root).
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -z "$pg_data" ] || as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
# A signal ends the run at the next command (each one is bounded in time); the EXIT trap then stops everything.
trap 'echo "interrupted" >&2; exit 130' INT TERM HUP

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "building Release..." >&2
dotnet build -c Release -v q -nologo src/ProcedureReference.Web >&2
dotnet build -c Release -v q -nologo tests/ProcedureReference.Benchmarks >&2
dotnet build -c Release -v q -nologo tests/ProcedureReference.Tools >&2
web="$repo/src/ProcedureReference.Web/bin/Release/net10.0/ProcedureReference.Web"
tools="$repo/tests/ProcedureReference.Tools/bin/Release/net10.0/ProcedureReference.Tools"
bench="$repo/tests/ProcedureReference.Benchmarks/bin/Release/net10.0/ProcedureReference.Benchmarks"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }
median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
# `/usr/bin/time -f '%e %M'` prints wall seconds and peak RSS in KB as its last line.
timed() { /usr/bin/time -f '%e %M' "$@" 2>&1 >/dev/null | tail -1; }

# wrk over a list of paths (one per line, cycled), printing: requests/s, p99 ms, non-2xx, socket errors.
cat > "$work/paths.lua" <<'LUA'
local paths, i = {}, 0
function init(args) for line in io.lines(args[1]) do paths[#paths + 1] = line end end
function request() i = i % #paths + 1; return wrk.format("GET", paths[i]) end
LUA
load() { # base_url paths_file
  local out
  out=$(wrk -t2 -c"$connections" -d"${wrk_seconds}s" --timeout 5s --latency -s "$work/paths.lua" "$1" -- "$2" 2>&1)
  echo "$out" >&2
  local rps p99 non2xx errors
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {v = $2; if (v ~ /us$/) {sub(/us/, "", v); v /= 1000} else if (v ~ /ms$/) {sub(/ms/, "", v)} else if (v ~ /s$/) {sub(/s/, "", v); v *= 1000}; print v}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); non2xx=${non2xx:-0}
  errors=$(awk -F'[ ,]+' '/Socket errors/ {print $5 + $7 + $9 + $11}' <<<"$out"); errors=${errors:-0}
  echo "${rps:-0} ${p99:-0} $non2xx $errors"
}

rows=()
row() { rows+=("| $* |"); echo "row: | $* |" >&2; } # also to stderr as it comes, for a run cut short
# judge VALUE LIMIT UNIT: "≤ LIMIT UNIT: met", or "missed by" how far VALUE is over LIMIT, in the same unit.
judge() { awk -v v="$1" -v l="$2" -v u="$3" 'BEGIN {if (v == "" || v == "-") {print "≤ " l u ": not measured"} else if (v <= l) {print "≤ " l u ": met"} else {printf "≤ %s%s: **missed by %.3g%s**\n", l, u, v - l, u}}'; }
# The site's resident memory in MB (VmRSS).
rss_mb() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo 0; }
# all_row OP TEXT: the p50 and p99 of a latency/http table's row for NAME (search or suggest) over all kinds.
all_row() { awk -F'|' -v op="$1" '$2 ~ " "op" " && $3 ~ / all / {gsub(/ /, ""); print $5, $6}' <<<"$2"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.1fx", a / b}'; }
share() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.0f%%", 100 * a / b}'; }

# The throwaway PostgreSQL cluster, started once for every size: its own folder under $work, a free loopback port,
# its Unix socket in that folder only; stopped by pg_ctl on exit.
start_postgres() {
  pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
  pg_port=$(free_port)
  mkdir -p "$work/pg"
  [ "$(id -u)" != 0 ] || chown postgres "$work/pg"
  as_pg "$pg_bin/initdb" -D "$work/pg/data" -A trust -U postgres -E UTF8 --no-sync >"$work/initdb.log" 2>&1 \
    || { cat "$work/initdb.log" >&2; echo "initdb failed" >&2; exit 1; }
  pg_data="$work/pg/data"
  as_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$work/pg/server.log" -w -t 120 \
    -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null \
    || { tail -20 "$work/pg/server.log" >&2; echo "PostgreSQL did not start" >&2; exit 1; }
  echo "PostgreSQL $("$pg_bin/postgres" -V | awk '{print $3}') on 127.0.0.1:$pg_port" >&2
}
psql_() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres "$@"; }
pg_connection() { echo "Host=127.0.0.1;Port=$pg_port;Database=$1;Username=postgres"; }
fresh_database() { psql_ -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"; }

# start_site NAME ARGS...: the site on a free port with the harness's settings; sets site_base, site_pid, site_ms
# (from process start to the first code page served).
start_site() {
  local name=$1 port start; shift
  port=$(free_port)
  start=$(now_ms)
  (cd "$work" && Content__Path="$corpus" ASPNETCORE_ENVIRONMENT=Production Instance__Name="$name" \
    Serilog__MinimumLevel__Default=Warning RateLimits__Enabled=false Security__HttpsRedirection=false \
    exec "$web" --urls "http://127.0.0.1:$port" "$@" >"$work/$name.log" 2>&1) &
  site_pid=$!; pids+=("$site_pid")
  site_base="http://127.0.0.1:$port"
  until curl -fso /dev/null --max-time 5 "$site_base/codes/$first"; do
    kill -0 "$site_pid" 2>/dev/null || { echo "the site ($name) did not start:" >&2; cat "$work/$name.log" >&2; exit 1; }
    [ $(($(now_ms) - start)) -lt 60000 ] || { echo "no code page from $name within 60 s" >&2; exit 1; }
    sleep 0.02
  done
  site_ms=$(($(now_ms) - start))
}

# nginx_start NAME PORT SERVER-BODY [HTTP-EXTRA]: nginx on 127.0.0.1:PORT, its pid and temp files under $work.
nginx_start() {
  cat > "$work/$1.conf" <<CONF
worker_processes auto;
pid $work/$1.pid;
error_log $work/$1-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx-tmp; proxy_temp_path $work/nginx-tmp; fastcgi_temp_path $work/nginx-tmp;
  uwsgi_temp_path $work/nginx-tmp; scgi_temp_path $work/nginx-tmp;
  ${4:-}
  server { listen 127.0.0.1:$2; $3 }
}
CONF
  mkdir -p "$work/nginx-tmp"
  "$nginx_bin" -c "$work/$1.conf" -g 'daemon off;' & pids+=("$!")
  for _ in $(seq 200); do curl -fso /dev/null --max-time 5 "http://127.0.0.1:$2/codes/$first" && break; sleep 0.05; done
  curl -fso /dev/null --max-time 5 "http://127.0.0.1:$2/codes/$first" || { echo "nginx ($1) does not serve the pages:" >&2; cat "$work/$1-error.log" >&2; exit 1; }
}

stop_all() { kill "${pids[@]}" 2>/dev/null || true; wait "${pids[@]}" 2>/dev/null || true; pids=(); }

# The first time at a size: nginx serves the code pages saved from the running site (as they are served), wrk.
static_floor() {
  [ -z "$ng_rps" ] || return 0
  local static="$work/static-$n" code ng_p99 ng_bad ng_err port
  mkdir -p "$static/codes"
  for code in $codes; do curl -fso "$static/codes/$code" --max-time 10 "$site_base/codes/$code"; done
  port=$(free_port)
  nginx_start static "$port" "root $static; default_type text/html;"
  read -r ng_rps ng_p99 ng_bad ng_err < <(load "http://127.0.0.1:$port" "$work/code-paths")
  row "$n | | code page, nginx static (floor) | req/s, p99 ms, non-2xx, socket errors | $ng_rps, $ng_p99, $ng_bad, $ng_err | | | "
}

# http_rows LABEL WHAT BASE: wrk on code pages, searches and suggestions, each after a short pass so the figures
# are the served state (each search computed once, then output-cached until the next publish).
# Each kind starts once the previous load's backlog is gone (requests still running after wrk closed its
# connections): /health answered within 1 s, waited for 20 s at most.
settle() {
  local end=$(($(now_ms) + 20000))
  until curl -fso /dev/null --max-time 1 "$1/health"; do
    [ "$(now_ms)" -lt "$end" ] || { echo "$1 still busy after 20 s; measuring anyway" >&2; return 0; }
    sleep 0.2
  done
}
http_rows() {
  local kind rps p99 bad err
  for kind in code search suggest; do
    settle "$3"
    wrk -t2 -c"$connections" -d"${warm_seconds}s" --timeout 5s -s "$work/paths.lua" "$3" -- "$work/$kind-paths" >/dev/null 2>&1 || true
    read -r rps p99 bad err < <(load "$3" "$work/$kind-paths")
    row "$n | $1 | $kind over HTTP (wrk cycling the fixed list: cached), $2, $connections connections | req/s, p99 ms, non-2xx, socket errors | $rps, $p99, $bad, $err | of nginx static: | $(share "$rps" "$ng_rps") | "
  done
}

[[ " $engines " != *" postgres "* ]] || start_postgres

# Each size: a corpus generated into the temp folder, or one given with --corpus (used as it is, never written).
if [ ${#corpora[@]} -gt 0 ]; then sizes=("${corpora[@]}"); else read -r -a sizes <<<"$pages"; fi
for size in "${sizes[@]}"; do
  if [ -d "$size" ]; then
    corpus=$size; n=$(($(wc -l <"$corpus/codes.csv") - 1))
  else
    n=$size; corpus="$work/corpus-$n"
    "$tools" generate-corpus --pages "$n" --out "$corpus" >/dev/null
    cp content/synonyms.csv content/cpt-ranges.csv "$corpus/"
  fi
  echo "== $n pages ($corpus)" >&2
  data="$work/data-$n"
  # Random queries for HTTP, distinct across the runs and the burst so that each is asked of the site once: one
  # draw, cut into lists of $random (a warm-up, $repeats for search, $repeats whose prefixes go to suggest) and the
  # burst's list.
  lists=$((1 + 2 * repeats))
  "$bench" queries --corpus "$corpus" --count $((lists * random + burst)) --seed 3026 | grep -v '^#' > "$work/http-queries.tsv"
  for r in $(seq 0 $((lists - 1))); do sed -n "$((r * random + 1)),$(((r + 1) * random))p" "$work/http-queries.tsv" > "$work/http-$r.tsv"; done
  tail -n +$((lists * random + 1)) "$work/http-queries.tsv" > "$work/burst.tsv"
  codes=$(awk -F, 'NR > 1 && NR <= 51 {print $2}' "$corpus/codes.csv")
  first=$(head -1 <<<"$codes")
  sed 's|^|/codes/|' <<<"$codes" > "$work/code-paths"
  python3 - "$work" <<'PY'
import sys, urllib.parse
work = sys.argv[1]
queries = [l.rstrip("\n").split("\t", 1)[1] for l in open("tests/bench/queries.tsv") if l.strip() and not l.startswith("#")]
with open(f"{work}/search-paths", "w") as f:
    for q in queries: f.write("/search?q=" + urllib.parse.quote(q) + "\n")
with open(f"{work}/suggest-paths", "w") as f:
    for q in queries:
        for n in (2, 4, 7):
            if n <= len(q): f.write("/api/suggest?q=" + urllib.parse.quote(q[:n]) + "\n")
PY
  ng_rps=""

  for engine in $engines; do
    imports=(); floors=()
    if [ "$engine" = sqlite ]; then
      echo "-- SQLite" >&2
      # Import (parse, similar codes, HTML, publish) against the floor, median of $repeats runs each.
      for _ in $(seq "$repeats"); do
        rm -rf "$data" "$work/floor.db"
        imports+=("$(timed "$web" import --content "$corpus" --db "$data/procedures.db")")
        floors+=("$(cd "$corpus" && timed sqlite3 "$work/floor.db" \
          "CREATE VIRTUAL TABLE t USING fts5(name, body); INSERT INTO t(name, body) SELECT name, readfile(name) FROM fsdir('.') WHERE name LIKE '%.txt';")")
      done
      label=SQLite; floor_name="sqlite3 FTS5 floor"
      engine_args=("--Database:Path=$data/procedures.db")
      latency_args=(--db "$data/procedures.db")
    else
      echo "-- PostgreSQL" >&2
      # The floor's input: the same page files as one CSV (file name, text), packed once, outside the timing.
      python3 - "$corpus" "$work/pages.csv" <<'PY'
import csv, os, sys
corpus, out = sys.argv[1], sys.argv[2]
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    for name in sorted(os.listdir(corpus)):
        if name.endswith(".txt"):
            with open(os.path.join(corpus, name), encoding="utf-8") as page: w.writerow([name, page.read()])
PY
      for _ in $(seq "$repeats"); do
        fresh_database procref; fresh_database floor
        imports+=("$(timed "$web" import --content "$corpus" --Database:Provider=Postgres "--ConnectionStrings:Postgres=$(pg_connection procref)")")
        # The same maintenance_work_mem as the import's own index builds.
        floors+=("$(timed psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres -d floor \
          -c "SET maintenance_work_mem = '256MB'" -c "CREATE TABLE t (name text, body text)" \
          -c "\\copy t FROM '$work/pages.csv' WITH (FORMAT csv)" -c "CREATE INDEX ON t USING gin (to_tsvector('english', body))")")
      done
      psql_ -d postgres -c "DROP DATABASE floor WITH (FORCE)"
      rm -f "$work/pages.csv"
      label=PostgreSQL; floor_name='psql \copy + GIN floor'
      engine_args=(--Database:Provider=Postgres "--ConnectionStrings:Postgres=$(pg_connection procref)")
      latency_args=("${engine_args[@]}")
    fi
    import_s=$(printf '%s\n' "${imports[@]}" | cut -d' ' -f1 | median)
    import_mb=$(printf '%s\n' "${imports[@]}" | cut -d' ' -f2 | sort -g | tail -1 | awk '{printf "%.0f", $1 / 1024}')
    floor_s=$(printf '%s\n' "${floors[@]}" | cut -d' ' -f1 | median)
    floor_mb=$(printf '%s\n' "${floors[@]}" | cut -d' ' -f2 | sort -g | tail -1 | awk '{printf "%.0f", $1 / 1024}')
    import_ratio=$(ratio "$import_s" "$floor_s")
    row "$n | $label | import | median wall s (peak MB) | $import_s ($import_mb) | $floor_name: $floor_s ($floor_mb) | $import_ratio | $(judge "${import_ratio%x}" 2 x); $(judge "$import_mb" 500 " MB")"
    if [ "$engine" = sqlite ]; then search_target=5; else search_target=10; fi

    # Search and suggest in-process: the fixed query list, then random queries drawn afresh (each asked once, a
    # fresh draw per run, pooled).
    latency=$("$bench" latency "${latency_args[@]}" --content "$corpus" --queries tests/bench/queries.tsv --rounds "$((repeats > 1 ? 5 : 2))")
    echo "$latency" >&2
    latency_random=$("$bench" latency "${latency_args[@]}" --content "$corpus" --random "$random" --seed 2026 --rounds "$repeats")
    echo "$latency_random" >&2
    for op in search suggest; do
      if [ "$op" = search ]; then target=$search_target; else target=2; fi
      read -r p50 p99 < <(all_row "$op" "$latency")
      row "$n | $label | $op in-process, fixed list ($(grep -vc '^#' tests/bench/queries.tsv) queries) | p50 / p99 ms | $p50 / $p99 | | | $(judge "$p99" "$target" " ms")"
      read -r p50 p99 < <(all_row "$op" "$latency_random")
      row "$n | $label | $op in-process, random ($repeats x $random, each once) | p50 / p99 ms | $p50 / $p99 | | | $(judge "$p99" "$target" " ms")"
    done
    grep '^Slowest' <<<"$latency_random" | sed "s/^/$label $n, in-process, random: /" >> "$work/slowest.txt"

    # The site on the imported database: time to the first code page and its memory then.
    start_site "$engine-a" "${engine_args[@]}"
    rss_start=$(rss_mb "$site_pid")
    row "$n | $label | start to first code page | ms | $site_ms | | | "
    a_base=$site_base
    # Random queries over HTTP, each asked once ($concurrency in flight), after a warm-up list of their own (searched,
    # and a prefix of each suggested): medians of the runs' p50 and p99.
    timeout 600 "$bench" http --base "$a_base" --queries "$work/http-0.tsv" --concurrency "$concurrency" >/dev/null
    timeout 600 "$bench" http --base "$a_base" --queries "$work/http-0.tsv" --concurrency "$concurrency" --suggest >/dev/null
    for op in search suggest; do
      p50s=(); p99s=(); bad=0
      for r in $(seq "$repeats"); do
        settle "$a_base"
        flag=(); list=$r; [ "$op" = search ] || { flag=(--suggest); list=$((repeats + r)); }
        out=$(timeout 600 "$bench" http --base "$a_base" --queries "$work/http-$list.tsv" --concurrency "$concurrency" --seed "$r" "${flag[@]}")
        echo "$out" >&2
        read -r p50 p99 < <(all_row "$op" "$out")
        p50s+=("$p50"); p99s+=("$p99")
        bad=$((bad + $(awk -F'[ ,]+' '/^non-2xx:/ {print $2 + $4}' <<<"$out")))
        grep '^Slowest' <<<"$out" | sed "s/^/$label $n, HTTP run $r: /" >> "$work/slowest.txt"
      done
      p50=$(printf '%s\n' "${p50s[@]}" | median); p99=$(printf '%s\n' "${p99s[@]}" | median)
      if [ "$op" = search ]; then what="search over HTTP, random queries each once ($repeats x $random"; target=6; else what="suggest over HTTP, a fresh prefix of random queries, each once ($repeats x $random"; target=2; fi
      row "$n | $label | $what, $concurrency in flight) | median p50 / p99 ms (non-2xx) | $p50 / $p99 ($bad) | | | $(judge "$p99" "$target" " ms")"
    done
    # Memory: a burst of uncached searches (16 in flight), then $settle_s s of sampling.
    settle "$a_base"
    out=$(timeout $((settle_s + 900)) "$bench" http --base "$a_base" --queries "$work/burst.tsv" --concurrency 16 --pid "$site_pid" --settle "$settle_s")
    echo "$out" >&2
    read -r peak after least < <(sed -nE 's/^memory MB: .*peak ([0-9]+), .*, [0-9]+ s after ([0-9]+), least after ([0-9]+)$/\1 \2 \3/p' <<<"$out")
    limit=$(awk -v s="$rss_start" 'BEGIN {printf "%.0f", 1.5 * s + 100}')
    row "$n | $label | site memory: at start, peak in a burst of $(wc -l <"$work/burst.tsv") uncached searches, ${settle_s} s after (least) | RSS MB | $rss_start, $peak, $after ($least) | | | $(judge "$after" "$limit" " MB") (1.5x start + 100)"
    static_floor
    http_rows "$label" "one instance" "$a_base"
    if [ "$engine" = postgres ]; then
      # A second instance on the same database; both behind nginx, with keep-alive to the upstream.
      start_site "$engine-b" "${engine_args[@]}"
      proxy_port=$(free_port)
      nginx_start proxy "$proxy_port" \
        'location / { proxy_pass http://procref; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host $host; }' \
        "upstream procref { server ${a_base#http://}; server ${site_base#http://}; keepalive 64; }"
      http_rows "$label" "two instances behind nginx" "http://127.0.0.1:$proxy_port"
    fi
    stop_all
    rm -rf "$data" "$work/floor.db"
  done
  [ -d "$size" ] || rm -rf "$corpus"
  rm -rf "$work/static-$n"
  [ -z "$pg_data" ] || psql_ -d postgres -c "DROP DATABASE IF EXISTS procref WITH (FORCE)"
done

echo
echo "ProcedureReference performance, $(nproc) cores, $(free -g | awk '/^Mem/ {print $2}') GiB, $(date -u +%Y-%m-%d)"
echo
echo "| pages | engine | measure | unit | ProcedureReference | floor | ratio | target |"
echo "| ---: | --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${rows[@]}"
echo
echo "Slowest queries (ms):"
cat "$work/slowest.txt" 2>/dev/null || true
echo
echo "The run took $(( ($(date +%s) - run_start) / 60 )) min $(( ($(date +%s) - run_start) % 60 )) s (load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))."
