#!/usr/bin/env bash
# Security scanners and load check (issue 8), run by .ci/run from a clean clone.
#
#   bash tests/security/run.sh
#
# 1. Installs wapiti, sqlmap, wrk (and jq, zip, curl, python3-brotli) from Debian when missing.
# 2. Publishes the site in Release and generates a corpus; every server run is Production, on 127.0.0.1 at a
#    free port, on its own temp copy of content/ plus the generated pages and its own temp data folder.
# 3. Scanner run (public rate limiter off, admin sign-in limit raised so payloads reach the handler):
#    wapiti (xss, sql, exec, file, crlf) and sqlmap on every query parameter of every public endpoint, the code
#    path parameter and the sign-in form. Zero findings required, and no 5xx answered during the scans.
# 4. Load run (rate limiter at its defaults): wrk, 256 connections for 30 s over code pages, search and suggest,
#    while an admin signs in, uploads a changed content archive, waits for the staged import and publishes it.
#    Zero socket errors, no non-2xx but 429, 2xx for each kind, the new content served afterwards, and the
#    server's RSS after settling under 1.5 x before + 100 MB.
# 5. Prints a summary and exits non-zero on any failure.
#
# Everything listens on and targets 127.0.0.1 only. Every process started here is stopped by its pid on exit.
# SECURITY_KEEP=1 keeps the temp folder (reports, logs) even on success; it is always kept on failure.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
started=$(date +%s)
work=$(mktemp -d "${TMPDIR:-/tmp}/procref-security.XXXXXX")
app="$work/app/ProcedureReference.Web.dll"
tools="$work/tools/ProcedureReference.Tools.dll"   # test tooling (generate-corpus), not part of the site
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The limits that keep the whole script well under 10 minutes on 2 shared cores.
WAPITI_CRAWL_SECONDS=30        # wapiti --max-scan-time (the crawl)
WAPITI_ATTACK_SECONDS=45       # wapiti --max-attack-time (each of the five modules)
WAPITI_TIMEOUT=240             # hard stop for the wapiti process
SQLMAP_TIMEOUT=240             # hard stop for each sqlmap process (sqlmap 1.7 has no time limit of its own)
LOAD_SECONDS=30
LOAD_CONNECTIONS=256
GENERATED_PAGES=300
CHANGED_CODE=37188             # the page whose summary the uploaded archive changes
ADMIN_NAME=security-check

# shellcheck source=../shell/common.sh
source "$here/../shell/common.sh"

cleanup() {
  local pid
  for pid in "${pids[@]}"; do stop_pid "$pid"; done
  if [ "${#failures[@]}" -eq 0 ] && [ "${SECURITY_KEEP:-0}" != 1 ] && [ "${finished:-0}" = 1 ]; then
    rm -rf "$work"
  else
    echo "security: logs and reports kept in $work" >&3
  fi
}
# fd 3 is this script's own output: a trap runs inside whatever redirection the interrupted command had.
exec 3>&1
trap cleanup EXIT
trap 'echo "security: interrupted" >&3; exit 130' INT TERM HUP

# ---------------------------------------------------------------------------------------------------------------
# 1. Tools from Debian
# ---------------------------------------------------------------------------------------------------------------
install_tools() {
  local missing=() package
  command -v wapiti >/dev/null || missing+=(wapiti)
  command -v sqlmap >/dev/null || missing+=(sqlmap)
  command -v wrk >/dev/null || missing+=(wrk)
  command -v jq >/dev/null || missing+=(jq)
  command -v zip >/dev/null || missing+=(zip)
  command -v curl >/dev/null || missing+=(curl)
  # The site answers Brotli to clients that offer it, and wapiti offers it; without this module wapiti's
  # Python reads compressed bytes as the page and finds no links or forms to attack.
  [ "$(dpkg-query -W -f='${Status}' python3-brotli 2>/dev/null)" = "install ok installed" ] || missing+=(python3-brotli)
  [ "${#missing[@]}" -eq 0 ] && return 0

  note "installing from Debian: ${missing[*]}"
  apt-get update -q >"$work/apt.log" 2>&1 || { echo "security: apt-get update failed (see $work/apt.log)"; return 1; }
  for package in "${missing[@]}"; do
    # (read into a variable first: with pipefail, grep -q closing the pipe early would fail apt-cache)
    local policy
    policy=$(apt-cache policy "$package" 2>/dev/null)
    if ! grep -qE 'Candidate: [^(]' <<<"$policy"; then
      echo "security: Debian package '$package' is not installable here (apt-cache policy shows no candidate)"
      return 1
    fi
  done
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=300 "${missing[@]}" >>"$work/apt.log" 2>&1 \
    || { tail -20 "$work/apt.log"; echo "security: apt-get install ${missing[*]} failed"; return 1; }
  for package in wapiti sqlmap wrk jq zip curl; do
    command -v "$package" >/dev/null || { echo "security: $package is still missing after apt-get install"; return 1; }
  done
}

# ---------------------------------------------------------------------------------------------------------------
# 2. Build, content, servers
# ---------------------------------------------------------------------------------------------------------------
build_and_prepare() {
  note "dotnet publish -c Release"
  in_background dotnet publish "$repo/src/ProcedureReference.Web" -c Release -o "$work/app" --nologo -v quiet --disable-build-servers >"$work/publish.log" 2>&1 \
    || { tail -30 "$work/publish.log"; echo "security: dotnet publish failed"; return 1; }
  in_background dotnet build "$repo/tests/ProcedureReference.Tools" -c Release -o "$work/tools" --nologo -v quiet --disable-build-servers >"$work/tools-build.log" 2>&1 \
    || { tail -30 "$work/tools-build.log"; echo "security: building the tools failed"; return 1; }

  note "content: content/ plus $GENERATED_PAGES generated pages"
  merge_corpus "$repo" "$tools" "$work" "$GENERATED_PAGES" 8 || { echo "security: the corpus could not be made"; return 1; }
  page_count=$(($(wc -l <"$work/content/codes.csv") - 1))
  # A few generated codes for the load run.
  mapfile -t generated_codes < <(grep '^gen_' "$work/content/codes.csv" | head -4 | cut -d, -f2)
}

# start_server NAME [VAR=VALUE...]: a fresh data folder, an admin account, the site in Production on a free port.
# Sets server_pid, base and server_log.
start_server() {
  local name=$1; shift
  local dir="$work/$name" attempt code
  mkdir -p "$dir/data"
  admin_password="pw-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  echo "$admin_password" | Database__Path="$dir/data/procedures.db" dotnet "$app" admin add "$ADMIN_NAME" >"$dir/admin-add.log" 2>&1 \
    || { cat "$dir/admin-add.log"; echo "security: admin add failed"; return 1; }
  server_log="$dir/server.log"
  for attempt in 1 2 3; do
    local port
    port=$(free_port)
    base="http://127.0.0.1:$port"
    (cd "$dir" && exec env \
      ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production \
      Urls="$base" Database__Path="$dir/data/procedures.db" Content__Path="$work/content" \
      Security__HttpsRedirection=false "$@" \
      dotnet "$app") >"$server_log" 2>&1 &
    server_pid=$!
    pids+=("$server_pid")
    # The first start imports the content; wait for the first code page (at most 180 s on a busy machine).
    for _ in $(seq 1 360); do
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$base/codes/$CHANGED_CODE" 2>/dev/null)
      [ "$code" = 200 ] && { note "$name server up at $base (pid $server_pid)"; return 0; }
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.5
    done
    stop_pid "$server_pid"
    if grep -qi "address already in use" "$server_log"; then
      echo "security: port $port was taken meanwhile; trying another"
      continue
    fi
    tail -30 "$server_log"
    echo "security: the $name server did not answer $base/codes/$CHANGED_CODE with 200 (last: $code)"
    return 1
  done
  return 1
}

server_errors() { # 5xx answers the request log recorded
  grep -cE 'responded 5[0-9]{2} ' "$1" || true
}

# ---------------------------------------------------------------------------------------------------------------
# 3. Scanners
# ---------------------------------------------------------------------------------------------------------------
declare -A wapiti_modules=(
  [xss]="Cross Site Scripting" [sql]="SQL Injection" [exec]="Command execution"
  [file]="Path Traversal" [crlf]="CRLF Injection")

run_wapiti() {
  local dir="$work/wapiti"
  mkdir -p "$dir/config" "$dir/home"
  # wapiti 3.0.4 loads every module, and the 'wapp' one downloads its database when the config folder has none:
  # an empty one keeps it off the network (it is not one of the modules run here).
  echo '{}' >"$dir/config/apps.json"
  note "wapiti: xss, sql, exec, file, crlf (crawl ${WAPITI_CRAWL_SECONDS} s, ${WAPITI_ATTACK_SECONDS} s a module)"
  in_background env HOME="$dir/home" timeout --kill-after=10 "$WAPITI_TIMEOUT" wapiti \
    -u "$base/" --scope folder \
    -m xss,sql,exec,file,crlf \
    -s "$base/search?q=blood+clot&system=CPT&category=Radiology&section=risks&page=1" \
    -s "$base/browse?system=CPT&category=Radiology&page=1" \
    -s "$base/api/search?q=clot&system=CPT&category=Radiology&section=risks&page=1" \
    -s "$base/api/suggest?q=thromb" \
    -s "$base/api/codes/$CHANGED_CODE" \
    -s "$base/codes/$CHANGED_CODE" \
    -s "$base/admin/login" \
    -d 3 --max-links-per-page 30 -S polite \
    --max-scan-time "$WAPITI_CRAWL_SECONDS" --max-attack-time "$WAPITI_ATTACK_SECONDS" -t 15 \
    --flush-session --store-session "$dir/session" --store-config "$dir/config" \
    --no-bugreport -v 1 -f json -o "$dir/report.json" </dev/null >"$dir/log.txt" 2>&1
  local status=$?
  wapiti_urls=$(grep -oE 'Wapiti found [0-9]+ URLs' "$dir/log.txt" | grep -oE '[0-9]+' | head -1)
  wapiti_cut=$(grep -oE 'Max attack time was reached for module [a-z_]+' "$dir/log.txt" | awk '{print $NF}' | paste -sd, -)
  if [ "$status" -ne 0 ] || ! jq -e .vulnerabilities "$dir/report.json" >/dev/null 2>&1; then
    tail -20 "$dir/log.txt"
    fail "wapiti did not finish with a report (exit $status)"
    wapiti_total="?"
    return
  fi
  if [ "${wapiti_urls:-0}" -lt 7 ]; then
    fail "wapiti found only ${wapiti_urls:-0} URLs and forms (the 7 start points at least expected): the crawl did not work"
  fi
  local module
  wapiti_summary=""
  for module in xss sql exec file crlf; do
    local n
    n=$(jq --arg c "${wapiti_modules[$module]}" '.vulnerabilities[$c] // [] | length' "$dir/report.json")
    wapiti_summary+="$module $n, "
  done
  wapiti_summary=${wapiti_summary%, }
  wapiti_total=$(jq '[.vulnerabilities[] | length] | add // 0' "$dir/report.json")
  wapiti_500=$(jq '.anomalies["Internal Server Error"] // [] | length' "$dir/report.json")
  wapiti_slow=$(jq '.anomalies["Resource consumption"] // [] | length' "$dir/report.json")
  if [ "$wapiti_total" -ne 0 ]; then
    jq -r '.vulnerabilities | to_entries[] | .key as $k | .value[] | "  \($k): \(.method) \(.path) [\(.parameter)] \(.info)\n    \(.curl_command)"' "$dir/report.json"
    fail "wapiti reported $wapiti_total vulnerabilities"
  fi
  if [ "$wapiti_500" -ne 0 ]; then
    jq -r '.anomalies["Internal Server Error"][] | "  500: \(.method) \(.path) [\(.parameter)]\n    \(.curl_command)"' "$dir/report.json"
    fail "wapiti's payloads made the server answer 500 ($wapiti_500 times)"
  fi
  if [ "$wapiti_slow" -ne 0 ]; then
    jq -r '.anomalies["Resource consumption"][] | "  slow: \(.method) \(.path) [\(.parameter)]"' "$dir/report.json"
    echo "security: warning: $wapiti_slow wapiti requests timed out (resource consumption anomalies; not a finding on a shared machine)"
  fi
}

run_sqlmap() {
  local dir="$work/sqlmap"
  mkdir -p "$dir/home"
  # Every public endpoint with a parameter: each query parameter (sqlmap tests them all), the code in the path
  # ('*' marks it), and the sign-in form's two fields (its antiforgery token fetched afresh for each request).
  cat >"$dir/targets.txt" <<EOF
$base/search?q=blood+clot&system=CPT&category=Radiology&section=risks&page=1
$base/browse?system=CPT&category=Radiology&page=1
$base/api/search?q=clot&system=CPT&category=Radiology&section=risks&page=1
$base/api/suggest?q=thromb
$base/codes/$CHANGED_CODE*
$base/api/codes/$CHANGED_CODE*
EOF
  sqlmap_expected=$((5 + 3 + 5 + 1 + 1 + 1 + 2))
  local common=(--batch --risk 1 --disable-coloring --flush-session --timeout 15 --retries 2)
  note "sqlmap: $sqlmap_expected parameters (risk 1; level 2 for the GET targets, 1 for the sign-in form), side by side"
  HOME="$dir/home" timeout --kill-after=10 "$SQLMAP_TIMEOUT" sqlmap -m "$dir/targets.txt" --level 2 "${common[@]}" \
    --output-dir="$dir/get" --results-file="$dir/get.csv" </dev/null >"$dir/get.log" 2>&1 &
  local get_pid=$!
  pids+=("$get_pid")
  # A failed sign-in answers 401, which sqlmap would otherwise stop at; the page differs by its antiforgery token
  # each time, so only its text is compared (without --text-only the boolean test flags, then rules out, both fields).
  # Level 1: every attempt costs a password hash (about 0.1 s here), and level 2's thousand took 2.5 minutes.
  HOME="$dir/home" timeout --kill-after=10 "$SQLMAP_TIMEOUT" sqlmap -u "$base/admin/login" \
    --data "Name=alice&Password=not-the-password&__RequestVerificationToken=x" -p "Name,Password" \
    --csrf-token=__RequestVerificationToken --csrf-url="$base/admin/login" --ignore-code=401 --text-only --level 1 "${common[@]}" \
    --output-dir="$dir/login" --results-file="$dir/login.csv" </dev/null >"$dir/login.log" 2>&1 &
  local login_pid=$!
  pids+=("$login_pid")
  local get_status=0 login_status=0
  wait "$get_pid" || get_status=$?
  wait "$login_pid" || login_status=$?
  [ "$get_status" -eq 0 ] || fail "sqlmap (GET targets) exited $get_status (124: stopped after ${SQLMAP_TIMEOUT} s)"
  [ "$login_status" -eq 0 ] || fail "sqlmap (sign-in form) exited $login_status (124: stopped after ${SQLMAP_TIMEOUT} s)"

  # sqlmap exits 0 either way: read what it tested and what it found.
  sqlmap_tested=$(cat "$dir/get.log" "$dir/login.log" | grep -cE '\[INFO\] testing for SQL injection on ' || true)
  sqlmap_clean=$(cat "$dir/get.log" "$dir/login.log" | grep -cE 'does not seem to be injectable' || true)
  # A results row is an injection point sqlmap found; one noted 'false positive or unexploitable' is one it
  # suspected and then ruled out itself (and its log says 'does not seem to be injectable'): shown, not failed.
  sqlmap_found=0
  sqlmap_ruled_out=0
  local csv rows
  for csv in "$dir/get.csv" "$dir/login.csv"; do
    if [ ! -f "$csv" ]; then fail "sqlmap wrote no results file $(basename "$csv")"; continue; fi
    rows=$(tail -n +2 "$csv" | grep . | grep -vc "false positive or unexploitable" || true)
    sqlmap_found=$((sqlmap_found + rows))
    sqlmap_ruled_out=$((sqlmap_ruled_out + $(tail -n +2 "$csv" | grep -c 'false positive or unexploitable' || true)))
    tail -n +2 "$csv" | sed 's/^/  sqlmap results: /'
  done
  if grep -hE 'sqlmap identified the following injection point' "$dir/get.log" "$dir/login.log" | grep .; then
    [ "$sqlmap_found" -gt 0 ] || sqlmap_found=1
  fi
  grep -hE '\[CRITICAL\]' "$dir/get.log" "$dir/login.log" | sed 's/^/  /'
  [ "$sqlmap_found" -eq 0 ] || fail "sqlmap reported $sqlmap_found injectable parameters"
  if [ "$sqlmap_tested" -lt "$sqlmap_expected" ] || [ "$sqlmap_clean" -lt "$sqlmap_expected" ]; then
    fail "sqlmap tested $sqlmap_tested and cleared $sqlmap_clean of the $sqlmap_expected parameters (see $dir/*.log)"
  fi
}

# ---------------------------------------------------------------------------------------------------------------
# 4. Load, with a publish in the middle
# ---------------------------------------------------------------------------------------------------------------
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

# The admin's round trip with curl, as a browser does it: sign in, upload, follow the import, publish.
admin_publish() {
  local jar="$work/admin/cookies.txt"
  mkdir -p "$work/admin"
  sign_in "$base" "$jar" "$ADMIN_NAME" "$admin_password" || return 1
  upload_and_publish "$base" "$jar" "$work/upload.zip" "$CHANGED_CODE" "$load_started"
}

fetch_code_page() { # the changed code page, waiting out a 429 (the public rate limiter's window)
  local out=$1 code
  for _ in $(seq 1 45); do
    code=$(curl -s --max-time 10 -o "$out" -w '%{http_code}' "$base/codes/$CHANGED_CODE")
    [ "$code" = 429 ] || break
    sleep 2
  done
  echo "$code"
}

run_load() {
  local dir="$work/load" marker
  mkdir -p "$dir"
  # The archive an admin uploads: the same content with one summary changed.
  marker="Revised for the load check $(date +%s%N)."
  cp -r "$work/content" "$dir/upload"
  change_summary "$dir/upload" "$CHANGED_CODE" "$marker" || { fail "could not change the summary of $CHANGED_CODE"; return; }
  (cd "$dir/upload" && zip -q -r "$work/upload.zip" .)

  local before_code
  before_code=$(fetch_code_page "$dir/before.html")
  [ "$before_code" = 200 ] || fail "GET /codes/$CHANGED_CODE answered $before_code before the load"
  grep -qF "$marker" "$dir/before.html" && fail "the changed summary is live before it was published"

  local paths=(
    "/codes/$CHANGED_CODE" /codes/78458 /codes/34421 /codes/76496
    "${generated_codes[@]/#//codes/}"
    "/search?q=blood+clot" "/search?q=784" "/search?q=thrombectmy" "/search?q=clot&section=risks" "/search?q=venogram&page=2"
    "/api/suggest?q=thromb" "/api/suggest?q=37" "/api/suggest?q=blood" "/api/suggest?q=veno")
  # Warm up (JIT, caches), so 'before' is the server at work rather than just started.
  local path
  for _ in 1 2 3; do for path in "${paths[@]}"; do curl -s -o /dev/null --max-time 10 "$base$path"; done; done
  sleep 2
  rss_before=$(rss_kb "$server_pid")

  note "wrk: $LOAD_CONNECTIONS connections, ${LOAD_SECONDS} s, ${#paths[@]} URLs; an admin publishes meanwhile"
  load_started=$(date +%s)
  wrk -t2 -c"$LOAD_CONNECTIONS" -d"${LOAD_SECONDS}s" --timeout 5s --latency -s "$here/load.lua" "$base" -- "${paths[@]}" \
    </dev/null >"$dir/wrk.txt" 2>&1 &
  local wrk_pid=$!
  pids+=("$wrk_pid")
  sleep 3
  publish_done=no
  if admin_publish >"$dir/admin.log" 2>&1; then publish_done=yes; fi
  publish_seconds=$(($(date +%s) - load_started))
  sed 's/^/  admin: /' "$dir/admin.log"
  local wrk_status=0
  wait "$wrk_pid" || wrk_status=$?
  rss_after=$(rss_kb "$server_pid")
  sleep 5
  rss_settled=$(rss_kb "$server_pid")

  [ "$publish_done" = yes ] || fail "the admin's upload and publish failed during the load (see above)"
  if [ "$publish_done" = yes ] && [ "$publish_seconds" -gt "$LOAD_SECONDS" ]; then
    fail "the publish finished ${publish_seconds} s after the load started, after the load had ended: it was not tested under load"
  fi
  [ "$wrk_status" -eq 0 ] || { cat "$dir/wrk.txt"; fail "wrk exited $wrk_status"; }
  kill -0 "$server_pid" 2>/dev/null || fail "the server died during the load"

  # What wrk saw.
  read -r _ _ wrk_requests _ wrk_duration _ _ < <(grep '^WRK requests' "$dir/wrk.txt")
  read -r _ _ _ err_connect _ err_read _ err_write _ err_timeout _ _ < <(grep '^WRK errors' "$dir/wrk.txt")
  read -r _ _ _ lat_p50 _ lat_p90 _ lat_p99 _ lat_max < <(grep '^WRK latency_us' "$dir/wrk.txt")
  if [ -z "${wrk_requests:-}" ] || [ -z "${err_connect:-}" ]; then
    cat "$dir/wrk.txt"
    fail "wrk printed no summary"
    return
  fi
  wrk_rps=$(awk -v n="$wrk_requests" -v us="$wrk_duration" 'BEGIN {printf "%.0f", n / (us / 1e6)}')
  socket_errors=$((err_connect + err_read + err_write + err_timeout))
  [ "$socket_errors" -eq 0 ] || fail "wrk socket errors: connect $err_connect, read $err_read, write $err_write, timeout $err_timeout"
  tally=$(grep '^WRK tally' "$dir/wrk.txt" | awk '{printf "%s%s %s %s", sep, $3, $4, $5; sep=", "}')
  local bad
  bad=$(grep '^WRK tally' "$dir/wrk.txt" | awk '$3 !~ /^2/ && $3 != 429 {printf "%s %s: %s; ", $3, $4, $5}')
  [ -z "$bad" ] || fail "non-2xx answers other than 429 under load: $bad"
  local kind
  for kind in code search suggest; do
    grep -qE "^WRK tally 2[0-9]{2} $kind [1-9]" "$dir/wrk.txt" || fail "no 2xx answer for the $kind URLs under load"
  done

  # The new content is served.
  local after_code
  after_code=$(fetch_code_page "$dir/after.html")
  if [ "$after_code" = 200 ] && grep -qF "$marker" "$dir/after.html"; then
    new_content_served=yes
  else
    new_content_served=no
    fail "after publishing, /codes/$CHANGED_CODE (answer $after_code) does not show the changed summary"
  fi

  # Memory: the settled RSS within 1.5 x the RSS before the load + 100 MB.
  rss_bound=$((rss_before * 3 / 2 + 102400))
  [ "$rss_settled" -gt 0 ] && [ "$rss_settled" -le "$rss_bound" ] \
    || fail "RSS settled at $((rss_settled / 1024)) MB, over the bound of $((rss_bound / 1024)) MB (1.5 x $((rss_before / 1024)) MB + 100 MB)"
  load_5xx=$(server_errors "$server_log")
  [ "$load_5xx" -eq 0 ] || fail "the server logged $load_5xx answers 5xx during the load run"
}

# ---------------------------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------------------------
summary() {
  local elapsed=$(($(date +%s) - started))
  echo
  echo "================ security: scanners and load ================"
  echo "pages served:      ${page_count:-?} (content/ and generated)"
  echo "wapiti:            ${wapiti_total:-not run} findings (${wapiti_summary:-}); ${wapiti_urls:-?} URLs and forms;" \
    "500 anomalies ${wapiti_500:-?}, timeouts ${wapiti_slow:-?}${wapiti_cut:+; attack time limit reached in: $wapiti_cut}"
  echo "sqlmap:            ${sqlmap_tested:-not run} of ${sqlmap_expected:-?} parameters tested, ${sqlmap_found:-?} injections" \
    "(${sqlmap_ruled_out:-0} suspected and ruled out by sqlmap)"
  echo "5xx during scans:  ${scan_5xx:-?}"
  echo "wrk:               ${wrk_requests:-?} requests, ${wrk_rps:-?} req/s, $LOAD_CONNECTIONS connections, ${LOAD_SECONDS} s;" \
    "latency p50 $((${lat_p50:-0} / 1000)) ms, p99 $((${lat_p99:-0} / 1000)) ms, max $((${lat_max:-0} / 1000)) ms"
  echo "status tally:      ${tally:-?}"
  echo "socket errors:     ${socket_errors:-?} (connect ${err_connect:-?}, read ${err_read:-?}, write ${err_write:-?}, timeout ${err_timeout:-?})"
  echo "RSS:               before $((${rss_before:-0} / 1024)) MB, after $((${rss_after:-0} / 1024)) MB," \
    "settled $((${rss_settled:-0} / 1024)) MB (bound $((${rss_bound:-0} / 1024)) MB)"
  echo "publish under load: ${publish_done:-no} (done at +${publish_seconds:-?} s of ${LOAD_SECONDS} s); new content served: ${new_content_served:-no}"
  echo "duration:          ${elapsed} s"
  if [ "${#failures[@]}" -eq 0 ]; then
    echo "result:            PASS"
  else
    echo "result:            FAIL (${#failures[@]})"
    printf '  - %s\n' "${failures[@]}"
  fi
  echo "============================================================="
}

main() {
  install_tools || { fail "tools could not be installed"; return; }
  build_and_prepare || { fail "build or content preparation failed"; return; }

  # Scanner run: the public rate limiter off, the sign-in limit raised, so payloads reach the code.
  start_server scan RateLimits__Enabled=false Admin__LoginAttemptsPerMinute=1000000 \
    || { fail "the scanner run's server did not start"; return; }
  run_wapiti
  run_sqlmap
  scan_5xx=$(server_errors "$server_log")
  [ "$scan_5xx" -eq 0 ] || { grep -E 'responded 5[0-9]{2} ' "$server_log" | head -10; fail "the server answered 5xx $scan_5xx times during the scans"; }
  stop_pid "$server_pid"

  # Load run: a fresh server with the rate limiter at its defaults.
  start_server load || { fail "the load run's server did not start"; return; }
  run_load
  stop_pid "$server_pid"
}

main
finished=1
summary
[ "${#failures[@]}" -eq 0 ]
