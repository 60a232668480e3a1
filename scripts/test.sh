#!/usr/bin/env bash
# Run the whole test suite: starts a throwaway PostgreSQL server on loopback for the store
# tests (installing PostgreSQL from Debian if needed) and stops it afterwards; installs
# Chromium from Debian if needed for the dashboard's browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
pg_env=$(scripts/postgres.sh start)
eval "$pg_env"
trap 'scripts/postgres.sh stop' EXIT
# Chromium (Debian's) for the dashboard's browser tests.
chromium_env=$(scripts/chromium.sh)
eval "$chromium_env"
.venv/bin/python -m pytest -q "$@"
