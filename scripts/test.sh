#!/usr/bin/env bash
# Run the whole test suite: starts a throwaway PostgreSQL server on loopback for the store
# tests (installing PostgreSQL from Debian if needed) and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
pg_env=$(scripts/postgres.sh start)
eval "$pg_env"
trap 'scripts/postgres.sh stop' EXIT
.venv/bin/python -m pytest -q "$@"
