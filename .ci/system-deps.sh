#!/bin/sh
# System packages the tests need, installed only when missing (Debian; sudo when not root).
set -eu
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
missing=""
# web: the browser tests drive Debian's Chromium through Playwright's executable_path
if [ ! -x /usr/bin/chromium ]; then missing="$missing chromium"; fi
if [ -n "$missing" ]; then
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
