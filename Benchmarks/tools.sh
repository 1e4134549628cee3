# Shared by the benchmark scripts (sourced, not run): installing what a
# benchmark needs on a Debian machine. Set APT_LOG to the log file first.

log() { printf '%s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=
apt_install() {
    # A fresh machine may have no package lists yet: update once, then retry.
    if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >"$APT_LOG" 2>&1; then
        [ -n "$apt_updated" ] && return 1
        apt_updated=1
        as_root apt-get update -q >>"$APT_LOG" 2>&1 || return 1
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >>"$APT_LOG" 2>&1
    fi
}

ensure_command() { # command, Debian package
    command -v "$1" >/dev/null 2>&1 && return 0
    log "installing $2 (for $1)"
    apt_install "$2" || log "could not install $2: see $APT_LOG"
    command -v "$1" >/dev/null 2>&1
}
