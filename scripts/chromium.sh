#!/usr/bin/env bash
# Make sure Debian's Chromium is installed for the dashboard's browser tests and print
#   export HARMATTAN_TEST_CHROMIUM=/usr/bin/chromium
# (the tests drive it with Playwright's Python package; Playwright's own browser downloads are
# never used).  Installs the package with apt-get when it is missing and we are root.
set -euo pipefail
find_chromium() {
  command -v chromium || command -v chromium-browser || true
}
path=$(find_chromium)
if [[ -z "$path" ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "Chromium is not installed; run as root or: sudo apt-get install -y chromium" >&2
    exit 1
  fi
  echo "installing Chromium from Debian..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  path=$(find_chromium)
fi
echo "export HARMATTAN_TEST_CHROMIUM=$path"
