# shellcheck shell=bash disable=SC2034  # PG_BINDIR, PG_MAJOR and PG_PORT are for the caller
# Throwaway PostgreSQL clusters for tests and local development.
# Sourced by ./test.sh and scripts/postgres-dev.sh; defines functions only.
#
# Functions return non-zero on failure (callers decide whether that is fatal)
# and never call `exit`, so they are safe under `set -e` and inside `if`.
#
#   pg_ensure_installed         find the server binaries, apt-get install them if missing
#                               (sets PG_BINDIR and PG_MAJOR)
#   pg_cluster_start DIR [PORT] initdb DIR/data if needed and start it on 127.0.0.1,
#                               socket in DIR, on PORT (default 5433) or the next free
#                               port (sets PG_PORT); extra server options in PG_EXTRA_OPTS
#   pg_cluster_stop DIR         stop the cluster in DIR if it runs (quiet, idempotent)
#   pg_cluster_running DIR      true when the cluster in DIR is up
#   pg_connection_string PORT [DATABASE]

# shellcheck source=scripts/lib/apt.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

pg_log() { printf '== %s\n' "$*"; }
pg_warn() { printf '!! %s\n' "$*" >&2; }

# Run a command as the cluster owner: user postgres when we are root
# (the server refuses to run as root), ourselves otherwise.
pg_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        if command -v runuser >/dev/null 2>&1; then
            runuser -u postgres -- "$@"
        else
            su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
        fi
    else
        "$@"
    fi
}

# Newest installed server: sets PG_BINDIR and PG_MAJOR.
pg_find_bindir() {
    local initdb
    initdb=$(printf '%s\n' /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)
    [ -x "$initdb" ] || return 1
    PG_BINDIR=$(dirname "$initdb")
    PG_MAJOR=$(basename "$(dirname "$PG_BINDIR")")
}

pg_ensure_installed() {
    if pg_find_bindir; then
        return 0
    fi
    pg_log "installing PostgreSQL (apt-get install postgresql)"
    apt_install_package postgresql --no-install-recommends || return 1
    pg_find_bindir || { pg_warn "postgresql installed but no /usr/lib/postgresql/*/bin/initdb found"; return 1; }
}

# True when nothing accepts TCP connections on 127.0.0.1:PORT.
pg_port_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pg_cluster_running() {
    local dir=$1
    [ -f "$dir/data/postmaster.pid" ] || return 1
    [ -n "${PG_BINDIR:-}" ] || pg_find_bindir || return 1
    pg_as_owner "$PG_BINDIR/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

pg_cluster_start() {
    local dir=$1 preferred=${2:-5433}
    [ -n "${PG_BINDIR:-}" ] || pg_find_bindir || { pg_warn "PostgreSQL server binaries not found"; return 1; }
    mkdir -p "$dir" || return 1
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$dir" || return 1
    fi
    chmod 700 "$dir" || return 1
    if ! pg_as_owner test -w "$dir"; then
        pg_warn "user postgres cannot write $dir (check the permissions of its parent folders)"
        return 1
    fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        pg_as_owner "$PG_BINDIR/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 \
            --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
            || { pg_warn "initdb failed:"; cat "$dir/initdb.log" >&2; return 1; }
    fi
    # The unix socket lives in DIR; its path must stay below the 107-byte limit.
    if [ "${#dir}" -gt 80 ]; then
        pg_warn "cluster folder path is too long for a unix socket: $dir"
        return 1
    fi
    local port tries=0
    for port in "$preferred" $(seq $((preferred + 1)) $((preferred + 100))); do
        pg_port_free "$port" || continue
        tries=$((tries + 1))
        # shellcheck disable=SC2086 # PG_EXTRA_OPTS is a list of server options
        if pg_as_owner "$PG_BINDIR/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $dir ${PG_EXTRA_OPTS:-}" start >/dev/null 2>&1; then
            PG_PORT=$port
            echo "$port" >"$dir/port" 2>/dev/null || true
            return 0
        fi
        # Lost a race for the port: try the next one; any other failure is final.
        if ! tail -n 20 "$dir/postgres.log" 2>/dev/null | grep -qi 'could not bind\|address already in use'; then
            break
        fi
        [ "$tries" -lt 10 ] || break
    done
    pg_warn "PostgreSQL failed to start; last lines of $dir/postgres.log:"
    tail -n 20 "$dir/postgres.log" >&2 2>/dev/null || true
    return 1
}

pg_cluster_stop() {
    local dir=$1
    [ -f "$dir/data/postmaster.pid" ] || return 0
    [ -n "${PG_BINDIR:-}" ] || pg_find_bindir || return 1
    pg_as_owner "$PG_BINDIR/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 && return 0
    pg_as_owner "$PG_BINDIR/pg_ctl" -D "$dir/data" -m immediate -w -t 10 stop >/dev/null 2>&1 && return 0
    # Last resort: the postmaster pid is the first line of postmaster.pid.
    local pid
    pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null || true
        sleep 1
    fi
    ! { [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
}

pg_connection_string() {
    printf 'Host=127.0.0.1;Port=%s;Username=postgres;Database=%s' "$1" "${2:-postgres}"
}
