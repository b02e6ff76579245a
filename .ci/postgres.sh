#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the tests and benches (Debian's packages; installs them
# when root and missing). Data and socket live in $PGDIR; the server listens on localhost:$PGPORT
# with a `veille` role that may create databases. Prints the URL for VEILLE_TEST_PG.
set -euo pipefail
PGDIR=${PGDIR:-/tmp/veille-pg}
PGPORT=${PGPORT:-54329}
bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
if [ -z "$(bindir)" ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >/dev/null
  else
    echo "postgresql missing: sudo apt-get install postgresql postgresql-contrib" >&2; exit 1
  fi
fi
BIN=$(bindir)
# initdb and postgres refuse to run as root: run them as the packages' postgres user then.
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ ! -f "$PGDIR/PG_VERSION" ]; then
  mkdir -p "$PGDIR"
  [ "$(id -u)" = 0 ] && chown postgres: "$PGDIR"
  as_owner "$BIN/initdb" -D "$PGDIR" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
if ! as_owner "$BIN/pg_ctl" -D "$PGDIR" status >/dev/null 2>&1; then
  as_owner "$BIN/pg_ctl" -D "$PGDIR" -l "$PGDIR/server.log" -w \
    -o "-p $PGPORT -k $PGDIR -c listen_addresses=localhost -c fsync=off -c max_connections=200" start >/dev/null
fi
psql -h localhost -p "$PGPORT" -U postgres -d postgres -tAq -c \
  "DO \$\$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'veille') THEN
     CREATE ROLE veille LOGIN SUPERUSER; END IF; END\$\$;" >/dev/null
psql -h localhost -p "$PGPORT" -U postgres -d postgres -tAq -c \
  "SELECT 1 FROM pg_database WHERE datname = 'veille'" | grep -q 1 \
  || psql -h localhost -p "$PGPORT" -U postgres -d postgres -q -c "CREATE DATABASE veille OWNER veille"
echo "postgresql://veille@localhost:$PGPORT/veille"
