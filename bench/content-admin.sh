#!/usr/bin/env bash
# Content admin benchmark (issue 6 targets): the admin list and saves with 10 sites x 10,000 items.
#
#   bench/content-admin.sh [--postgres] [-- ARGS]     e.g. bench/content-admin.sh --postgres -- --requests 300
#
# Builds bench/Portal.Bench.ContentAdmin in Release once and runs it on a fresh SQLite database.
# --postgres also starts a throwaway PostgreSQL cluster (scripts/lib/postgres.sh, as ./test.sh does,
# but with the server's default durability settings) and runs the same benchmark on it.
# ARGS go to the driver: --tenants N --items N --requests N --warmup N --data DIR --keep
# (see bench/README.md). PORTAL_BENCH_POSTGRES=<connection string of a superuser> runs against
# an existing cluster instead (a fresh database is created and dropped).
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

echo "[bench] dotnet build bench/Portal.Bench.ContentAdmin -c Release" >&2
dotnet build bench/Portal.Bench.ContentAdmin -c Release -o "$OUT" --nologo -v q >"$OUT.log" 2>&1 \
    || { tail -n 30 "$OUT.log" >&2; rm -f "$OUT.log"; exit 1; }
rm -f "$OUT.log"

run() { (cd "$OUT" && dotnet Portal.Bench.ContentAdmin.dll "$@"); }

if [[ -z ${PORTAL_BENCH_POSTGRES:-} ]]; then
    PORTAL_BENCH_POSTGRES= run "$@"
fi

if $POSTGRES && [[ -z ${PORTAL_BENCH_POSTGRES:-} ]]; then
    # shellcheck source=scripts/lib/postgres.sh
    source scripts/lib/postgres.sh
    PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/portal-bench-pg.XXXXXX")
    chmod 755 "$PG_DIR"
    pg_ensure_installed || exit 1
    PG_EXTRA_OPTS="-c max_connections=100" pg_cluster_start "$PG_DIR/pg" 5433 || exit 1
    pg_log "started PostgreSQL $PG_MAJOR on 127.0.0.1:$PG_PORT"
    export PORTAL_BENCH_POSTGRES
    PORTAL_BENCH_POSTGRES=$(pg_connection_string "$PG_PORT")
fi

if [[ -n ${PORTAL_BENCH_POSTGRES:-} ]]; then
    run "$@"
fi
