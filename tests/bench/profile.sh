#!/usr/bin/env bash
# CPU profiles of an import and of a search latency run, so the breakdown in docs/performance.md can be redone:
# restores dotnet-trace from .config/dotnet-tools.json (dotnet tool restore), builds Release, generates a corpus
# (or takes one), and traces, each as a child of dotnet-trace with the sampled thread-time profile (stacks of every
# managed thread about 100 times a second: wall-clock time, so a waiting thread shows in its wait):
#   1. the command-line import of the corpus (SQLite into a temp file, or PostgreSQL with --postgres CONN);
#   2. the Benchmarks project's `latency --random` (random queries drawn from the corpus, each asked once) on it.
# Prints each trace's top frames by inclusive and by exclusive time (dotnet-trace report FILE topN). The traces
# are kept with --out DIR (open them in PerfView or convert them: dotnet-trace convert --format Speedscope FILE).
# Bounded in time; binds nothing; every process it starts ends with its command (or on exit).
#
#   tests/bench/profile.sh                          # 10,000 pages generated (seed 2026), SQLite, top 30
#   tests/bench/profile.sh --corpus DIR --top 40 --out /tmp/traces
#   tests/bench/profile.sh --pages 100000 --postgres 'Host=127.0.0.1;Port=5432;Database=scratch;Username=postgres'
#   (--postgres: the import REPLACES the content of that database; give it a scratch one)
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD

pages=10000; corpus=""; top=30; out=""; postgres=""; random=400; limit=1800
while [ $# -gt 0 ]; do
  case "$1" in
    --pages) pages="$2"; shift 2 ;;
    --corpus) corpus="$(cd "$2" && pwd)"; shift 2 ;;
    --top) top="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --postgres) postgres="$2"; shift 2 ;;
    --random) random="$2"; shift 2 ;;
    --limit) limit="$2"; shift 2 ;;   # seconds each traced command may take
    *) echo "usage: $0 [--pages N | --corpus DIR] [--postgres CONN] [--top N] [--random N] [--out DIR] [--limit S]" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d /tmp/procref-profile.XXXXXX)
trap 'rm -rf "$work"' EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM HUP

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >&2
echo "building Release..." >&2
dotnet build -c Release -v q -nologo src/ProcedureReference.Web >&2
dotnet build -c Release -v q -nologo tests/ProcedureReference.Benchmarks >&2
web="$repo/src/ProcedureReference.Web/bin/Release/net10.0/ProcedureReference.Web"
bench="$repo/tests/ProcedureReference.Benchmarks/bin/Release/net10.0/ProcedureReference.Benchmarks"

if [ -z "$corpus" ]; then
  dotnet build -c Release -v q -nologo tests/ProcedureReference.Tools >&2
  corpus="$work/corpus-$pages"
  "$repo/tests/ProcedureReference.Tools/bin/Release/net10.0/ProcedureReference.Tools" generate-corpus --pages "$pages" --out "$corpus" >/dev/null
  cp content/synonyms.csv content/cpt-ranges.csv "$corpus/"
fi
pages=$(($(wc -l <"$corpus/codes.csv") - 1))
if [ -n "$postgres" ]; then engine=(--Database:Provider=Postgres "--ConnectionStrings:Postgres=$postgres"); latency_engine=("${engine[@]}")
else engine=(--db "$work/data/procedures.db"); latency_engine=(--db "$work/data/procedures.db"); fi

# trace NAME COMMAND...: the command run under dotnet-trace, its trace in $work/NAME.nettrace, then its top frames.
trace() {
  local name=$1; shift
  echo "== tracing $name ($pages pages): $*" >&2
  timeout "$limit" dotnet tool run dotnet-trace -- collect --profile dotnet-sampled-thread-time \
    -o "$work/$name.nettrace" -- "$@" >"$work/$name.log" 2>&1 || { cat "$work/$name.log" >&2; echo "tracing $name failed" >&2; exit 1; }
  tail -3 "$work/$name.log" >&2
  echo
  echo "## $name, $pages pages: top $top frames by inclusive time"
  dotnet tool run dotnet-trace -- report "$work/$name.nettrace" topN -n "$top" --inclusive
  echo
  echo "## $name, $pages pages: top $top frames by exclusive time"
  dotnet tool run dotnet-trace -- report "$work/$name.nettrace" topN -n "$top"
}

trace import "$web" import --content "$corpus" "${engine[@]}"
trace search "$bench" latency "${latency_engine[@]}" --content "$corpus" --random "$random" --seed 2026 --rounds 1

if [ -n "$out" ]; then mkdir -p "$out" && cp "$work"/*.nettrace "$out"/ && echo "traces kept in $out" >&2; fi
