#!/usr/bin/env bash
# Public pages: the output cache against a bare ASP.NET Core app serving the same bytes (issue 8).
#
#   bench/public-pages.sh [DURATION]          e.g. bench/public-pages.sh 20s
#
# 1. Builds (Release) the content-admin bench driver (it seeds), publishes Portal.Web and builds
#    the baseline app (bench/Portal.Bench.Baseline).
# 2. Seeds a SQLite database with BENCH_TENANTS component sites (default 3) of 10,000 articles
#    each (BENCH_ITEMS), with the driver's fast seeding (bench/Portal.Bench.ContentAdmin), or
#    reuses BENCH_SEED_DIR when it holds one (seed.json + portal.db).
# 3. Starts the real portal (Production, Release) on a copy of it, finds published article pages
#    answering 200 on every site, captures one article's bytes, and runs wrk rotating over the
#    sites and their articles (bench/rotate-pages.lua) against, in this order:
#      cached    the portal, output cache on (every page warmed first)
#      baseline  the bare app serving the captured article bytes, right after
#      uncached  the portal restarted with Portal__PublicCache__Enabled=false
#      uncached_home  each site's home page, same portal
#      health    /health/live of that portal
#    then prints requests/s, latencies, the ratios to the baseline (targets: cached >= 0.75,
#    uncached >= 0.15) and the load average before and after each run.
# 4. Lighthouse (../shared/tools/lighthouse.sh, mobile preset) on a site's home and an article,
#    served with the cache on: performance, accessibility, LCP, TBT, CLS.
#
# Environment: BENCH_THREADS=2 BENCH_CONNECTIONS=64 (wrk), BENCH_TENANTS=3 BENCH_ITEMS=10000,
# BENCH_PAGES=20 (articles per site in the rotation), BENCH_WARMUP=30s (unmeasured load before each run), BENCH_SEED_DIR=<dir> (reuse or keep the
# seed), BENCH_BUILD_DIR=<dir> (keep the builds there and reuse them), BENCH_LIGHTHOUSE=0 (skip Lighthouse), BENCH_KEEP=1 (keep the temp folder).
# Loopback only; the apps are stopped and the temp folder removed on exit.
set -euo pipefail

DURATION=${1:-20s}
[[ $DURATION =~ ^[0-9]+$ ]] && DURATION="${DURATION}s"
[[ $DURATION =~ ^[0-9]+[smh]$ ]] || { echo "usage: $0 [DURATION]" >&2; exit 2; }
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
TENANTS=${BENCH_TENANTS:-3}
ITEMS=${BENCH_ITEMS:-10000}
PAGES=${BENCH_PAGES:-20}
BASE_DOMAIN=thainguyen.localhost
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
LIGHTHOUSE=${LIGHTHOUSE_SH:-$ROOT/../shared/tools/lighthouse.sh}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
result() { printf 'RESULT %-36s %s\n' "$1:" "$2"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/portal-pages.XXXXXX")
APP_PID=""
stop_app() {
  [[ -n $APP_PID ]] || return 0
  kill -TERM "$APP_PID" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_app
  if [[ $rc -ne 0 && -f $TMP/app.log ]]; then tail -n 30 "$TMP/app.log" >&2 || true; fi
  if [[ ${BENCH_KEEP:-0} == 1 ]]; then log "kept $TMP"; else rm -rf "$TMP"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v wrk >/dev/null || { apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }; } || die "wrk is required"
command -v python3 >/dev/null || die "python3 is required"

# --- 1. builds ----------------------------------------------------------------------------------
BUILD=${BENCH_BUILD_DIR:-$TMP/build}
if [[ -n ${BENCH_BUILD_DIR:-} && -f $BUILD/app/Portal.Web.dll && -f $BUILD/driver/Portal.Bench.ContentAdmin.dll && -f $BUILD/baseline/Portal.Bench.Baseline.dll ]]; then
  log "reusing the builds in $BUILD"
else
  log "building (Release): seeding driver, Portal.Web, baseline"
  timeout 1800 dotnet build "$HERE/Portal.Bench.ContentAdmin" -c Release -o "$BUILD/driver" --nologo -v q >"$TMP/build.log" 2>&1 || { tail -n 30 "$TMP/build.log" >&2; die "driver build failed"; }
  timeout 1800 dotnet publish "$ROOT/src/Portal.Web" -c Release -o "$BUILD/app" --nologo -v q >"$TMP/build.log" 2>&1 || { tail -n 30 "$TMP/build.log" >&2; die "publish failed"; }
  timeout 900 dotnet build "$HERE/Portal.Bench.Baseline" -c Release -o "$BUILD/baseline" --nologo -v q >"$TMP/build.log" 2>&1 || { tail -n 30 "$TMP/build.log" >&2; die "baseline build failed"; }
fi

# --- 2. seed --------------------------------------------------------------------------------------
SEED=${BENCH_SEED_DIR:-$TMP/seed}
if [[ -f $SEED/seed.json && -f $SEED/portal.db ]]; then
  log "reusing the seed in $SEED"
else
  log "seeding $TENANTS sites x $ITEMS articles into $SEED (driver's fast seeding)"
  (cd "$BUILD/driver" && timeout 3600 dotnet Portal.Bench.ContentAdmin.dll --tenants "$TENANTS" --items "$ITEMS" --data "$SEED" --scenarios health --requests 5 --warmup 1) \
    >"$TMP/seed.log" 2>&1 || { tail -n 30 "$TMP/seed.log" >&2; die "seeding failed"; }
  grep -E 'provisioned|items/s|seeded' "$TMP/seed.log" | sed 's/^/    /' >&2 || true
fi

# --- 3. the portal --------------------------------------------------------------------------------
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
PORT=$(free_port)
URL=http://127.0.0.1:$PORT
cp "$SEED/portal.db" "$TMP/portal.db"
export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$URL
export Portal__Tenants__BaseDomain=$BASE_DOMAIN
export Portal__Database__ConnectionString="Data Source=$TMP/portal.db"
export Portal__Setup__Demo=false
export Portal__DataProtection__KeysPath=$TMP/keys Portal__DataProtection__AllowUnprotectedKeys=true
export Portal__Media__StoragePath=$TMP/media
export Serilog__MinimumLevel__Default=Warning

wait_ready() {
  local deadline=$((SECONDS + 180))
  until [[ $(curl -s -o /dev/null -m 2 -w '%{http_code}' "$URL/health/live" || true) == 200 ]]; do
    kill -0 "$APP_PID" 2>/dev/null || die "the app exited before answering"
    ((SECONDS < deadline)) || die "no answer within 180 s"
    sleep 0.2
  done
}
start_portal() { # cache on|off
  (cd "$BUILD/app" && Portal__PublicCache__Enabled=$1 exec dotnet Portal.Web.dll) >>"$TMP/app.log" 2>&1 &
  APP_PID=$!
  wait_ready
}
status_of() { curl -s -o /dev/null -m 10 -H "Host: $1" -w '%{http_code}' "$URL$2"; }

log "starting the portal (cache on) on $URL"
start_portal true

# Published articles answering 200 on every seeded site (every third seeded item is published).
python3 - "$SEED/seed.json" >"$TMP/candidates.txt" <<'PY'
import json, sys
seed = json.load(open(sys.argv[1]))
for t in seed["tenants"]:
    for item in t["items"]:
        print(t["host"], "/" + item["path"].lstrip("/"))
PY
: >"$TMP/targets.txt"
declare -A PER_HOST
while read -r host path; do
  [[ ${PER_HOST[$host]:-0} -lt $PAGES ]] || continue
  if [[ $(status_of "$host" "$path") == 200 ]]; then
    echo "$host $path" >>"$TMP/targets.txt"; PER_HOST[$host]=$((${PER_HOST[$host]:-0} + 1))
  fi
done <"$TMP/candidates.txt"
TARGETS=$(wc -l <"$TMP/targets.txt")
if ((TARGETS == 0)); then
  # Without the site's article route (before the theme is merged), measure each site's home instead.
  log "WARNING: no article page answered 200; measuring each site's home page instead"
  python3 -c 'import json,sys; [print(t["host"], "/") for t in json.load(open(sys.argv[1]))["tenants"]]' "$SEED/seed.json" >"$TMP/targets.txt"
  TARGETS=$(wc -l <"$TMP/targets.txt")
fi
read -r ART_HOST ART_PATH < <(head -n 1 "$TMP/targets.txt")
curl -s -m 10 -H "Host: $ART_HOST" "$URL$ART_PATH" -o "$TMP/article.html"
result "rotation" "$TARGETS pages over $(awk '{ print $1 }' "$TMP/targets.txt" | sort -u | wc -l) sites ($PAGES per site max)"
result "article_page_bytes" "$(stat -c %s "$TMP/article.html") ($ART_HOST$ART_PATH)"
while read -r host path; do curl -s -o /dev/null -H "Host: $host" "$URL$path"; done <"$TMP/targets.txt"
result "article_second_request_x_cache" "$(curl -s -D - -o /dev/null -H "Host: $ART_HOST" "$URL$ART_PATH" | awk -F': ' 'tolower($1) == "x-cache" { print $2 }' | tr -d '\r')"

# Tiered compilation needs tens of seconds of load before the hot paths run optimised code (an
# uncached page cost 2.8 ms of CPU in the first 10 s, 0.8 ms after 40 s): each portal run is
# preceded by WARMUP of the same load, not measured.
WARMUP=${BENCH_WARMUP:-30s}
warm_up() { # url targets-file
  log "warming up for $WARMUP"
  BENCH_TARGETS=$2 timeout 600 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 5s -s "$HERE/rotate-pages.lua" "$1" >/dev/null 2>&1 || true
}

declare -A RPS
run_wrk() { # name url targets-file
  local name=$1 out=$TMP/wrk-$1.txt
  result "${name}_loadavg_before" "$(loadavg)"
  BENCH_TARGETS=$3 timeout 600 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 5s --latency -s "$HERE/rotate-pages.lua" "$2" >"$out" 2>&1 \
    || { cat "$out" >&2; die "wrk failed"; }
  local rps non2xx
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$out")
  RPS[$name]=$rps
  result "${name}_requests_per_s" "$rps"
  result "${name}_latency p50 / p99" "$(awk '$1 == "50%" { a = $2 } $1 == "99%" { b = $2 } END { print a " / " b }' "$out")"
  result "${name}_non_2xx_or_3xx" "${non2xx:-0}"
  result "${name}_loadavg_after" "$(loadavg)"
}

warm_up "$URL" "$TMP/targets.txt"
run_wrk cached "$URL" "$TMP/targets.txt"

if [[ ${BENCH_LIGHTHOUSE:-1} == 1 && -x $LIGHTHOUSE ]]; then
  for page in "home /" "article $ART_PATH"; do
    read -r name path <<<"$page"
    log "lighthouse (mobile) on $name"
    if json=$(LH_REPORTS=$TMP/lighthouse "$LIGHTHOUSE" "http://$ART_HOST:$PORT$path" mobile 2>>"$TMP/lighthouse.log"); then
      result "lighthouse_${name}_mobile" "$(python3 -c 'import json,sys; m=json.loads(sys.argv[1])["mobile"]; print("performance %s, accessibility %s, LCP %s ms, TBT %s ms, CLS %s, failed a11y audits %s" % (m["performance"], m["accessibility"], m["lcp_ms"], m["tbt_ms"], m["cls"], ",".join(m["a11y_failed"]) or "none"))' "$json")"
    else
      result "lighthouse_${name}_mobile" "failed (see $TMP/lighthouse.log)"
    fi
  done
fi
stop_app

# --- baseline: the same bytes from a bare app, right after ---------------------------------------------
log "baseline app serving $(stat -c %s "$TMP/article.html") bytes"
(cd "$BUILD/baseline" && BASELINE_PAGE=$TMP/article.html exec dotnet Portal.Bench.Baseline.dll) >>"$TMP/baseline.log" 2>&1 &
APP_PID=$!
wait_ready
warm_up "$URL" "$TMP/targets.txt"
run_wrk baseline "$URL" "$TMP/targets.txt"
stop_app

# --- uncached, then health -------------------------------------------------------------------------------
log "restarting the portal with the output cache off"
start_portal false
while read -r host path; do curl -s -o /dev/null -H "Host: $host" "$URL$path"; done <"$TMP/targets.txt"
result "uncached_x_cache_header" "$(curl -s -D - -o /dev/null -H "Host: $ART_HOST" "$URL$ART_PATH" | awk -F': ' 'tolower($1) == "x-cache" { print $2 }' | tr -d '\r')(none expected)"
warm_up "$URL" "$TMP/targets.txt"
run_wrk uncached "$URL" "$TMP/targets.txt"
# Each site's home page, uncached too: its boxes (featured, latest, categories, announcements) are
# the most queries of any page (not a target; reported so that a regression shows).
awk '{ print $1, "/" }' "$TMP/targets.txt" | sort -u >"$TMP/homes.txt"
run_wrk uncached_home "$URL" "$TMP/homes.txt"
awk '{ print $1, "/health/live" }' "$TMP/targets.txt" | sort -u >"$TMP/health.txt"
run_wrk health "$URL" "$TMP/health.txt"
stop_app

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
CACHED_RATIO=$(ratio "${RPS[cached]}" "${RPS[baseline]}")
UNCACHED_RATIO=$(ratio "${RPS[uncached]}" "${RPS[baseline]}")
verdict() { awk -v r="$1" -v t="$2" 'BEGIN { print (r + 0 >= t) ? "met" : "MISSED" }'; }
result "cached / baseline" "$CACHED_RATIO (target >= 0.75: $(verdict "$CACHED_RATIO" 0.75))"
result "uncached / baseline" "$UNCACHED_RATIO (target >= 0.15: $(verdict "$UNCACHED_RATIO" 0.15))"
result "uncached home / baseline" "$(ratio "${RPS[uncached_home]}" "${RPS[baseline]}")"
result "health / baseline" "$(ratio "${RPS[health]}" "${RPS[baseline]}")"
echo "cached=${RPS[cached]} baseline=${RPS[baseline]} uncached=${RPS[uncached]} health=${RPS[health]} cached_ratio=$CACHED_RATIO uncached_ratio=$UNCACHED_RATIO load=$(loadavg)"
