#!/usr/bin/env bash
# Installs Debian's chromium for the emulator console's browser tests, unless /usr/bin/chromium is already there.
# Idempotent; needs root (CI runs as root) or sudo. The tests drive it with PuppeteerSharp and never download a browser.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: /usr/bin/chromium is missing and this machine has no apt-get; install Chromium and set PLAID_PARTNER_TEST_CHROMIUM to its binary." >&2
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq chromium >/dev/null
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
