# shellcheck shell=bash
# Installing Debian packages for the test command: as root directly, through `sudo -n`
# otherwise, never interactively. Sourced by postgres.sh and chromium.sh; defines functions only.
#
#   apt_quiet ARGS...                 run `apt-get ARGS` quietly; on failure show its last lines
#   apt_install_package PKG [OPTS...] `apt-get install -y OPTS PKG` from the present package
#                                     lists; `apt-get update` first only when they do not know
#                                     PKG yet, or when that install fails (stale lists)

_apt_warn() { printf '!! %s\n' "$*" >&2; }

_apt_as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        DEBIAN_FRONTEND=noninteractive "$@"
    elif command -v sudo >/dev/null 2>&1; then
        local sudo_flags=()
        [ -t 0 ] || sudo_flags=(-n)   # no terminal: never wait for a password
        sudo "${sudo_flags[@]}" env DEBIAN_FRONTEND=noninteractive "$@"
    else
        _apt_warn "not root and no sudo: cannot run $*"
        return 1
    fi
}

apt_quiet() {
    local log rc=0
    log=$(mktemp) || return 1
    _apt_as_root apt-get -q -o Dpkg::Use-Pty=0 "$@" >"$log" 2>&1 || rc=$?
    if [ "$rc" -ne 0 ]; then
        _apt_warn "apt-get $* failed (exit $rc):"
        tail -n 15 "$log" >&2
    fi
    rm -f "$log"
    return "$rc"
}

apt_install_package() {
    local package=$1 candidate
    shift
    command -v apt-get >/dev/null 2>&1 || { _apt_warn "$package is not installed and apt-get is missing"; return 1; }
    candidate=$(apt-cache policy "$package" 2>/dev/null | awk '/Candidate:/ {print $2}')
    if [ -z "$candidate" ] || [ "$candidate" = "(none)" ] \
        || ! apt_quiet install -y "$@" "$package" 2>/dev/null; then
        apt_quiet update || return 1
        apt_quiet install -y "$@" "$package" || return 1
    fi
}
