# Shared by the .NET benchmarks (bench/content-admin.sh, bench/search.sh); source it, then
#
#   run_dotnet_bench <project> <postgres port> "$@"      e.g. run_dotnet_bench Portal.Bench.Search 5434 "$@"
#
# Builds bench/<project> in Release once and runs it on a fresh SQLite database. --postgres also
# starts a throwaway PostgreSQL cluster (scripts/lib/postgres.sh, as ./test.sh does, but with the
# server's default durability settings) and runs the same benchmark on it; arguments after `--` go
# to the benchmark. PORTAL_BENCH_POSTGRES=<connection string of a superuser> runs against an
# existing cluster instead (the benchmark creates a fresh database and drops it).

run_dotnet_bench() {
    local project=$1 port=$2
    shift 2
    local postgres=false
    while [[ $# -gt 0 ]]; do
        case $1 in
            --postgres) postgres=true; shift ;;
            --) shift; break ;;
            *) echo "usage: $0 [--postgres] [-- benchmark arguments]" >&2; exit 2 ;;
        esac
    done

    export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
    BENCH_OUT=$(mktemp -d "${TMPDIR:-/tmp}/portal-bench-build.XXXXXX")
    BENCH_PG_DIR=""
    trap _dotnet_bench_cleanup EXIT
    trap 'exit 130' INT TERM

    echo "[bench] dotnet build bench/$project -c Release" >&2
    dotnet build "bench/$project" -c Release -o "$BENCH_OUT" --nologo -v q >"$BENCH_OUT.log" 2>&1 \
        || { tail -n 30 "$BENCH_OUT.log" >&2; rm -f "$BENCH_OUT.log"; exit 1; }
    rm -f "$BENCH_OUT.log"

    if [[ -z ${PORTAL_BENCH_POSTGRES:-} ]]; then
        PORTAL_BENCH_POSTGRES= _dotnet_bench_run "$project" "$@"
    fi

    if $postgres && [[ -z ${PORTAL_BENCH_POSTGRES:-} ]]; then
        # shellcheck source=scripts/lib/postgres.sh
        source scripts/lib/postgres.sh
        BENCH_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/portal-bench-pg.XXXXXX")
        chmod 755 "$BENCH_PG_DIR"
        pg_ensure_installed || exit 1
        PG_EXTRA_OPTS="-c max_connections=100" pg_cluster_start "$BENCH_PG_DIR/pg" "$port" || exit 1
        pg_log "started PostgreSQL $PG_MAJOR on 127.0.0.1:$PG_PORT"
        export PORTAL_BENCH_POSTGRES
        PORTAL_BENCH_POSTGRES=$(pg_connection_string "$PG_PORT")
    fi

    if [[ -n ${PORTAL_BENCH_POSTGRES:-} ]]; then
        _dotnet_bench_run "$project" "$@"
    fi
}

_dotnet_bench_run() {
    local project=$1
    shift
    (cd "$BENCH_OUT" && dotnet "$project.dll" "$@")
}

_dotnet_bench_cleanup() {
    if [[ -n ${BENCH_PG_DIR:-} ]]; then
        pg_cluster_stop "$BENCH_PG_DIR" >/dev/null 2>&1 || true
        rm -rf "$BENCH_PG_DIR"
    fi
    rm -rf "${BENCH_OUT:-}"
}
