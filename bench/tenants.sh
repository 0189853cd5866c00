#!/usr/bin/env bash
# Multi-tenant benchmark: N component-site tenants in one Portal.Web process.
#
#   bench/tenants.sh N [DURATION]      e.g. bench/tenants.sh 2000 20s
#
# Builds Release once, starts the app on a fresh SQLite database in a temp folder (first run
# provisions the province portal), stops it, provisions N component sites with the operator
# command `tenants import`, restarts it and measures: idle/peak RSS, first-request latency of
# never-hit tenants vs warm ones, and wrk throughput rotating the Host header over all N
# tenants (on / and on /health/live). Loopback only; everything is bounded in time; the app is
# stopped and the temp folder removed on exit. See bench/README.md.
#
# Optional environment:
#   BENCH_APP_DIR=<dir>      reuse an existing `dotnet publish` output instead of building
#   BENCH_SAMPLE=50          how many never-hit tenants the cold/warm probe uses
#   BENCH_WARMUP=2000        requests to donvi1 before the cold/warm probe (JIT warm-up)
#   BENCH_THREADS=2 BENCH_CONNECTIONS=64   wrk settings
#   BENCH_KEEP=1             keep the temp folder (database, logs) instead of deleting it
set -euo pipefail

usage() { echo "usage: $0 N [DURATION]   (N >= 1 tenants, DURATION like 20 or 20s; default 20s)" >&2; exit 2; }
[[ $# -ge 1 && $1 =~ ^[1-9][0-9]*$ ]] || usage
N=$1
DURATION=${2:-20s}
[[ $DURATION =~ ^[0-9]+$ ]] && DURATION="${DURATION}s"
[[ $DURATION =~ ^[0-9]+[smh]$ ]] || usage

SAMPLE=${BENCH_SAMPLE:-50}
WARMUP=${BENCH_WARMUP:-2000}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
BASE_DOMAIN=thainguyen.localhost
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
# Labelled result lines go to stdout (and are easy to grep: "RESULT <name>: <value>").
result() { printf 'RESULT %-34s %s\n' "$1:" "$2"; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/portal-bench.XXXXXX")
APP_PID=""
SAMPLER_PID=""

stop_app() {
  [[ -n $APP_PID ]] || return 0
  if kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$APP_PID" 2>/dev/null; then kill -KILL "$APP_PID" 2>/dev/null || true; fi
  fi
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n $SAMPLER_PID ]]; then kill "$SAMPLER_PID" 2>/dev/null || true; fi
  stop_app
  if [[ $rc -ne 0 && -f $TMP/app.log ]]; then
    log "exit code $rc; last lines of the app log:"
    tail -n 40 "$TMP/app.log" >&2 || true
  fi
  if [[ ${BENCH_KEEP:-0} == 1 ]]; then log "kept $TMP"; else rm -rf "$TMP"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- 1. wrk -----------------------------------------------------------------------------------
if ! command -v wrk >/dev/null 2>&1; then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  log "installing wrk"
  if ! $SUDO apt-get install -y -q wrk >/dev/null 2>&1; then
    { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q wrk >/dev/null; } || die "could not install wrk"
  fi
fi
command -v curl >/dev/null || die "curl is required"

# --- 2. build ---------------------------------------------------------------------------------
if [[ -n ${BENCH_APP_DIR:-} ]]; then
  APP=$(cd "$BENCH_APP_DIR" && pwd)
  log "using prebuilt app in $APP"
else
  APP=$TMP/app
  log "dotnet publish src/Portal.Web -c Release (one build)"
  timeout 900 dotnet publish "$ROOT/src/Portal.Web" -c Release -o "$APP" --nologo -v q >"$TMP/build.log" 2>&1 \
    || { tail -n 30 "$TMP/build.log" >&2; die "build failed"; }
fi
[[ -f $APP/Portal.Web.dll && -d $APP/recipes ]] || die "$APP has no Portal.Web.dll or recipes/"

# --- 3. environment -----------------------------------------------------------------------------
free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
  else
    local p
    for _ in $(seq 1 50); do
      p=$((20000 + RANDOM % 20000))
      ss -ltnH "sport = :$p" 2>/dev/null | grep -q . || { echo "$p"; return; }
    done
    die "no free port"
  fi
}
PORT=$(free_port)
URL=http://127.0.0.1:$PORT
ADMIN_PASSWORD="Bn$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)#7x"

export ASPNETCORE_ENVIRONMENT=Production
export Portal__Tenants__BaseDomain=$BASE_DOMAIN
export Portal__Database__ConnectionString="Data Source=$TMP/portal.db"
export Portal__Setup__Demo=false
export Portal__Setup__AdminPassword=$ADMIN_PASSWORD
export Portal__DataProtection__AllowUnprotectedKeys=true   # throwaway keys of a benchmark run
export ASPNETCORE_URLS=$URL
export Serilog__MinimumLevel__Default=Warning
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

start_app() {
  # The content root is the working directory (appsettings.json); exec keeps $! = dotnet's pid.
  (cd "$APP" && exec dotnet Portal.Web.dll) >>"$TMP/app.log" 2>&1 &
  APP_PID=$!
  local deadline=$((SECONDS + ${1:-180}))
  until [[ $(curl -s -o /dev/null -m 2 -w '%{http_code}' "$URL/health/ready" || true) == 200 ]]; do
    kill -0 "$APP_PID" 2>/dev/null || die "the app exited before /health/ready answered 200"
    ((SECONDS < deadline)) || die "/health/ready did not answer 200 within ${1:-180}s"
    sleep 0.2
  done
}

# VmRSS / VmHWM of the app in MB (one decimal).
mem_mb() { awk -v k="$1:" '$1 == k { printf "%.1f", $2 / 1024 }' "/proc/$APP_PID/status"; }

# Percentile (nearest rank) of the numbers in a file, one per line.
pct() { sort -g "$1" | awk -v p="$2" '{ a[NR] = $1 } END { if (NR == 0) { print "nan"; exit } i = int(NR * p / 100 + 0.999999); if (i < 1) i = 1; if (i > NR) i = NR; print a[i] }'; }

# wrk latency like "1.23ms", "850.00us", "1.02s" -> milliseconds.
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

log "temp folder $TMP, app on $URL"
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
result "loadavg_at_start (1/5/15 min)" "$(loadavg) on $(nproc) cores"

# --- first run: creates the database and the province portal --------------------------------------
log "first run: migrations + province portal (tenant Default)"
t0=$(date +%s.%N)
start_app 300
t1=$(date +%s.%N)
result "first_run_setup_s" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')"
sleep 1
result "rss_idle_first_run_MB (1 tenant)" "$(mem_mb VmRSS)"
code=$(curl -s -o /dev/null -m 5 -w '%{http_code}' -H "Host: $BASE_DOMAIN" "$URL/")
[[ $code == 200 ]] || die "province portal home answered $code"
stop_app

# --- 4. provision N component sites with the app stopped ----------------------------------------
IMPORT=$TMP/tenants.txt
for ((i = 1; i <= N; i++)); do echo "Đơn vị thử nghiệm $i;organisation;donvi$i"; done >"$IMPORT"
PROVISION_TIMEOUT=$((120 + N * 2))
log "provisioning $N tenants: dotnet Portal.Web.dll tenants import (timeout ${PROVISION_TIMEOUT}s)"
t0=$(date +%s.%N); start_s=$SECONDS
set +e
(cd "$APP" && timeout "$PROVISION_TIMEOUT" dotnet Portal.Web.dll tenants import "$IMPORT") 2>&1 \
  | tee "$TMP/import.log" | grep --line-buffered -E '^(Đã xử lý|Dòng|Lỗi|Unhandled|Cổng thông tin)' \
  | while IFS= read -r line; do printf '[bench +%ds] %s\n' "$((SECONDS - start_s))" "$line"; done >&2
rc=${PIPESTATUS[0]}
set -e
t1=$(date +%s.%N)
# (The import prints each new site's admin password: never echo those lines.)
[[ $rc -eq 0 ]] || { grep -v 'mật khẩu: ' "$TMP/import.log" | tail -n 30 >&2; die "tenants import exited with $rc"; }
PROVISION_S=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
result "provision_s" "$PROVISION_S"
result "provision_tenants_per_s" "$(awk -v n="$N" -v s="$PROVISION_S" 'BEGIN { printf "%.1f", n / s }')"
result "db_size_MB" "$(du -m "$TMP"/portal.db* | awk '{ s += $1 } END { print s }')"

# --- restart with N+1 tenants -------------------------------------------------------------------
log "restarting the app"
t0=$(date +%s.%N)
start_app 180
t1=$(date +%s.%N)
result "restart_to_ready_s" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')"
sleep 2
RSS_IDLE=$(mem_mb VmRSS)
result "rss_idle_MB (after restart)" "$RSS_IDLE"

# --- 5a. cold vs warm first request ---------------------------------------------------------------
log "JIT warm-up: $WARMUP requests to donvi1"
CFG=$TMP/warmup.curl
for ((i = 0; i < WARMUP; i++)); do echo "url = \"$URL/\""; echo 'output = "/dev/null"'; done >"$CFG"
curl -s -m 120 -H "Host: donvi1.$BASE_DOMAIN" -w '%{http_code}\n' -K "$CFG" | sort | uniq -c | awk '{ printf "[bench] warm-up status %s x%s\n", $2, $1 }' >&2

# Never-hit tenants: a random sample of donvi2..N (all of them when N <= SAMPLE+1).
if ((N >= 2)); then
  seq 2 "$N" | shuf -n "$SAMPLE" >"$TMP/sample.txt"
else
  echo 1 >"$TMP/sample.txt"
fi
: >"$TMP/cold.txt"; : >"$TMP/warm.txt"; : >"$TMP/diff.txt"
bad=0
while read -r i; do
  host="donvi$i.$BASE_DOMAIN"
  read -r c_code c_t < <(curl -s -o /dev/null -m 10 -H "Host: $host" -w '%{http_code} %{time_total}\n' "$URL/")
  read -r w_code w_t < <(curl -s -o /dev/null -m 10 -H "Host: $host" -w '%{http_code} %{time_total}\n' "$URL/")
  [[ $c_code == 200 && $w_code == 200 ]] || { bad=$((bad + 1)); log "$host answered $c_code then $w_code"; }
  awk -v c="$c_t" -v w="$w_t" 'BEGIN { printf "%.3f\n", c * 1000 }' >>"$TMP/cold.txt"
  awk -v c="$c_t" -v w="$w_t" 'BEGIN { printf "%.3f\n", w * 1000 }' >>"$TMP/warm.txt"
  awk -v c="$c_t" -v w="$w_t" 'BEGIN { printf "%.3f\n", (c - w) * 1000 }' >>"$TMP/diff.txt"
done <"$TMP/sample.txt"
SAMPLED=$(wc -l <"$TMP/sample.txt")
COLD_P50=$(pct "$TMP/cold.txt" 50); WARM_P50=$(pct "$TMP/warm.txt" 50)
result "first_request_sample" "$SAMPLED never-hit tenants (non-200: $bad)"
result "cold_first_request_ms p50 / p90" "$COLD_P50 / $(pct "$TMP/cold.txt" 90)"
result "warm_second_request_ms p50 / p90" "$WARM_P50 / $(pct "$TMP/warm.txt" 90)"
COLD_MINUS_WARM=$(awk -v c="$COLD_P50" -v w="$WARM_P50" 'BEGIN { printf "%.3f", c - w }')
result "cold_minus_warm_ms p50 / p90" "$COLD_MINUS_WARM / $(awk -v c="$(pct "$TMP/cold.txt" 90)" -v w="$(pct "$TMP/warm.txt" 90)" 'BEGIN { printf "%.3f", c - w }')"
result "per_tenant_cold_minus_warm_ms p50" "$(pct "$TMP/diff.txt" 50)"
((bad == 0)) || die "$bad sampled tenants did not answer 200"

# Every tenant's home must answer 200 before the load (one curl process, one connection).
CFG=$TMP/all.curl
for ((i = 1; i <= N; i++)); do
  ((i == 1)) || echo next
  printf 'url = "%s/"\noutput = "/dev/null"\nheader = "Host: donvi%d.%s"\nwrite-out = "%%{http_code}\\n"\n' "$URL" "$i" "$BASE_DOMAIN"
done >"$CFG"
non200=$(curl -s -m 300 -K "$CFG" | grep -vc '^200$' || true)
result "all_tenants_home_non_200" "$non200 of $N"
[[ $non200 -eq 0 ]] || die "$non200 tenants' home did not answer 200"
result "rss_after_warmup_MB" "$(mem_mb VmRSS)"

# --- 5b. throughput -----------------------------------------------------------------------------------
# Sample VmRSS during the load (VmHWM gives the peak anyway; this gives the peak of the load alone).
(while kill -0 "$APP_PID" 2>/dev/null; do awk '$1 == "VmRSS:" { print $2 }' "/proc/$APP_PID/status"; sleep 0.5; done >"$TMP/rss-samples.txt" 2>/dev/null) &
SAMPLER_PID=$!

run_wrk() { # name path
  local name=$1 path=$2 out=$TMP/wrk-$1.txt
  log "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, Host rotating over donvi1..$N, path $path"
  BENCH_N=$N BENCH_BASE=$BASE_DOMAIN BENCH_PATH=$path \
    timeout 600 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 5s --latency -s "$HERE/rotate-hosts.lua" "$URL$path" >"$out" 2>&1 \
    || { cat "$out" >&2; die "wrk failed"; }
  sed 's/^/    /' "$out" >&2
  local rps p50 p99 non2xx errors
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$out"); non2xx=${non2xx:-0}
  errors=$(awk '/Socket errors:/ { sub(/.*Socket errors: /, ""); print }' "$out"); errors=${errors:-none}
  result "${name}_requests_per_s" "$rps"
  result "${name}_latency_ms p50 / p99" "$p50 / $p99"
  result "${name}_non_2xx_or_3xx" "$non2xx"
  result "${name}_socket_errors" "$errors"
  W[${name}_rps]=$rps; W[${name}_p50]=$p50; W[${name}_p99]=$p99; W[${name}_non2xx]=$non2xx
}
result "loadavg_before_wrk" "$(loadavg)"
declare -A W
run_wrk home /
run_wrk health /health/live
kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""

result "loadavg_after_wrk" "$(loadavg)"
RSS_LOAD_MAX=$(sort -n "$TMP/rss-samples.txt" | tail -n 1 | awk '{ printf "%.1f", $1 / 1024 }')
result "rss_max_during_load_MB" "$RSS_LOAD_MAX"
result "rss_after_load_MB" "$(mem_mb VmRSS)"
RSS_PEAK=$(mem_mb VmHWM)
result "rss_peak_MB (VmHWM, whole run)" "$RSS_PEAK"

stop_app
echo "N=$N provision=${PROVISION_S}s rss_idle=${RSS_IDLE}MB rss_peak=${RSS_PEAK}MB rps_home=${W[home_rps]} p50=${W[home_p50]}ms p99=${W[home_p99]}ms rps_health=${W[health_rps]} cold_minus_warm_p50=${COLD_MINUS_WARM}ms"
if [[ ${W[home_non2xx]} != 0 || ${W[health_non2xx]} != 0 ]]; then
  die "non-2xx/3xx responses under load (home ${W[home_non2xx]}, health ${W[health_non2xx]})"
fi
