#!/usr/bin/env bash
# The one test command: builds Portal.Orchard.sln and runs every test project in it
# against a throwaway PostgreSQL cluster that lives only as long as this script.
#
#   ./test.sh                                   all tests
#   ./test.sh --filter "FullyQualifiedName~Tenancy"   extra arguments go to `dotnet test`
#
# Environment:
#   CI=true                      PostgreSQL must start and Chromium must be installed, or the run
#                                fails (otherwise: a warning, and the PostgreSQL integration tests
#                                or the browser tests skip themselves)
#   PORTAL_TEST_RESULTS_DIR=DIR  keep a copy of the .trx files there
#   PORTAL_TEST_VERBOSITY=normal console logger verbosity (default: minimal)
#   PORTAL_TEST_HANG_TIMEOUT=20m abort a test host that hangs that long (default: 20m)
# Exported to the tests:
#   PORTAL_TEST_POSTGRES         superuser connection string of the throwaway cluster
#   PORTAL_TEST_CHROMIUM         the Chromium binary (/usr/bin/chromium)
#
# The last line of output is always "N passed, N failed[, N skipped]".
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
# shellcheck source=scripts/lib/postgres.sh
source scripts/lib/postgres.sh
# shellcheck source=scripts/lib/chromium.sh
source scripts/lib/chromium.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

is_ci=false
case "${CI:-}" in true | TRUE | True | 1 | yes) is_ci=true ;; esac

WORK=$(mktemp -d "${TMPDIR:-/tmp}/portal-test.XXXXXX")
chmod 755 "$WORK"            # user postgres must reach $WORK/pg
PG_DIR=$WORK/pg
RESULTS=$WORK/results
cleaned=false

cleanup() {
    $cleaned && return 0
    cleaned=true
    pg_cluster_stop "$PG_DIR" >/dev/null 2>&1 || pg_warn "could not stop PostgreSQL in $PG_DIR"
    if [ -n "${PORTAL_TEST_RESULTS_DIR:-}" ] && [ -d "$RESULTS" ]; then
        if mkdir -p "$PORTAL_TEST_RESULTS_DIR"; then
            find "$RESULTS" -name '*.trx' -exec cp {} "$PORTAL_TEST_RESULTS_DIR"/ \; || true
        fi
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Prints the summary line (always the last line) and exits.
finish() {
    local code=$1 passed=$2 failed=$3 skipped=$4
    if pg_cluster_running "$PG_DIR"; then
        pg_log "stopping PostgreSQL"
    fi
    cleanup
    if [ "$skipped" -gt 0 ]; then
        echo "$passed passed, $failed failed, $skipped skipped"
    else
        echo "$passed passed, $failed failed"
    fi
    exit "$code"
}

# ---- PostgreSQL -----------------------------------------------------------------
unset PORTAL_TEST_POSTGRES
start_postgres() {
    pg_ensure_installed || return 1
    # A throwaway cluster: durability is not wanted, speed is.
    PG_EXTRA_OPTS="-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        pg_cluster_start "$PG_DIR" 5433 || return 1
}
if start_postgres; then
    pg_log "started PostgreSQL $PG_MAJOR on 127.0.0.1:$PG_PORT"
    PORTAL_TEST_POSTGRES=$(pg_connection_string "$PG_PORT")
    export PORTAL_TEST_POSTGRES
elif $is_ci; then
    pg_warn "PostgreSQL could not be installed or started, and CI=true: the PostgreSQL tests must run in CI"
    finish 1 0 0 0
else
    pg_warn "WARNING: PostgreSQL could not be installed or started; the PostgreSQL integration tests will be skipped"
fi

# ---- Chromium -------------------------------------------------------------------
if chromium_ensure_installed; then
    export PORTAL_TEST_CHROMIUM=$CHROMIUM_PATH
elif $is_ci; then
    pg_warn "Chromium could not be installed, and CI=true: the browser tests must run in CI"
    finish 1 0 0 0
else
    pg_warn "WARNING: Chromium could not be installed; the browser tests will be skipped"
fi

# ---- build ----------------------------------------------------------------------
pg_log "restoring local tools"
if ! dotnet tool restore; then
    pg_warn "dotnet tool restore failed"
    finish 1 0 0 0
fi

pg_log "building Portal.Orchard.sln (Debug)"
if ! dotnet build Portal.Orchard.sln -c Debug --nologo; then
    pg_warn "the build failed"
    finish 1 0 0 0
fi

# ---- test -----------------------------------------------------------------------
pg_log "running tests"
mkdir -p "$RESULTS"
test_rc=0
dotnet test Portal.Orchard.sln -c Debug --no-build --nologo \
    --results-directory "$RESULTS" \
    --logger "trx" \
    --logger "console;verbosity=${PORTAL_TEST_VERBOSITY:-minimal}" \
    --blame-hang-timeout "${PORTAL_TEST_HANG_TIMEOUT:-20m}" --blame-hang-dump-type none \
    "$@" || test_rc=$?

# ---- summary --------------------------------------------------------------------
# Sum the <Counters .../> of every .trx file. A skipped test is a result with outcome
# NotExecuted: it counts in total but not in executed (the notExecuted counter stays 0).
read -r files total passed failed skipped < <(
    find "$RESULTS" -name '*.trx' -print0 | xargs -0 -r cat | awk '
        match($0, /<Counters [^>]*>/) {
            tag = substr($0, RSTART, RLENGTH); files++
            n = split("total executed passed failed error timeout aborted notExecuted", keys, " ")
            for (i = 1; i <= n; i++)
                if (match(tag, " " keys[i] "=\"[0-9]+\"")) {
                    v = substr(tag, RSTART, RLENGTH); gsub(/[^0-9]/, "", v); sum[keys[i]] += v
                }
        }
        END {
            skipped = sum["total"] - sum["executed"]
            if (sum["notExecuted"] > skipped) skipped = sum["notExecuted"]
            printf "%d %d %d %d %d\n", files, sum["total"], sum["passed"],
                sum["failed"] + sum["error"] + sum["timeout"] + sum["aborted"], skipped
        }'
)

code=0
if [ "$test_rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
    pg_warn "dotnet test exited with code $test_rc although no test failed: a test host crashed, hung or did not start (see above)"
    code=1
elif [ "$test_rc" -ne 0 ] || [ "$failed" -gt 0 ]; then
    code=1
fi
if [ "$((passed + failed))" -eq 0 ]; then
    pg_warn "no test ran ($files result files, $total tests found): failing the run"
    code=1
fi
finish "$code" "$passed" "$failed" "$skipped"
