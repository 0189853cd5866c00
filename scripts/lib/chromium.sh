# shellcheck shell=bash
# The system Chromium the browser tests drive through Playwright (never a downloaded browser).
# Sourced by ./test.sh; defines functions only, returns non-zero on failure and never exits.
#
#   chromium_ensure_installed   apt-get install chromium when CHROMIUM_PATH is missing
#
# CHROMIUM_PATH: the browser binary: PORTAL_TEST_CHROMIUM, or /usr/bin/chromium (Debian's package).

# shellcheck source=scripts/lib/apt.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

CHROMIUM_PATH=${PORTAL_TEST_CHROMIUM:-/usr/bin/chromium}

chromium_ensure_installed() {
    [ -x "$CHROMIUM_PATH" ] && return 0
    printf '== %s\n' "installing Chromium (apt-get install chromium, about 45 s)"
    apt_install_package chromium || return 1
    [ -x "$CHROMIUM_PATH" ] || { _apt_warn "chromium installed but $CHROMIUM_PATH is missing"; return 1; }
}
