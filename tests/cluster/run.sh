#!/usr/bin/env bash
# Several instances on one PostgreSQL database behind nginx (issue 14), run by .ci/run from a clean clone.
#
#   bash tests/cluster/run.sh
#
# 1. Installs wrk, nginx, jq, zip, curl and PostgreSQL from Debian when missing; publishes the site in Release.
# 2. A throwaway PostgreSQL cluster (initdb into a temp folder, as the postgres user, on a free loopback port);
#    the content (content/ plus generated pages) imported into it by the command line; an admin added.
# 3. Instances A and B of the site on that database, and nginx with an upstream of both.
# 4. Forwarded headers: nginx adds X-Forwarded-For/Proto and the instances believe nginx's address only
#    (Proxy:KnownProxies): a client on 127.0.0.2 that signs in through nginx with a made-up X-Forwarded-For is audited
#    as 127.0.0.2; X-Forwarded-Proto sets the scheme of canonical links from nginx's address only.
#    A sign-in made on A opens /admin on B (the data-protection keys and accounts are in the database).
# 5. wrk, 256 connections for 20 s through nginx (the pages readers ask most), while an admin uploads and publishes a change through A:
#    zero socket errors, zero non-2xx, and B (asked directly) serving the change within 1 s of the publish.
# 6. PostgreSQL stopped and started again under load that also reaches the database (past the output cache):
#    errors only while it is down (counted and printed: 503s, and any request caught in the restart), /health 503
#    on both while down and 200 after, and a load run afterwards with no error at all; then a command-line
#    publish reaches both instances.
# Everything listens on and targets 127.0.0.1 only; every process started here is stopped by its pid on exit.
# CLUSTER_KEEP=1 keeps the temp folder (logs) even on success; it is always kept on failure.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
started=$(date +%s)
work=$(mktemp -d "${TMPDIR:-/tmp}/procref-cluster.XXXXXX")
chmod 755 "$work"
app="$work/app/ProcedureReference.Web.dll"
tools="$work/tools/ProcedureReference.Tools.dll"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

LOAD_SECONDS=20
LOAD_CONNECTIONS=256
GENERATED_PAGES=300
CHANGED_CODE=37188
ADMIN_NAME=cluster-check
MAX_DELAY_MS=1000             # instance B serves a publish made on A within this

# shellcheck source=../shell/common.sh
source "$here/../shell/common.sh"

cleanup() {
  local pid
  for pid in "${pids[@]}"; do stop_pid "$pid"; done
  [ -n "${pg_data:-}" ] && runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1
  if [ "${#failures[@]}" -eq 0 ] && [ "${CLUSTER_KEEP:-0}" != 1 ] && [ "${finished:-0}" = 1 ]; then
    rm -rf "$work"
  else
    echo "cluster: logs kept in $work" >&3
  fi
}
exec 3>&1
trap cleanup EXIT
trap 'echo "cluster: interrupted" >&3; exit 130' INT TERM HUP

# ---------------------------------------------------------------------------------------------------------------
prepare() {
  apt_install cluster wrk nginx jq zip curl || return 1
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || apt_install cluster "initdb:postgresql" || return 1
  pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")

  note "dotnet publish -c Release"
  in_background dotnet publish "$repo/src/ProcedureReference.Web" -c Release -o "$work/app" --nologo -v quiet --disable-build-servers >"$work/publish.log" 2>&1 \
    || { tail -30 "$work/publish.log"; echo "cluster: dotnet publish failed"; return 1; }
  in_background dotnet build "$repo/tests/ProcedureReference.Tools" -c Release -o "$work/tools" --nologo -v quiet --disable-build-servers >"$work/tools-build.log" 2>&1 \
    || { tail -30 "$work/tools-build.log"; echo "cluster: building the tools failed"; return 1; }

  merge_corpus "$repo" "$tools" "$work" "$GENERATED_PAGES" 14 || { echo "cluster: the corpus could not be made"; return 1; }
  mapfile -t generated_codes < <(grep '^gen_' "$work/content/codes.csv" | head -4 | cut -d, -f2)
}

start_postgres() {
  pg_port=$(free_port)
  pg_data="$work/pg/data"
  mkdir -p "$work/pg" && chown postgres "$work/pg"
  runuser -u postgres -- "$pg_bin/initdb" -D "$pg_data" -A trust -U postgres -E UTF8 --no-sync >"$work/initdb.log" 2>&1 \
    || { cat "$work/initdb.log"; echo "cluster: initdb failed"; return 1; }
  pg_start || return 1
  runuser -u postgres -- psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE procref" >/dev/null \
    || { echo "cluster: CREATE DATABASE failed"; return 1; }
  connection="Host=127.0.0.1;Port=$pg_port;Database=procref;Username=postgres"
  note "PostgreSQL up on 127.0.0.1:$pg_port"
}
pg_start() {
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -l "$work/pg/server.log" -w -t 120 \
    -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null \
    || { tail -20 "$work/pg/server.log"; echo "cluster: PostgreSQL did not start"; return 1; }
}
pg_stop() { runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null; }

# The settings every process here shares: the same database, the same flags as the README shows.
verb() { dotnet "$app" "$@" --Database:Provider=Postgres "--ConnectionStrings:Postgres=$connection"; }

# start_instance NAME: the site on a free port; sets <NAME>_base and <NAME>_pid.
start_instance() {
  local name=$1 port base pid code
  port=$(free_port)
  base="http://127.0.0.1:$port"
  (cd "$work" && exec env ASPNETCORE_ENVIRONMENT=Production Instance__Name="$name" \
    dotnet "$app" --Urls="$base" --Database:Provider=Postgres "--ConnectionStrings:Postgres=$connection" \
      --Content:Path="$work/content" --RateLimits:Enabled=false --Security:HttpsRedirection=false \
      --Admin:LoginAttemptsPerMinute=1000 --Proxy:KnownProxies=127.0.0.1) >"$work/$name.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  for _ in $(seq 1 360); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$base/codes/$CHANGED_CODE" 2>/dev/null)
    [ "$code" = 200 ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  [ "$code" = 200 ] || { tail -30 "$work/$name.log"; echo "cluster: instance $name did not answer (last: $code)"; return 1; }
  printf -v "${name}_base" '%s' "$base"
  printf -v "${name}_pid" '%s' "$pid"
  note "instance $name at $base (pid $pid)"
}

start_nginx() {
  nginx_port=$(free_port)
  mkdir -p "$work/nginx"
  cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi; uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
  upstream procref { server ${a_base#http://}; server ${b_base#http://}; keepalive 64; }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://procref; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for; proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
EOF
  nginx -c "$work/nginx/nginx.conf" -g 'daemon off;' >"$work/nginx/out.log" 2>&1 &
  nginx_pid=$!
  pids+=("$nginx_pid")
  for _ in $(seq 1 100); do curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$nginx_port/health" && break; sleep 0.1; done
  proxy="http://127.0.0.1:$nginx_port"
  note "nginx at $proxy in front of A and B"
}

# The URLs of a load run: what readers mostly ask (pages the output cache holds between publishes), and with
# 'uncached' also ones that reach the database every time ({n}: a new number each request).
paths() {
  printf '%s\n' "/codes/$CHANGED_CODE" /codes/78458 /codes/34421 "${generated_codes[@]/#//codes/}" \
    "/search?q=blood+clot" "/search?q=784" "/search?q=thrombectmy" "/search?q=clot&section=risks" \
    "/api/suggest?q=thromb" "/api/suggest?q=blood"
  [ "${1:-}" = uncached ] && printf '%s\n' \
    "/codes/$CHANGED_CODE?n={n}" "/search?q=clot&n={n}" "/search?q=venogram&section=risks&n={n}" "/api/search?q=blood+clot&n={n}"
  return 0
}

# run_wrk NAME SECONDS [uncached]: wrk through nginx in the background; sets wrk_pid.
run_wrk() {
  mapfile -t load_paths < <(paths "${3:-}")
  wrk -t2 -c"$LOAD_CONNECTIONS" -d"$2s" --timeout 5s --latency -s "$repo/tests/security/load.lua" "$proxy" -- "${load_paths[@]}" \
    </dev/null >"$work/wrk-$1.txt" 2>&1 &
  wrk_pid=$!
  pids+=("$wrk_pid")
}

# wrk_result NAME: prints the summary; sets socket_errors, non2xx, rps.
wrk_result() {
  local file="$work/wrk-$1.txt" requests duration connect read write timeout
  read -r _ _ requests _ duration _ _ < <(grep '^WRK requests' "$file")
  read -r _ _ _ connect _ read _ write _ timeout _ _ < <(grep '^WRK errors' "$file")
  [ -n "${requests:-}" ] || { cat "$file"; fail "wrk ($1) printed no summary"; socket_errors=-1; non2xx=-1; return; }
  socket_errors=$((connect + read + write + timeout))
  non2xx=$(grep '^WRK tally' "$file" | awk '$3 !~ /^2/ {n += $5} END {print n + 0}')
  rps=$(awk -v n="$requests" -v us="$duration" 'BEGIN {printf "%.0f", n / (us / 1e6)}')
  echo "  wrk $1: $requests requests, $rps req/s; socket errors $socket_errors (connect $connect, read $read, write $write, timeout $timeout);" \
    "status: $(grep '^WRK tally' "$file" | awk '{printf "%s%s %s %s", sep, $3, $4, $5; sep=", "}')"
}

# wait_for_marker BASE MARKER: milliseconds until BASE/codes/CHANGED_CODE shows MARKER (polled every 10 ms, 30 s at most).
wait_for_marker() {
  local deadline=$(($(date +%s%3N) + 30000))
  while [ "$(date +%s%3N)" -lt "$deadline" ]; do
    curl -s --max-time 5 "$1/codes/$CHANGED_CODE" | grep -qF "$2" && { echo $(($(date +%s%3N) - published_at_ms)); return 0; }
    sleep 0.01
  done
  echo "never"
}

# ---------------------------------------------------------------------------------------------------------------
# A client that is not nginx (127.0.0.2) signs in through nginx, writing an X-Forwarded-For of its own, which nginx
# passes on before the address it adds: the audit log names the client as nginx saw it, neither nginx (127.0.0.1)
# nor the made-up address. Then X-Forwarded-Proto asked of A directly: believed from 127.0.0.1, ignored from 127.0.0.2.
forwarded_headers() {
  local client=127.0.0.2 spoofed=198.51.100.66 jar="$work/forwarded.txt" token code canonical_proxy canonical_client
  local curl_=(curl -s --max-time 30 --interface "$client" -b "$jar" -c "$jar" -H "X-Forwarded-For: $spoofed")
  "${curl_[@]}" -o "$work/forwarded-login.html" "$proxy/admin/login" || { fail "GET /admin/login through nginx from $client failed"; return; }
  token=$(token_of "$work/forwarded-login.html")
  code=$("${curl_[@]}" -o /dev/null -w '%{http_code}' --data-urlencode "Name=$ADMIN_NAME" --data-urlencode "Password=$admin_password" \
    --data-urlencode "__RequestVerificationToken=$token" "$proxy/admin/login")
  [ "$code" = 302 ] || { fail "signing in through nginx from $client answered $code, not 302"; return; }
  "${curl_[@]}" -o "$work/forwarded-admin.html" "$proxy/admin"
  if grep -qF ">$client<" "$work/forwarded-admin.html" && ! grep -qF "$spoofed" "$work/forwarded-admin.html"; then
    forwarded_audit="$client"
  else
    forwarded_audit="not $client"
    fail "a sign-in through nginx from $client is not audited as $client (or the made-up $spoofed is)"
  fi
  canonical_proxy=$(curl -s --max-time 10 -H 'X-Forwarded-Proto: https' "$a_base/codes/$CHANGED_CODE" | grep -oE '<link rel="canonical" href="[a-z]+:' | grep -oE '[a-z]+:$')
  canonical_client=$(curl -s --max-time 10 --interface "$client" -H 'X-Forwarded-Proto: https' "$a_base/codes/$CHANGED_CODE" | grep -oE '<link rel="canonical" href="[a-z]+:' | grep -oE '[a-z]+:$')
  forwarded_scheme="from nginx's address ${canonical_proxy:-?}, from $client ${canonical_client:-?}"
  [ "$canonical_proxy $canonical_client" = "https: http:" ] || fail "X-Forwarded-Proto: https gave canonical links $forwarded_scheme (https: from 127.0.0.1 only)"
}

sessions_are_shared() {
  local jar="$work/session.txt" code
  sign_in "$a_base" "$jar" "$ADMIN_NAME" "$admin_password" || { fail "signing in on A failed"; return; }
  # The cookie is the browser's; B reads it with the keys in the database.
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" --max-time 10 "$b_base/admin")
  shared_session=$code
  [ "$code" = 200 ] || fail "a sign-in on A does not open /admin on B (B answered $code)"
}

publish_under_load() {
  local marker="Published through A under load $(date +%s%N)."
  cp -r "$work/content" "$work/upload" && change_summary "$work/upload" "$CHANGED_CODE" "$marker" \
    && (cd "$work/upload" && zip -q -r "$work/upload.zip" .) || { fail "could not make the upload"; return; }
  local jar="$work/publisher.txt"
  sign_in "$a_base" "$jar" "$ADMIN_NAME" "$admin_password" || { fail "signing in on A failed"; return; }
  note "wrk: $LOAD_CONNECTIONS connections, ${LOAD_SECONDS} s through nginx; an admin publishes through A meanwhile"
  local load_started
  load_started=$(date +%s)
  run_wrk publish "$LOAD_SECONDS"
  sleep 3
  if upload_and_publish "$a_base" "$jar" "$work/upload.zip" "$CHANGED_CODE" "$load_started" >"$work/admin.log" 2>&1; then
    delay_b=$(wait_for_marker "$b_base" "$marker")
    delay_a=$(wait_for_marker "$a_base" "$marker")
    publish_seconds=$(($(date +%s) - load_started))
  else
    fail "the admin's upload and publish through A failed under load"
  fi
  sed 's/^/  admin: /' "$work/admin.log"
  wait "$wrk_pid"
  wrk_result publish
  [ "$socket_errors" -eq 0 ] || fail "socket errors under load while publishing: $socket_errors"
  [ "$non2xx" -eq 0 ] || fail "non-2xx answers under load while publishing: $non2xx"
  [ "${publish_seconds:-99}" -lt "$LOAD_SECONDS" ] || fail "the publish was not done while the load ran"
  echo "  B served the publish made on A ${delay_b:-never} ms after it was answered (A: ${delay_a:-never} ms)"
  [[ "${delay_b:-never}" =~ ^[0-9]+$ ]] && [ "$delay_b" -le "$MAX_DELAY_MS" ] \
    || fail "instance B served the publish after ${delay_b:-never} ms (at most $MAX_DELAY_MS)"
}

restart_under_load() {
  note "wrk: $LOAD_CONNECTIONS connections, ${LOAD_SECONDS} s; PostgreSQL stopped at +5 s and started at +10 s"
  run_wrk restart "$LOAD_SECONDS" uncached
  sleep 5
  pg_stop || fail "PostgreSQL did not stop"
  sleep 1
  health_down_a=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$a_base/health")
  health_down_b=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$b_base/health")
  sleep 4
  pg_start || { fail "PostgreSQL did not start again"; return; }
  wait "$wrk_pid"
  wrk_result restart
  restart_non2xx=$non2xx
  # While it is down, errors are expected (503 mostly; a request caught in the restart may time out): they are
  # printed, and the run after must have none.
  restart_socket_errors=$socket_errors
  restart_other=$(grep '^WRK tally' "$work/wrk-restart.txt" | awk '$3 !~ /^2/ && $3 != 503 {printf "%s %s: %s; ", $3, $4, $5}')
  [ "$health_down_a $health_down_b" = "503 503" ] || fail "/health while PostgreSQL was down: A $health_down_a, B $health_down_b (503 expected)"

  # After: both healthy, and a clean load run.
  local code
  for base in "$a_base" "$b_base"; do
    for _ in $(seq 1 300); do code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$base/health"); [ "$code" = 200 ] && break; sleep 0.1; done
    [ "$code" = 200 ] || fail "$base/health answered $code after PostgreSQL came back"
  done
  run_wrk after 5 uncached
  wait "$wrk_pid"
  wrk_result after
  after_errors=$((socket_errors + non2xx))
  [ "$after_errors" -eq 0 ] || fail "errors after PostgreSQL came back: $socket_errors socket errors, $non2xx non-2xx"
}

command_line_publish() {
  local marker="Published from the command line $(date +%s%N)."
  cp -r "$work/content" "$work/cli" && change_summary "$work/cli" "$CHANGED_CODE" "$marker" || { fail "could not make the content"; return; }
  verb import --content "$work/cli" >"$work/cli-import.log" 2>&1 || { tail -20 "$work/cli-import.log"; fail "the command-line import failed"; return; }
  published_at_ms=$(date +%s%3N)
  cli_delay_a=$(wait_for_marker "$a_base" "$marker")
  cli_delay_b=$(wait_for_marker "$b_base" "$marker")
  echo "  a command-line publish reached A after ${cli_delay_a} ms and B after ${cli_delay_b} ms"
  [[ "$cli_delay_a$cli_delay_b" =~ ^[0-9]+$ ]] || fail "a command-line publish did not reach both instances"
}

server_errors() { grep -cE 'responded 5[0-9]{2} ' "$1" || true; }

main() {
  prepare || { fail "preparation failed"; return; }
  start_postgres || { fail "PostgreSQL did not start"; return; }
  note "import into PostgreSQL from the command line"
  verb import --content "$work/content" >"$work/import.log" 2>&1 || { tail -30 "$work/import.log"; fail "the first import failed"; return; }
  admin_password="pw-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  echo "$admin_password" | verb admin add "$ADMIN_NAME" >"$work/admin-add.log" 2>&1 || { cat "$work/admin-add.log"; fail "admin add failed"; return; }
  start_instance a || { fail "instance A did not start"; return; }
  start_instance b || { fail "instance B did not start"; return; }
  start_nginx
  forwarded_headers
  sessions_are_shared
  publish_under_load
  publish_5xx=$(( $(server_errors "$work/a.log") + $(server_errors "$work/b.log") ))
  [ "$publish_5xx" -eq 0 ] || fail "the instances logged $publish_5xx answers 5xx while publishing under load"
  restart_under_load
  command_line_publish
}

main
finished=1
echo
echo "================ cluster: two instances on PostgreSQL behind nginx ================"
echo "forwarded headers:              a sign-in through nginx audited as ${forwarded_audit:-?}; canonical scheme ${forwarded_scheme:-?}"
echo "sign-in on A opens /admin on B:  ${shared_session:-?}"
echo "publish through A under load:   B after ${delay_b:-?} ms, A after ${delay_a:-?} ms (at most $MAX_DELAY_MS ms for B)"
echo "PostgreSQL restart under load:  ${restart_non2xx:-?} non-2xx while down (other than 503: ${restart_other:-none}), ${restart_socket_errors:-?} socket errors; /health down A ${health_down_a:-?} B ${health_down_b:-?}; errors after: ${after_errors:-?}"
echo "command-line publish:           A after ${cli_delay_a:-?} ms, B after ${cli_delay_b:-?} ms"
echo "duration:                       $(($(date +%s) - started)) s"
if [ "${#failures[@]}" -eq 0 ]; then echo "result:                         PASS"; else echo "result:                         FAIL (${#failures[@]})"; printf '  - %s\n' "${failures[@]}"; fi
[ "${#failures[@]}" -eq 0 ]
