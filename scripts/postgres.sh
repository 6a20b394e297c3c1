#!/usr/bin/env bash
# Debian's PostgreSQL for Switchboard: installs it (apt-get) when missing, starts the cluster and
# creates the role and an empty database. Used by scripts/domain.sh when SB_DB=postgres.
#
#   postgres.sh start     install if needed, start, create role and database (SB_PG_FRESH=true: drop it first)
#   postgres.sh stop      stop the cluster, if start started it
#
# Environment: SB_PG_DATABASE (default switchboard), SB_PG_USER (switchboard), SB_PG_PASSWORD
# (needed by start: scripts/domain.sh passes the domain's own, from its secrets; start sets the
# role's password to it), SB_PG_PORT (5432). Needs root or password-less sudo for apt-get and the
# cluster.
set -euo pipefail
DB=${SB_PG_DATABASE:-switchboard}
USER_NAME=${SB_PG_USER:-switchboard}
PASSWORD=${SB_PG_PASSWORD:-}
PORT=${SB_PG_PORT:-5432}
STARTED=${TMPDIR:-/tmp}/switchboard-postgres-$PORT.started
log() { printf '[postgres.sh] %s\n' "$*" >&2; }
SUDO=()
[[ $(id -u) -eq 0 ]] || SUDO=(sudo -n)

cluster() { ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1; }

psql_admin() { "${SUDO[@]}" su postgres -c "psql -p $PORT -v ON_ERROR_STOP=1 -qtA -c \"$1\""; }

# SQL from standard input, so that a password in it never shows on a command line.
psql_stdin() { "${SUDO[@]}" su postgres -c "psql -p $PORT -v ON_ERROR_STOP=1 -qtA"; }

start() {
  [[ -n "$PASSWORD" && "$PASSWORD" != *"'"* ]] || { log "SB_PG_PASSWORD must be set (without quotes)"; exit 2; }
  if [[ -z "$(cluster)" ]]; then
    log "installing Debian's postgresql"
    export DEBIAN_FRONTEND=noninteractive
    "${SUDO[@]}" apt-get update -qq >&2 || log "apt-get update failed; trying the install anyway"
    "${SUDO[@]}" apt-get install -y -qq postgresql >&2
  fi
  local version
  version=$(cluster)
  if ! "${SUDO[@]}" su postgres -c "pg_isready -q -p $PORT"; then
    "${SUDO[@]}" pg_ctlcluster "$version" main start 2>/dev/null || true
    touch "$STARTED" # started here: stop stops it again
  fi
  local deadline=$((SECONDS + 60))
  until "${SUDO[@]}" su postgres -c "pg_isready -q -p $PORT"; do
    ((SECONDS < deadline)) || { log "PostgreSQL $version did not start on port $PORT"; exit 1; }
    sleep 1
  done
  [[ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname='$USER_NAME'")" == 1 ]] ||
    psql_admin "CREATE ROLE $USER_NAME LOGIN"
  printf "ALTER ROLE %s PASSWORD '%s';\n" "$USER_NAME" "$PASSWORD" | psql_stdin
  if [[ "${SB_PG_FRESH:-false}" == true ]]; then
    psql_admin "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
  fi
  [[ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname='$DB'")" == 1 ]] ||
    psql_admin "CREATE DATABASE $DB OWNER $USER_NAME"
  # a session that waits for a lock longer than deadlock_timeout (1 s) says so in the cluster's
  # log (/var/log/postgresql), with what it waits for and who holds it
  psql_admin "ALTER DATABASE $DB SET log_lock_waits = on"
  log "PostgreSQL $version on port $PORT, database $DB, user $USER_NAME"
}

stop() {
  [[ -f "$STARTED" ]] || { log "PostgreSQL was running before start: left running"; return 0; }
  local version
  version=$(cluster)
  [[ -n "$version" ]] && "${SUDO[@]}" pg_ctlcluster "$version" main stop 2>/dev/null || true
  rm -f "$STARTED"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: postgres.sh start|stop" >&2; exit 2 ;;
esac
