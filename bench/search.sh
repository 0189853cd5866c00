#!/usr/bin/env bash
# Search benchmark (issue 8 target: p95 < 50 ms over 100,000 Vietnamese articles across 100 sites).
#
#   bench/search.sh [--postgres] [-- ARGS]      e.g. bench/search.sh -- --tenants 10 --items 1000
#
# Builds bench/Portal.Bench.Search in Release and runs it on a fresh SQLite database: the real app
# in process, N sites provisioned by the real provisioner, M articles per site written straight into
# the search table, then /tim-kiem timed per query kind next to /health/live (bench/README.md).
# --postgres also starts a throwaway PostgreSQL cluster (scripts/lib/postgres.sh) and runs the same
# on it. ARGS: --tenants N (100) --items N (1000) --requests N (200) --warmup N (30).
# PORTAL_BENCH_POSTGRES=<connection string of a superuser> runs against an existing cluster instead.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
POSTGRES=false
while [[ $# -gt 0 ]]; do
    case $1 in
        --postgres) POSTGRES=true; shift ;;
        --) shift; break ;;
        *) echo "usage: $0 [--postgres] [-- driver arguments]" >&2; exit 2 ;;
    esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
OUT=$(mktemp -d "${TMPDIR:-/tmp}/portal-bench-build.XXXXXX")
PG_DIR=""
cleanup() {
    if [[ -n $PG_DIR ]]; then
        pg_cluster_stop "$PG_DIR" >/dev/null 2>&1 || true
        rm -rf "$PG_DIR"
    fi
    rm -rf "$OUT"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "[bench] dotnet build bench/Portal.Bench.Search -c Release" >&2
dotnet build bench/Portal.Bench.Search -c Release -o "$OUT" --nologo -v q >"$OUT.log" 2>&1 \
    || { tail -n 30 "$OUT.log" >&2; rm -f "$OUT.log"; exit 1; }
rm -f "$OUT.log"

run() { (cd "$OUT" && dotnet Portal.Bench.Search.dll "$@"); }

if [[ -z ${PORTAL_BENCH_POSTGRES:-} ]]; then
    PORTAL_BENCH_POSTGRES= run "$@"
fi

if $POSTGRES && [[ -z ${PORTAL_BENCH_POSTGRES:-} ]]; then
    # shellcheck source=scripts/lib/postgres.sh
    source scripts/lib/postgres.sh
    PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/portal-bench-pg.XXXXXX")
    chmod 755 "$PG_DIR"
    pg_ensure_installed || exit 1
    PG_EXTRA_OPTS="-c max_connections=100" pg_cluster_start "$PG_DIR/pg" 5434 || exit 1
    pg_log "started PostgreSQL $PG_MAJOR on 127.0.0.1:$PG_PORT"
    export PORTAL_BENCH_POSTGRES
    PORTAL_BENCH_POSTGRES=$(pg_connection_string "$PG_PORT")
fi

if [[ -n ${PORTAL_BENCH_POSTGRES:-} ]]; then
    run "$@"
fi
