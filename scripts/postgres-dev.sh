#!/usr/bin/env bash
# A local PostgreSQL cluster for running the portal on PostgreSQL while developing.
#
#   scripts/postgres-dev.sh start    install PostgreSQL if needed, start the cluster,
#                                    create database "portal", print the connection string
#   scripts/postgres-dev.sh status   print whether it runs and its connection string
#   scripts/postgres-dev.sh stop     stop it (the data stays)
#
# The cluster listens on 127.0.0.1 only (port 5433, or the next free one), trusts every
# local connection and keeps its data in App_Data/postgres at the repository root, the
# folder that also holds the SQLite file and the keys of `dotnet run` (or /tmp/portal-postgres-dev
# when user postgres cannot reach the repository); PORTAL_PG_DIR=DIR chooses another
# folder. Delete the folder (after `stop`) to start from scratch.
# ./test.sh never uses this cluster: it starts a throwaway one of its own.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib/postgres.sh
source "$ROOT/scripts/lib/postgres.sh"

DATABASE=portal
REPO_DIR=$ROOT/App_Data/postgres
TMP_DIR=/tmp/portal-postgres-dev-$(id -u)

# The folder of an existing cluster, else where a new one goes.
cluster_dir() {
    if [ -n "${PORTAL_PG_DIR:-}" ]; then
        echo "$PORTAL_PG_DIR"
    elif [ -f "$REPO_DIR/data/PG_VERSION" ]; then
        echo "$REPO_DIR"
    elif [ -f "$TMP_DIR/data/PG_VERSION" ]; then
        echo "$TMP_DIR"
    elif [ "${#REPO_DIR}" -le 80 ] && pg_as_owner test -x "$ROOT" 2>/dev/null; then
        echo "$REPO_DIR"
    else
        echo "$TMP_DIR"
    fi
}

print_connection() {
    local port
    port=$(cat "$1/port")
    echo "Connection string:  $(pg_connection_string "$port" "$DATABASE")"
    echo "Tests against it:   export PORTAL_TEST_POSTGRES=\"$(pg_connection_string "$port")\""
    echo "psql:               psql -h 127.0.0.1 -p $port -U postgres $DATABASE"
}

DIR=$(cluster_dir)
case "${1:-}" in
start)
    if pg_cluster_running "$DIR"; then
        pg_log "PostgreSQL already runs in $DIR"
        print_connection "$DIR"
        exit 0
    fi
    pg_ensure_installed || exit 1
    pg_log "starting PostgreSQL $PG_MAJOR in $DIR"
    pg_cluster_start "$DIR" "${PORTAL_PG_PORT:-5433}" || exit 1
    if [ -z "$("$PG_BINDIR/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc \
        "select 1 from pg_database where datname = '$DATABASE'")" ]; then
        "$PG_BINDIR/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$DATABASE"
    fi
    pg_log "started on 127.0.0.1:$PG_PORT"
    print_connection "$DIR"
    ;;
stop)
    if ! pg_cluster_running "$DIR"; then
        pg_log "PostgreSQL is not running ($DIR)"
        exit 0
    fi
    pg_cluster_stop "$DIR" || { pg_warn "could not stop PostgreSQL in $DIR"; exit 1; }
    pg_log "stopped PostgreSQL in $DIR (data kept)"
    ;;
status)
    if pg_cluster_running "$DIR"; then
        pg_log "PostgreSQL runs in $DIR"
        print_connection "$DIR"
    else
        pg_log "PostgreSQL is not running ($DIR)"
        exit 3
    fi
    ;;
*)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
