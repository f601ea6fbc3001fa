#!/bin/sh
# System (Debian) packages strikewatch's tests and tools need. POSIX sh; idempotent:
# installs only what is missing, with sudo when not root. Add your packages to PKGS.
set -eu

# postgresql: the real PostgreSQL 15 server the store tests start on loopback (tests/pg.py).
# default-jre-headless: the Java runtime PySpark needs (strikewatch batch --engine spark).
PKGS="postgresql default-jre-headless"

missing=""
for pkg in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $pkg"
    fi
done

if [ -z "$missing" ]; then
    echo "system-deps: all present ($PKGS)"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
echo "system-deps: installing$missing"
$SUDO apt-get update -q
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
