#!/usr/bin/env bash
# The performance harness: builds Release, generates corpora, and measures import (against the sqlite3 shell
# loading the same files into a bare FTS5 table), in-process search and suggest latency, HTTP throughput with
# wrk (against nginx serving the same code pages as static files) and the time to the first code page.
# Prints one Markdown table. Everything binds to 127.0.0.1; every process it starts is stopped on exit.
#
#   tests/bench/run.sh                    # 10,000 and 100,000 pages, 3 import runs each, 10 s wrk runs
#   tests/bench/run.sh --quick            # 1,000 pages, 1 run, 3 s wrk runs (what CI runs: the path, not the figures)
#   tests/bench/run.sh --pages 10000 --repeats 5 --wrk-seconds 20 --connections 256
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD

pages="10000 100000"; repeats=3; wrk_seconds=10; connections=256
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) pages="1000"; repeats=1; wrk_seconds=3; shift ;;
    --pages) pages="${2//,/ }"; shift 2 ;;
    --repeats) repeats="$2"; shift 2 ;;
    --wrk-seconds) wrk_seconds="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    *) echo "usage: $0 [--quick] [--pages N[,N]] [--repeats N] [--wrk-seconds S] [--connections C]" >&2; exit 2 ;;
  esac
done

# Debian packages the harness drives, installed when missing.
need=""
command -v wrk >/dev/null || need="$need wrk"
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need="$need nginx"
command -v sqlite3 >/dev/null || need="$need sqlite3"
[ -x /usr/bin/time ] || need="$need time"
command -v curl >/dev/null || need="$need curl"
if [ -n "$need" ]; then
  echo "installing:$need" >&2
  apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $need >&2
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d /tmp/procref-bench.XXXXXX)
chmod 755 "$work" # nginx's workers run as www-data when started by root
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

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
row() { rows+=("| $* |"); }

for n in $pages; do
  echo "== $n pages" >&2
  corpus="$work/corpus-$n"; data="$work/data-$n"
  "$tools" generate-corpus --pages "$n" --out "$corpus" >/dev/null
  cp content/synonyms.csv content/cpt-ranges.csv "$corpus/"

  # Import (parse, similar codes, HTML, publish) against the floor, median of $repeats runs each.
  imports=(); floors=()
  for r in $(seq "$repeats"); do
    rm -rf "$data" "$work/floor.db"
    imports+=("$(timed "$web" import --content "$corpus" --db "$data/procedures.db")")
    floors+=("$(cd "$corpus" && timed sqlite3 "$work/floor.db" \
      "CREATE VIRTUAL TABLE t USING fts5(name, body); INSERT INTO t(name, body) SELECT name, readfile(name) FROM fsdir('.') WHERE name LIKE '%.txt';")")
  done
  import_s=$(printf '%s\n' "${imports[@]}" | cut -d' ' -f1 | median)
  import_mb=$(printf '%s\n' "${imports[@]}" | cut -d' ' -f2 | sort -g | tail -1 | awk '{printf "%.0f", $1 / 1024}')
  floor_s=$(printf '%s\n' "${floors[@]}" | cut -d' ' -f1 | median)
  floor_mb=$(printf '%s\n' "${floors[@]}" | cut -d' ' -f2 | sort -g | tail -1 | awk '{printf "%.0f", $1 / 1024}')
  row "$n | import | median wall s (peak MB) | $import_s ($import_mb) | sqlite3 FTS5 floor: $floor_s ($floor_mb) | $(awk -v a="$import_s" -v b="$floor_s" 'BEGIN {printf "%.1fx", a / b}')"

  # Search and suggest in-process over the fixed query list.
  latency=$("$bench" latency --db "$data/procedures.db" --content "$corpus" --queries tests/bench/queries.tsv --rounds "$((repeats > 1 ? 5 : 2))")
  echo "$latency" >&2
  for op in search suggest; do
    read -r p50 p99 < <(awk -F'|' -v op="$op" '$2 ~ " "op" " && $3 ~ / all / {gsub(/ /, ""); print $5, $6}' <<<"$latency")
    row "$n | $op (in-process, 200 queries) | p50 / p99 ms | $p50 / $p99 | | "
  done

  # The site on the imported database: time to the first code page, then wrk against nginx.
  port=$(free_port)
  codes=$(awk -F, 'NR > 1 && NR <= 51 {print $2}' "$corpus/codes.csv")
  first=$(head -1 <<<"$codes")
  start=$(now_ms)
  (cd "$work" && Database__Path="$data/procedures.db" Content__Path="$corpus" ASPNETCORE_ENVIRONMENT=Production \
    Serilog__MinimumLevel__Default=Warning RateLimits__Enabled=false Security__HttpsRedirection=false \
    exec "$web" --urls "http://127.0.0.1:$port" >"$work/site.log" 2>&1) &
  site=$!; pids+=("$site")
  until curl -fso /dev/null "http://127.0.0.1:$port/codes/$first"; do
    kill -0 "$site" 2>/dev/null || { echo "the site did not start:" >&2; cat "$work/site.log" >&2; exit 1; }
    [ $(($(now_ms) - start)) -lt 60000 ] || { echo "no code page within 60 s" >&2; exit 1; }
    sleep 0.02
  done
  row "$n | start to first code page | ms | $(($(now_ms) - start)) | | "

  # nginx serves the same code pages, saved as they are served.
  static="$work/static-$n"; mkdir -p "$static/codes"
  for code in $codes; do curl -fso "$static/codes/$code" "http://127.0.0.1:$port/codes/$code"; done
  sed 's|^|/codes/|' <<<"$codes" > "$work/code-paths"
  nginx_port=$(free_port)
  cat > "$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx-tmp; proxy_temp_path $work/nginx-tmp; fastcgi_temp_path $work/nginx-tmp;
  uwsgi_temp_path $work/nginx-tmp; scgi_temp_path $work/nginx-tmp;
  server { listen 127.0.0.1:$nginx_port; root $static; default_type text/html; }
}
CONF
  mkdir -p "$work/nginx-tmp"
  "$nginx_bin" -c "$work/nginx.conf" -g 'daemon off;' & pids+=("$!")
  for _ in $(seq 200); do curl -fso /dev/null "http://127.0.0.1:$nginx_port/codes/$first" && break; sleep 0.05; done
  curl -fso /dev/null "http://127.0.0.1:$nginx_port/codes/$first" || { echo "nginx does not serve the pages:" >&2; cat "$work/nginx-error.log" >&2; exit 1; }

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
  read -r ng_rps ng_p99 ng_bad ng_err < <(load "http://127.0.0.1:$nginx_port" "$work/code-paths")
  row "$n | code page, nginx static (floor) | req/s, p99 ms, non-2xx, socket errors | $ng_rps, $ng_p99, $ng_bad, $ng_err | | "
  for kind in code search suggest; do
    paths="$work/$kind-paths"; [ "$kind" = code ] && paths="$work/code-paths"
    # A short pass first, so the figures are the served state: each search computed once, then output-cached until the next publish.
    wrk -t2 -c"$connections" -d2s --timeout 5s -s "$work/paths.lua" "http://127.0.0.1:$port" -- "$paths" >/dev/null 2>&1 || true
    read -r rps p99 bad err < <(load "http://127.0.0.1:$port" "$paths")
    row "$n | $kind over HTTP, $connections connections | req/s, p99 ms, non-2xx, socket errors | $rps, $p99, $bad, $err | of nginx: | $(awk -v a="$rps" -v b="$ng_rps" 'BEGIN {printf "%.0f%%", 100 * a / b}')"
  done

  kill "${pids[@]}" 2>/dev/null || true; wait "${pids[@]}" 2>/dev/null || true; pids=()
  rm -rf "$corpus" "$data" "$static" "$work/floor.db"
done

echo
echo "ProcedureReference performance, $(nproc) cores, $(free -g | awk '/^Mem/ {print $2}') GiB, $(date -u +%Y-%m-%d)"
echo
echo "| pages | measure | unit | ProcedureReference | floor | ratio |"
echo "| ---: | --- | --- | --- | --- | --- |"
printf '%s\n' "${rows[@]}"
