#!/usr/bin/env bash
# Installs Debian's tmux for plaid-partner's terminal test (tests/Plaid.Partner.Cli.Tests/TerminalTests.cs), which runs
# the tool in a tmux pane and reads the pane's text. Idempotent; needs root (CI runs as root) or sudo.
set -euo pipefail

if [ -x /usr/bin/tmux ]; then
  echo "tmux: $(/usr/bin/tmux -V)"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-tmux: /usr/bin/tmux is missing and this machine has no apt-get; install tmux there." >&2
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq tmux >/dev/null
echo "tmux: $(/usr/bin/tmux -V)"
