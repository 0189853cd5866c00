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
# shellcheck source=bench/lib/dotnet-bench.sh
source bench/lib/dotnet-bench.sh
run_dotnet_bench Portal.Bench.Search 5434 "$@"
