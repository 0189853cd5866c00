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
# shellcheck source=bench/lib/dotnet-bench.sh
source bench/lib/dotnet-bench.sh
run_dotnet_bench Portal.Bench.ContentAdmin 5433 "$@"
