# Shell helpers shared by the scripts under tests/ (security/run.sh, cluster/run.sh). Source it after setting
# `work` (the script's temp folder); it keeps `failures` and `pids` for the caller's summary and clean-up.
# Every process a script starts goes into `pids` and is stopped by its pid; everything binds to 127.0.0.1.

failures=()
pids=()
fail() { failures+=("$1"); echo "FAIL: $1" >&2; }
note() { echo "== $(date +%H:%M:%S) $*"; }

stop_pid() { # stop one process we started: TERM, then KILL after 10 s
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  local kept=() p
  for p in "${pids[@]}"; do [ "$p" = "$pid" ] || kept+=("$p"); done
  pids=("${kept[@]}")
  return 0
}

# Runs a command in the background and waits for it, so a signal to this script is handled at once (bash runs a
# trap only after a foreground command ends) and the cleanup can stop the command by its pid.
in_background() {
  "$@" &
  local pid=$! status=0
  pids+=("$pid")
  wait "$pid" || status=$?
  stop_pid "$pid"
  return "$status"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

token_of() { # the first antiforgery token on a page
  grep -oE 'name="__RequestVerificationToken" type="hidden" value="[^"]+"' "$1" | head -1 | sed -E 's/.*value="([^"]+)"/\1/'
}

# apt_install NAME COMMAND...: installs the Debian packages for the commands that are missing.
apt_install() {
  local script=$1; shift
  local missing=() package
  for package in "$@"; do command -v "${package%%:*}" >/dev/null || missing+=("${package#*:}"); done
  [ "${#missing[@]}" -eq 0 ] && return 0
  note "installing from Debian: ${missing[*]}"
  apt-get update -q >"$work/apt.log" 2>&1 || { echo "$script: apt-get update failed (see $work/apt.log)"; return 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=300 "${missing[@]}" >>"$work/apt.log" 2>&1 \
    || { tail -20 "$work/apt.log"; echo "$script: apt-get install ${missing[*]} failed"; return 1; }
}

# sign_in BASE JAR NAME PASSWORD: an admin's sign-in with curl, as a browser does it (302 on success).
merge_corpus() { # merge_corpus REPO TOOLS WORK PAGES SEED: content/ plus generated pages into WORK/content
  local repo=$1 tools=$2 work=$3 pages=$4 seed=$5 file code
  cp -r "$repo/content" "$work/content"
  dotnet "$tools" generate-corpus --pages "$pages" --out "$work/generated" --seed "$seed" >"$work/generate.log" 2>&1 \
    || { cat "$work/generate.log"; echo "generate-corpus failed"; return 1; }
  # Generated files get a prefix; a generated code that content/ has already is left out.
  while IFS=, read -r file code; do
    [ "$file" = file ] && continue
    grep -q ",$code\$" "$work/content/codes.csv" && continue
    cp "$work/generated/$file" "$work/content/gen_$file"
    printf 'gen_%s,%s\n' "$file" "$code" >>"$work/content/codes.csv"
  done <"$work/generated/codes.csv"
}

sign_in() {
  local base=$1 jar=$2 page
  page=$(mktemp "$work/login.XXXXXX")
  curl -s --max-time 60 -b "$jar" -c "$jar" -o "$page" "$base/admin/login" || { echo "GET $base/admin/login failed"; return 1; }
  local token code
  token=$(token_of "$page")
  [ -n "$token" ] || { echo "no antiforgery token on $base/admin/login"; return 1; }
  code=$(curl -s --max-time 60 -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "Name=$3" \
    --data-urlencode "Password=$4" --data-urlencode "__RequestVerificationToken=$token" "$base/admin/login")
  [ "$code" = 302 ] || { echo "sign-in at $base answered $code, not 302"; return 1; }
}

# upload_and_publish BASE JAR ZIP CHANGED_CODE STARTED: as a signed-in admin (JAR), uploads ZIP to /admin/upload, follows
# the staged import, checks that its review lists CHANGED_CODE, publishes it; prints each step at +seconds after
# STARTED (epoch seconds). Sets published_at_ms to when the publish was answered.
upload_and_publish() {
  local base=$1 jar=$2 zip=$3 changed=$4 started=$5
  local dir token code status staged
  dir=$(mktemp -d "$work/admin.XXXXXX")
  local curl_=(curl -s --max-time 60 -b "$jar" -c "$jar")
  "${curl_[@]}" -o "$dir/admin.html" "$base/admin"
  token=$(token_of "$dir/admin.html")
  [ -n "$token" ] || { echo "no antiforgery token on /admin after signing in"; return 1; }
  code=$("${curl_[@]}" -o /dev/null -w '%{http_code}' -F "__RequestVerificationToken=$token" \
    -F "archive=@$zip;type=application/zip" "$base/admin/upload")
  [ "$code" = 302 ] || { echo "upload answered $code, not 302"; return 1; }
  echo "uploaded at +$(($(date +%s) - started)) s"
  for _ in $(seq 1 240); do
    status=$("${curl_[@]}" "$base/admin/api/import-status")
    [ "$(jq -r '.running' <<<"$status" 2>/dev/null)" = false ] && break
    sleep 0.5
  done
  echo "import status: $status"
  [ "$(jq -r '.lastSucceeded' <<<"$status")" = true ] || { echo "the staged import did not succeed"; return 1; }
  staged=$(jq -r '.lastStagedId' <<<"$status")
  echo "staged $staged at +$(($(date +%s) - started)) s"
  "${curl_[@]}" -o "$dir/review.html" "$base/admin/imports/$staged"
  grep -q "$changed" "$dir/review.html" || { echo "the review page does not list $changed as changed"; return 1; }
  token=$(token_of "$dir/review.html")
  code=$("${curl_[@]}" -o /dev/null -w '%{http_code}' --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "confirm=yes" "$base/admin/imports/$staged?handler=Publish")
  published_at_ms=$(date +%s%3N)
  [ "$code" = 302 ] || { echo "publish answered $code, not 302"; return 1; }
  "${curl_[@]}" -o "$dir/after.html" "$base/admin"
  grep -m1 -oE 'published v[0-9]+: [^<]*' "$dir/after.html" || { echo "no 'published vN' notice on /admin after publishing"; return 1; }
  echo "published at +$(($(date +%s) - started)) s"
}

# change_summary FOLDER CODE MARKER: puts MARKER at the start of CODE's summary in a content folder's page file.
change_summary() {
  local file
  file=$(grep ",$2\$" "$1/codes.csv" | cut -d, -f1)
  python3 - "$1/$file" "$3" <<'PY'
import sys
path, marker = sys.argv[1], sys.argv[2]
lines = open(path, encoding="utf-8").read().split("\n")
i = lines.index("Summary") + 1
while not lines[i].strip():
    i += 1
lines[i] = marker + " " + lines[i]
open(path, "w", encoding="utf-8").write("\n".join(lines))
PY
}
