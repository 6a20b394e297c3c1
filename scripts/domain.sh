#!/usr/bin/env bash
# Creates, configures, starts and stops the Payara Server domain Switchboard runs in.
#
#   domain.sh start            create the domain if needed, start it, create Switchboard's resources
#   domain.sh deploy EAR       (re)deploy the EAR and wait until the API answers
#   domain.sh stop             stop the domain (by asadmin, then by PID if it hangs)
#
# Environment: PAYARA_HOME (unpacked payara6 folder), SB_DOMAIN (domain name),
# SB_PORTBASE (empty: Payara's default ports, admin 4848 / HTTP 8080), SB_FRESH=true (delete the
# domain first, for tests), SB_START_TIMEOUT (seconds, default 300), SB_REALM_JAR (the switchboard
# security realm, default realm/target/switchboard-realm.jar), SB_ADMIN_PASSWORD (password of the
# first admin account, used only while the database has no account; without it Switchboard makes a
# random one and writes it to <domain>/config/switchboard-admin-password), SB_DB (h2, the default,
# or postgres: scripts/postgres.sh starts Debian's PostgreSQL, the driver goes into the domain's lib
# and jdbc/switchboard points at a PostgreSQL pool; SB_PG_* as in postgres.sh).
set -euo pipefail

: "${PAYARA_HOME:?PAYARA_HOME must name the unpacked payara6 folder}"
SB_DOMAIN=${SB_DOMAIN:-domain1}
SB_PORTBASE=${SB_PORTBASE:-}
SB_START_TIMEOUT=${SB_START_TIMEOUT:-300}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SB_REALM_JAR=${SB_REALM_JAR:-$ROOT/realm/target/switchboard-realm.jar}
SB_DB=${SB_DB:-h2}
PG_DRIVER_VERSION=42.7.14
ASADMIN="$PAYARA_HOME/bin/asadmin"
DOMAIN_DIR="$PAYARA_HOME/glassfish/domains/$SB_DOMAIN"
if [[ -n "$SB_PORTBASE" ]]; then
  ADMIN_PORT=$((SB_PORTBASE + 48))
  HTTP_PORT=$((SB_PORTBASE + 80))
else
  ADMIN_PORT=4848
  HTTP_PORT=8080
fi

# The names below are the constants of dev.switchboard.api.Destinations: JNDI name, physical
# destination, type.
DESTINATIONS=(
  "jms/switchboard/tier2-a SwitchboardTier2A jakarta.jms.Queue"
  "jms/switchboard/tier2-b SwitchboardTier2B jakarta.jms.Queue"
  "jms/switchboard/dispatch SwitchboardDispatch jakarta.jms.Queue"
  "jms/switchboard/status SwitchboardStatus jakarta.jms.Queue"
  "jms/switchboard/registration SwitchboardRegistration jakarta.jms.Queue"
  "jms/switchboard/tier2-status SwitchboardTier2Status jakarta.jms.Topic"
  "jms/switchboard/dead-letters SwitchboardDeadLetters jakarta.jms.Queue"
)

log() { printf '[domain.sh] %s\n' "$*" >&2; }

asadmin_remote() { "$ASADMIN" --interactive=false --port "$ADMIN_PORT" "$@"; }

running() { curl -fsS -o /dev/null "http://localhost:$ADMIN_PORT/management/domain" 2>/dev/null; }

domain_pid() { cat "$DOMAIN_DIR/config/pid" 2>/dev/null || true; }

create() {
  if [[ -d "$DOMAIN_DIR" ]]; then
    return
  fi
  log "creating domain $SB_DOMAIN (admin port $ADMIN_PORT, HTTP port $HTTP_PORT)"
  if [[ -n "$SB_PORTBASE" ]]; then
    "$ASADMIN" --interactive=false create-domain --portbase "$SB_PORTBASE" --nopassword "$SB_DOMAIN" >&2
  else
    "$ASADMIN" --interactive=false create-domain --adminport 4848 --instanceport 8080 --nopassword "$SB_DOMAIN" >&2
  fi
}

# The switchboard realm authenticates remote EJB callers (IIOP) against the account table. Its jar
# goes into the domain's lib folder and its login module into login.conf; both are read when the
# domain starts. Prints "changed" if the installed jar was replaced.
install_realm() {
  [[ -f "$SB_REALM_JAR" ]] || { log "no realm jar at $SB_REALM_JAR (build the realm module first)"; exit 1; }
  local installed="$DOMAIN_DIR/lib/switchboard-realm.jar"
  if ! cmp -s "$SB_REALM_JAR" "$installed"; then
    mkdir -p "$DOMAIN_DIR/lib"
    cp "$SB_REALM_JAR" "$installed"
    echo changed
  fi
  grep -q '^switchboardRealm' "$DOMAIN_DIR/config/login.conf" ||
    printf '\nswitchboardRealm {\n\tdev.switchboard.realm.SwitchboardLoginModule required;\n};\n' \
      >>"$DOMAIN_DIR/config/login.conf"
}

# The server's heap and garbage collector (SB_HEAP, default 1g; SB_GC, default g1). Payara's domain
# template gives 512 MB, of which Switchboard keeps about 300 MB live under load, and fixes the young
# generation at a third of the heap (-XX:NewRatio=2), so G1 cannot size it to meet a pause target:
# measured at 500 tasks/s, about 2 collections a second of 20-70 ms, most of the p99 latency.
# SB_GC=g1 lets G1 size the young generation for pauses near SB_GC_PAUSE_MS (20); SB_GC=zgc uses ZGC, whose
# pauses stay under a millisecond; SB_GC=template leaves Payara's options. Edits domain.xml, so
# start() calls it only while the domain is stopped; a running domain gets it at its next start.
tune_jvm() {
  local gc=${SB_GC:-g1} heap=${SB_HEAP:-1g} xml="$DOMAIN_DIR/config/domain.xml" option
  case "$gc" in
    g1) option=-XX:MaxGCPauseMillis=${SB_GC_PAUSE_MS:-20} ;;
    zgc) option=-XX:+UseZGC ;;
    template) option=-XX:NewRatio=2 heap=512m ;;
    *) log "SB_GC must be g1, zgc or template, not $gc"; exit 2 ;;
  esac
  grep -q -- "<jvm-options>$option</jvm-options>" "$xml" && grep -q -- "<jvm-options>-Xmx$heap</jvm-options>" "$xml" && return 0
  log "JVM: heap $heap, $option"
  sed -i -E -e "s#<jvm-options>-XX:(NewRatio=2|MaxGCPauseMillis=[0-9]+|\+UseZGC)</jvm-options>#<jvm-options>$option</jvm-options>#" \
    -e "s#<jvm-options>-Xmx[0-9]+[mgMG]</jvm-options>#<jvm-options>-Xmx$heap</jvm-options>#" "$xml"
}

# Where the transaction manager keeps its log (SB_TX_LOG_DIR). Every two-phase commit (each hop of
# a task: database and broker in one transaction) writes a log record and syncs it to disk, one
# commit at a time; at 500 tasks/s the server's threads waited 146 s in 3 minutes for that file and
# it made most of the p99 latency. On the embedded default neither H2 (no sync on commit) nor the
# built-in broker (imq.persist.file.sync.enabled=false) syncs to disk either, so the embedded
# default survives a killed server, not a power cut; the log then goes to shared memory
# (/dev/shm), which also survives a killed server, and costs nothing. With SB_DB=postgres, whose
# commits are synced, the log stays in the domain's logs folder. SB_TX_LOG_DIR=disk keeps it there.
# Like tune_jvm, edits domain.xml while the domain is stopped.
SHM_TX_LOG=/dev/shm/switchboard-tx-log/$SB_DOMAIN

tune_tx_log() {
  local dir=${SB_TX_LOG_DIR:-} xml="$DOMAIN_DIR/config/domain.xml"
  if [[ -z "$dir" && "$SB_DB" == h2 && -d /dev/shm && -w /dev/shm ]]; then
    dir=$SHM_TX_LOG
  fi
  if [[ -z "$dir" || "$dir" == disk ]]; then
    dir='${com.sun.aas.instanceRoot}/logs'
  else
    mkdir -p "$dir"
  fi
  grep -qF "tx-log-dir=\"$dir\"" "$xml" && return 0
  log "transaction log in $dir"
  sed -i -E "s#(<transaction-service[^>]* tx-log-dir=\")[^\"]*\"#\1$dir\"#" "$xml"
}

# PostgreSQL: the database (scripts/postgres.sh) and the JDBC driver in the domain's lib folder,
# read when the domain starts. Prints "changed" if the driver was added.
install_postgres() {
  [[ "$SB_DB" == postgres ]] || return 0
  bash "$ROOT/scripts/postgres.sh" start
  local driver="$DOMAIN_DIR/lib/postgresql-$PG_DRIVER_VERSION.jar"
  if [[ ! -f "$driver" ]]; then
    mvn -B -q -f "$ROOT/pom.xml" -N dependency:copy \
      -Dartifact="org.postgresql:postgresql:$PG_DRIVER_VERSION" -DoutputDirectory="$DOMAIN_DIR/lib" >&2
    echo changed
  fi
}

# Creates whatever of Switchboard's resources the domain lacks, so that a domain made by an
# older version gets the new ones too.
configure() {
  local existing commands
  existing=$(asadmin_remote list-jms-resources 2>/dev/null; asadmin_remote list-jdbc-resources 2>/dev/null)
  commands=$(mktemp)
  for d in "${DESTINATIONS[@]}"; do
    read -r jndi physical type <<<"$d"
    grep -qx "$jndi" <<<"$existing" ||
      echo "create-jms-resource --restype $type --property Name=$physical $jndi" >>"$commands"
  done
  # H2 is the embedded default; with SB_DB=postgres the resource uses a PostgreSQL pool.
  local pool=H2Pool
  if [[ "$SB_DB" == postgres ]]; then
    pool=SwitchboardPostgres
    asadmin_remote list-jdbc-connection-pools 2>/dev/null | grep -qx "$pool" ||
      echo "create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource --steadypoolsize 8 --maxpoolsize 64 --property serverName=localhost:portNumber=${SB_PG_PORT:-5432}:databaseName=${SB_PG_DATABASE:-switchboard}:user=${SB_PG_USER:-switchboard}:password=${SB_PG_PASSWORD:-switchboard} $pool" >>"$commands"
  fi
  grep -qx "jdbc/switchboard" <<<"$existing" ||
    echo "create-jdbc-resource --connectionpoolid $pool jdbc/switchboard" >>"$commands"
  asadmin_remote list-auth-realms 2>/dev/null | grep -qx switchboard ||
    echo "create-auth-realm --classname dev.switchboard.realm.SwitchboardRealm --property jaas-context=switchboardRealm:datasource-jndi=jdbc/switchboard switchboard" >>"$commands"
  if [[ -n "${SB_ADMIN_PASSWORD:-}" ]]; then
    echo "create-system-properties switchboard.admin.password=${SB_ADMIN_PASSWORD//:/\\:}" >>"$commands"
  fi
  # H2 writes commits to disk up to half a second late by default; a killed server then loses
  # transactions the broker already counts as committed (measured: 200 of 5,000 tasks stranded).
  if [[ "$SB_DB" == h2 ]] && ! asadmin_remote get "resources.jdbc-connection-pool.H2Pool.property.URL" 2>/dev/null | grep -q WRITE_DELAY=0; then
    echo "set resources.jdbc-connection-pool.H2Pool.property.URL=jdbc:h2:\${com.sun.aas.instanceRoot}/lib/databases/embedded_default;AUTO_SERVER=TRUE;WRITE_DELAY=0" >>"$commands"
  fi
  # A transaction whose commit failed half way (a connection dropped during the commit) leaves
  # the broker holding its messages in doubt; the transaction manager resolves them from its log
  # at the next start only with automatic recovery on (off by default).
  if ! asadmin_remote get configs.config.server-config.transaction-service.automatic-recovery 2>/dev/null | grep -q =true; then
    echo "set configs.config.server-config.transaction-service.automatic-recovery=true" >>"$commands"
  fi
  # A database that closes the pool's sessions (a restart, a network cut) leaves dead connections
  # in the pool; without validation every later use fails (measured: ConnectionDropIT). Validate a
  # connection before use (at most once a second) and drop them all when one is found dead.
  if ! asadmin_remote get "resources.jdbc-connection-pool.$pool.is-connection-validation-required" 2>/dev/null | grep -q =true; then
    for setting in connection-validation-method=custom-validation \
      validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation \
      validate-atmost-once-period-in-seconds=1 fail-all-connections=true is-connection-validation-required=true; do
      echo "set resources.jdbc-connection-pool.$pool.$setting" >>"$commands"
    done
  fi
  if [[ -s "$commands" ]]; then
    log "creating Switchboard's resources: $(awk '{ print ($1 == "create-system-properties") ? "switchboard.admin.password" : ($1 == "set") ? $2 : $NF }' "$commands" | tr '\n' ' ')"
    asadmin_remote multimode --file "$commands" >&2
  fi
  rm -f "$commands"
}

# Waits until the admin port answers, at most SB_START_TIMEOUT seconds.
await_admin() {
  local deadline=$((SECONDS + SB_START_TIMEOUT))
  until running; do
    ((SECONDS < deadline)) || { log "admin port $ADMIN_PORT did not answer in ${SB_START_TIMEOUT}s"; exit 1; }
    sleep 2
  done
}

start() {
  if [[ "${SB_FRESH:-false}" == "true" && -d "$DOMAIN_DIR" ]]; then
    stop || true
    log "deleting old domain $SB_DOMAIN"
    "$ASADMIN" --interactive=false delete-domain "$SB_DOMAIN" >&2 || rm -rf "$DOMAIN_DIR"
    rm -rf "$SHM_TX_LOG" # a new domain must not recover the old one's transactions
  fi
  create
  local realm driver
  realm=$(install_realm)
  driver=$(install_postgres)
  if [[ "$realm$driver" == *changed* ]] && running; then
    log "the realm jar or the database driver changed: restarting domain $SB_DOMAIN"
    "$ASADMIN" --interactive=false restart-domain --timeout "$SB_START_TIMEOUT" "$SB_DOMAIN" >&2
  fi
  if ! running; then
    tune_jvm
    tune_tx_log
    log "starting domain $SB_DOMAIN (timeout ${SB_START_TIMEOUT}s)"
    "$ASADMIN" --interactive=false start-domain --timeout "$SB_START_TIMEOUT" "$SB_DOMAIN" >&2
  fi
  await_admin
  configure
  log "domain $SB_DOMAIN is up: admin http://localhost:$ADMIN_PORT, HTTP http://localhost:$HTTP_PORT (PID $(domain_pid))"
}

deploy() {
  local ear=${1:?deploy needs the EAR file}
  log "deploying $ear"
  if ! asadmin_remote deploy --force=true --name switchboard "$ear" >&2; then
    # Seen on a domain whose earlier version failed to load at start: Payara then cannot deploy
    # over it (a NullPointerException on its ApplicationInfo, stale entity classes). A restart
    # without the application clears that.
    log "deployment failed: undeploying, restarting domain $SB_DOMAIN and deploying again"
    asadmin_remote undeploy switchboard >&2 || true
    "$ASADMIN" --interactive=false restart-domain --timeout "$SB_START_TIMEOUT" "$SB_DOMAIN" >&2
    await_admin
    asadmin_remote deploy --force=true --name switchboard "$ear" >&2
  fi
  local deadline=$((SECONDS + SB_START_TIMEOUT))
  until curl -fsS -o /dev/null "http://localhost:$HTTP_PORT/switchboard/api/health"; do
    ((SECONDS < deadline)) || { log "Switchboard did not answer in ${SB_START_TIMEOUT}s"; exit 1; }
    sleep 2
  done
  log "Switchboard answers at http://localhost:$HTTP_PORT/switchboard/"
}

stop() {
  local pid
  pid=$(domain_pid)
  if [[ -d "$DOMAIN_DIR" ]]; then
    "$ASADMIN" --interactive=false stop-domain --kill=false "$SB_DOMAIN" >&2 || true
  fi
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    log "domain process $pid still alive, killing it"
    kill "$pid" 2>/dev/null || true
    sleep 5
    kill -9 "$pid" 2>/dev/null || true
  fi
  if [[ "$SB_DB" == postgres ]]; then
    bash "$ROOT/scripts/postgres.sh" stop
  fi
}

case "${1:-}" in
  start) start ;;
  deploy) shift; deploy "$@" ;;
  stop) stop ;;
  *) echo "usage: domain.sh start|deploy EAR|stop" >&2; exit 2 ;;
esac
