#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (headless) through playwright-core, which downloads no browser of its
# own. Installs it when it is missing; CHROMIUM_PATH points elsewhere if a machine keeps it somewhere else.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [[ -x "$chromium" ]]; then
  exit 0
fi
echo "ensure-chromium: $chromium is missing, installing Debian's chromium"
if [[ "$(id -u)" -ne 0 ]]; then
  sudo=sudo
else
  sudo=
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
[[ -x "$chromium" ]] || { echo "ensure-chromium: chromium did not install at $chromium" >&2; exit 1; }
echo "ensure-chromium: $("$chromium" --version 2>/dev/null || echo installed)"
