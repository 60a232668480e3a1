#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for the store tests.
#   eval "$(scripts/postgres.sh start)"   installs PostgreSQL (Debian) if missing, starts a
#                                         cluster in a temp folder on a free port, and prints
#                                         export HARMATTAN_TEST_PG=postgresql://... and
#                                         export HARMATTAN_PG_DIR=... for the stop step
#   scripts/postgres.sh stop [DIR]        stops that server and removes its folder
# initdb refuses to run as root: as root the server runs as the 'postgres' user.
set -euo pipefail

pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -z "$dir" || ! -x "$dir/initdb" ]]; then
    if [[ $(id -u) -ne 0 ]]; then
      echo "PostgreSQL is not installed; run as root or: sudo apt-get install -y postgresql" >&2
      exit 1
    fi
    echo "installing PostgreSQL from Debian..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$dir"
}

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  local bindir dir port
  bindir=$(pg_bindir)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/harmattan-pg.XXXXXX")
  chmod 755 "$dir"
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$dir"
  fi
  port=$(free_port)
  as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres harmattan_test
  echo "$bindir" >"$dir/bindir"
  echo "export HARMATTAN_TEST_PG=postgresql://postgres@127.0.0.1:$port/harmattan_test"
  echo "export HARMATTAN_PG_DIR=$dir"
  echo "PostgreSQL running: postgresql://postgres@127.0.0.1:$port/harmattan_test ($dir)" >&2
}

stop() {
  local dir=${1:-${HARMATTAN_PG_DIR:-}}
  [[ -n "$dir" && -d "$dir/data" ]] || { echo "no server folder to stop (give DIR or set HARMATTAN_PG_DIR)" >&2; exit 1; }
  as_owner "$(cat "$dir/bindir")/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  rm -rf "$dir"
  echo "PostgreSQL stopped ($dir removed)" >&2
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: scripts/postgres.sh start | stop [DIR]" >&2; exit 2 ;;
esac
