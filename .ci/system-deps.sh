#!/bin/sh
# Debian packages the test suite needs, installed only when missing (apt-get as root,
# else through sudo). Each part of strikewatch adds a line below: `need pkg ...`.
set -eu

need() {
    if ! command -v dpkg >/dev/null 2>&1; then
        echo "system-deps: not Debian; make sure these are installed: $*" >&2
        return 0
    fi
    missing=""
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing="$missing $pkg"
    done
    [ -n "$missing" ] || return 0
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
    echo "system-deps: installing$missing" >&2
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
}

# platform: nothing beyond Python 3.11 and make.
# store tests: a real PostgreSQL 15 server started on loopback (tests/pg.py).
# batch: the Java runtime PySpark needs (strikewatch batch --engine spark).
need postgresql default-jre-headless

# web: the browser tests drive Debian's Chromium through Playwright's executable_path.
need chromium
