#!/usr/bin/env bash
# Creates, configures, starts and stops the Payara Server domain Switchboard runs in.
#
#   domain.sh start            create the domain if needed, start it, apply Switchboard's configuration
#   domain.sh deploy EAR       (re)deploy the EAR and wait until the API answers
#   domain.sh stop             stop the domain (by asadmin, then by PID if it hangs)
#
# The domain's configuration is the asadmin command files in scripts/domain/ (resources, database,
# settings, JVM, broker account, the broker's destinations; scripts/domain/README.md lists them and
# how to use them without this script, e.g. in a container image). start applies them to the
# running domain with `asadmin multimode --file`, after replacing their ${ENV=NAME} and
# ${ENV=NAME:default} references as Payara does in a post-boot command file, and leaving out each
# create-* line whose resource exists; when that changed domain.xml, it restarts the domain.
#
# Environment: PAYARA_HOME (unpacked payara6 folder), SB_DOMAIN (domain name),
# SB_PORTBASE (empty: Payara's default ports, admin 4848 / HTTP 8080), SB_FRESH=true (delete the
# domain first, for tests), SB_START_TIMEOUT (seconds, default 300), SB_REALM_JAR (the switchboard
# security realm, default realm/target/switchboard-realm.jar), SB_ADMIN_PASSWORD (password of the
# first admin account, used only while the database has no account; without it Switchboard makes a
# random one and writes it to <domain>/config/switchboard-admin-password), SB_DB (h2, the default,
# or postgres: scripts/postgres.sh starts Debian's PostgreSQL, the driver goes into the domain's lib
# and jdbc/switchboard points at a PostgreSQL pool; SB_PG_* as in postgres.sh), SB_ADMIN_REMOTE=true
# (the admin port answers other hosts too, over TLS only: secure admin; default: loopback only),
# SB_H2_AUTO_SERVER=true (H2 also opens its password-protected auto-server port, for the tests that
# close the server's sessions from outside; off by default), SB_ARQUILLIAN_PROPERTIES (a file that
# start writes Arquillian's admin credentials for this domain into, for the integration tests),
# SB_HEAP, SB_GC, SB_GC_PAUSE_MS and SB_TX_LOG_DIR (the server's JVM and transaction log, below).
#
# Secrets: a new domain gets its own random passwords, kept in <domain>/config/switchboard-secrets
# (mode 600; never on a command line, never in the repository): Payara's admin (user admin), the
# built-in broker's admin, the application's and the worker nodes' broker accounts, H2's. Worker
# nodes read theirs from <domain>/config/switchboard-worker-broker. A domain without that file (the
# zip's own domain1, or one made by an older Switchboard) is replaced by a new one.
set -euo pipefail
umask 077 # every file the domain writes (database, broker store, logs, secrets) is the owner's only

: "${PAYARA_HOME:?PAYARA_HOME must name the unpacked payara6 folder}"
SB_DOMAIN=${SB_DOMAIN:-domain1}
SB_PORTBASE=${SB_PORTBASE:-}
SB_START_TIMEOUT=${SB_START_TIMEOUT:-300}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SB_REALM_JAR=${SB_REALM_JAR:-$ROOT/realm/target/switchboard-realm.jar}
SB_DB=${SB_DB:-h2}
# the build's PostgreSQL driver (pom.xml), the one the integration tests use too
PG_DRIVER_VERSION=$(sed -n 's:.*<postgresql.version>\(.*\)</postgresql.version>.*:\1:p' "$ROOT/pom.xml" 2>/dev/null | head -1 || true)
COMMANDS="$ROOT/scripts/domain" # the configuration: asadmin command files
ASADMIN="$PAYARA_HOME/bin/asadmin"
DOMAIN_DIR="$PAYARA_HOME/glassfish/domains/$SB_DOMAIN"
if [[ -n "$SB_PORTBASE" ]]; then
  ADMIN_PORT=$((SB_PORTBASE + 48))
  HTTP_PORT=$((SB_PORTBASE + 80))
else
  ADMIN_PORT=4848
  HTTP_PORT=8080
fi


log() { printf '[domain.sh] %s\n' "$*" >&2; }

# The server's heap and garbage collector: scripts/domain/jvm-$SB_GC.asadmin (SB_GC=g1, the
# default, lets G1 size the young generation for pauses near SB_GC_PAUSE_MS, default 20; zgc uses
# ZGC; template keeps Payara's 512 MB and -XX:NewRatio=2), in a heap of SB_HEAP (default 1g).
SB_GC=${SB_GC:-g1}
[[ -f "$COMMANDS/jvm-$SB_GC.asadmin" ]] || { log "SB_GC must be g1, zgc or template, not $SB_GC"; exit 2; }

# Where the transaction manager keeps its log (SB_TX_LOG_DIR; settings.asadmin says why it
# matters). On the embedded default neither H2 (no sync on commit) nor the built-in broker
# (imq.persist.file.sync.enabled=false) syncs to disk either, so the embedded default survives a
# killed server, not a power cut; the log then goes to shared memory (/dev/shm), which also
# survives a killed server, and costs nothing. With SB_DB=postgres, whose commits are synced, the
# log stays in the domain's logs folder. SB_TX_LOG_DIR=disk keeps it there.
SHM_TX_LOG=/dev/shm/switchboard-tx-log/$SB_DOMAIN

tx_log_dir() {
  local dir=${SB_TX_LOG_DIR:-}
  if [[ -z "$dir" && "$SB_DB" == h2 && -d /dev/shm && -w /dev/shm ]]; then
    dir=$SHM_TX_LOG
  fi
  if [[ -z "$dir" || "$dir" == disk ]]; then
    dir='${com.sun.aas.instanceRoot}/logs'
  else
    mkdir -p "$dir"
  fi
  echo "$dir"
}


SECRETS="$DOMAIN_DIR/config/switchboard-secrets"
WORKER_SECRETS="$DOMAIN_DIR/config/switchboard-worker-broker"
BROKER_VARHOME="$DOMAIN_DIR/imq"

asadmin_remote() { "$ASADMIN" --interactive=false --user admin --passwordfile "$SECRETS" --port "$ADMIN_PORT" "$@"; }

# The admin port answers (401 without credentials counts: the domain is up).
running() {
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$ADMIN_PORT/management/domain" 2>/dev/null) || true
  [[ "$code" == 200 || "$code" == 401 ]]
}

secret() { sed -n "s/^$1=//p" "$SECRETS"; }

new_secret() { head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 24; }

domain_pid() { cat "$DOMAIN_DIR/config/pid" 2>/dev/null || true; }

# A new domain: its own admin password and TLS key (create-domain makes a new self-signed key pair),
# and the other secrets, all random. A domain without Switchboard's secrets is replaced: the zip's
# domain1 has an empty admin password and the zip's public key.
create() {
  if [[ -d "$DOMAIN_DIR" && ! -f "$SECRETS" ]]; then
    log "domain $SB_DOMAIN has no Switchboard secrets (Payara's sample domain, or an older version's): replacing it with a new domain"
    stop || true
    "$ASADMIN" --interactive=false delete-domain "$SB_DOMAIN" >&2 || rm -rf "$DOMAIN_DIR"
    rm -rf "$SHM_TX_LOG"
  fi
  if [[ -d "$DOMAIN_DIR" ]]; then
    return
  fi
  log "creating domain $SB_DOMAIN (admin port $ADMIN_PORT, HTTP port $HTTP_PORT)"
  local secrets
  secrets=$(mktemp)
  {
    echo "AS_ADMIN_PASSWORD=$(new_secret)"
    echo "imq.imqcmd.password=$(new_secret)"
    echo "switchboard.broker.app.password=$(new_secret)"
    echo "switchboard.broker.worker.password=$(new_secret)"
    echo "switchboard.h2.password=$(new_secret)"
    echo "switchboard.pg.password=$(new_secret)"
  } >"$secrets"
  if [[ -n "$SB_PORTBASE" ]]; then
    "$ASADMIN" --interactive=false --user admin --passwordfile "$secrets" create-domain --portbase "$SB_PORTBASE" "$SB_DOMAIN" >&2
  else
    "$ASADMIN" --interactive=false --user admin --passwordfile "$secrets" create-domain --adminport 4848 --instanceport 8080 "$SB_DOMAIN" >&2
  fi
  mv "$secrets" "$SECRETS"
  chmod 600 "$SECRETS"
  printf 'user=worker\npassword=%s\n' "$(secret switchboard.broker.worker.password)" >"$WORKER_SECRETS"
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

# PostgreSQL: the database (scripts/postgres.sh) and the JDBC driver in the domain's lib folder,
# read when the domain starts. Prints "changed" if the driver was added.
install_postgres() {
  [[ "$SB_DB" == postgres ]] || return 0
  : "${PG_DRIVER_VERSION:?no <postgresql.version> in $ROOT/pom.xml}"
  # the role's password is this domain's own (postgres.sh sets it at every start)
  SB_PG_PASSWORD=$(secret switchboard.pg.password) bash "$ROOT/scripts/postgres.sh" start
  local driver="$DOMAIN_DIR/lib/postgresql-$PG_DRIVER_VERSION.jar"
  if [[ ! -f "$driver" ]]; then
    mvn -B -q -f "$ROOT/pom.xml" -N dependency:copy \
      -Dartifact="org.postgresql:postgresql:$PG_DRIVER_VERSION" -DoutputDirectory="$DOMAIN_DIR/lib" >&2
    echo changed
  fi
}

# OpenMQ's password file stores a user as the MD5 of "user:password", written as a signed
# hexadecimal number (Java's BigInteger of the digest). Reads the password from standard input.
broker_hash() {
  local hex out="" carry=1 i d
  hex=$( (printf '%s:' "$1"; cat) | md5sum | cut -c1-32)
  if ((16#${hex:0:1} < 8)); then
    echo "${hex#"${hex%%[!0]*}"}"
    return
  fi
  for ((i = 31; i >= 0; i--)); do
    d=$((15 - 16#${hex:i:1} + carry))
    carry=$((d >> 4))
    out=$(printf '%x' $((d & 15)))$out
  done
  echo "-${out#"${out%%[!0]*}"}"
}

# The built-in broker's accounts and access control, written before its first start (it is started
# with the first JMS use) or over its defaults: no guest, the broker admin with its own password,
# the application's account (every Switchboard destination), the worker nodes' account (takes from
# the dispatch queue; puts on the status, registration and dead-letter queues; nothing else).
BROKER_ACL='version=JMQFileAccessControlModel/100
connection.NORMAL.allow.user=switchboard,worker
connection.NORMAL.allow.group=admin
connection.ADMIN.allow.group=admin
queue.*.produce.allow.user=switchboard
queue.*.consume.allow.user=switchboard
queue.*.browse.allow.user=switchboard
topic.*.produce.allow.user=switchboard
topic.*.consume.allow.user=switchboard
queue.create.allow.user=switchboard
topic.create.allow.user=switchboard
queue.SwitchboardDispatch.consume.allow.user=switchboard,worker
queue.SwitchboardStatus.produce.allow.user=switchboard,worker
queue.SwitchboardRegistration.produce.allow.user=switchboard,worker
queue.SwitchboardDeadLetters.produce.allow.user=switchboard,worker'

configure_broker() {
  local etc="$BROKER_VARHOME/instances/imqbroker/etc" passwd
  mkdir -p "$etc"
  passwd=$(
    printf 'admin:%s:admin:1\n' "$(secret imq.imqcmd.password | tr -d '\n' | broker_hash admin)"
    printf 'switchboard:%s:user:1\n' "$(secret switchboard.broker.app.password | tr -d '\n' | broker_hash switchboard)"
    printf 'worker:%s:user:1\n' "$(secret switchboard.broker.worker.password | tr -d '\n' | broker_hash worker)"
  )
  if [[ "$(cat "$etc/passwd" 2>/dev/null)" != "$passwd" ]]; then
    log "broker accounts: admin, switchboard, worker (no guest)"
    printf '%s\n' "$passwd" >"$etc/passwd"
  fi
  [[ "$(cat "$etc/accesscontrol.properties" 2>/dev/null)" == "$BROKER_ACL" ]] ||
    printf '%s\n' "$BROKER_ACL" >"$etc/accesscontrol.properties"
  chmod 600 "$etc/passwd" "$etc/accesscontrol.properties"
}

# Payara password aliases for the database passwords (the pools name ${ALIAS=...}), from the secrets.
create_aliases() {
  local aliases alias file
  aliases=$(asadmin_remote list-password-aliases 2>/dev/null || true)
  for alias in switchboard-h2:switchboard.h2.password switchboard-pg:switchboard.pg.password \
    switchboard-broker-admin:imq.imqcmd.password; do
    grep -qx "${alias%%:*}" <<<"$aliases" && continue
    [[ -n "$(secret "${alias#*:}")" ]] || continue # a domain made before that secret existed
    file=$(mktemp) # the admin's password and the alias's, in the one password file asadmin reads
    { grep '^AS_ADMIN_PASSWORD=' "$SECRETS"; echo "AS_ADMIN_ALIASPASSWORD=$(secret "${alias#*:}")"; } >"$file"
    "$ASADMIN" --interactive=false --user admin --passwordfile "$file" --port "$ADMIN_PORT" \
      create-password-alias "${alias%%:*}" >&2
    rm -f "$file"
  done
}


# Prints a command file without its comments and blank lines, its ${ENV=NAME} and
# ${ENV=NAME:default} references replaced by this script's variables, as Payara replaces them from
# the environment in a post-boot command file. A reference without default to an unset or empty
# variable is an error (Payara would leave it as it is). Other references (${ALIAS=...},
# ${com.sun.aas.instanceRoot}) stay for the server to resolve.
expand() {
  local line name value re='\$\{ENV=([A-Za-z_][A-Za-z0-9_]*)(:([^}]*))?\}'
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line#"${line%%[![:space:]]*}"}"
    [[ -z "$line" || "$line" == '#'* ]] && continue
    while [[ "$line" =~ $re ]]; do
      name=${BASH_REMATCH[1]}
      if [[ -n "${!name:-}" ]]; then # empty counts as unset, as in the scripts' ${VAR:-default}
        value=${!name}
      elif [[ -n "${BASH_REMATCH[2]}" ]]; then
        value=${BASH_REMATCH[3]}
      else
        log "$1: \${ENV=$name} has no value and no default"
        exit 2
      fi
      line=${line/"${BASH_REMATCH[0]}"/"$value"}
    done
    printf '%s\n' "$line"
  done <"$1"
}

# The names of what the domain has: resources, pools, realms, resource adapter configs, JVM
# options (or, with "destinations", the broker's physical destinations), one a line.
existing() {
  local list
  list=$(mktemp)
  if [[ "${1:-}" == destinations ]]; then
    echo list-jmsdest >"$list"
  else
    printf '%s\n' list-jms-resources list-jdbc-resources list-jdbc-connection-pools list-auth-realms \
      list-resource-adapter-configs list-jvm-options >"$list"
  fi
  asadmin_remote multimode --file "$list" 2>/dev/null || true
  rm -f "$list"
}

# The key of a JVM option, which two values of one setting share: -Xmx, -XX:MaxGCPauseMillis=.
jvm_key() {
  case "$1" in
    -Xmx* | -Xms* | -Xss*) echo "${1:0:4}" ;;
    *=*) echo "${1%%=*}=" ;;
    *) echo "$1" ;;
  esac
}

# Writes the commands of the given files that the domain needs to standard output: every line but a
# create-* whose resource (its last word) the domain has (names in $1). A create-jvm-options line
# is preceded by the deletion of an option of the same key with another value (an -Xmx of another
# size), since the JVM would take either.
needed() {
  local names=$1 file line operand option key
  shift
  for file; do
    expand "$COMMANDS/$file" | while IFS= read -r line; do
      operand=${line##* }
      operand=${operand//\\:/:}
      if [[ "$line" == create-* ]] && grep -qxF -- "$operand" <<<"$names"; then
        continue
      fi
      if [[ "$line" == create-jvm-options* ]]; then
        key=$(jvm_key "$operand")
        while IFS= read -r option; do
          [[ -n "$option" && "$option" != "$operand" && "$(jvm_key "$option")" == "$key" ]] &&
            echo "delete-jvm-options ${option//:/\\:}"
        done < <(grep -F -- "$key" <<<"$names" || true)
      fi
      printf '%s\n' "$line"
    done
  done
}

# Applies the given command files to the running domain in one multimode session; with --quiet
# (files that set passwords) its output is discarded. The files are in the syntax of a post-boot
# command file, where "\:" reaches the command as it is; multimode reads a backslash as an escape,
# so it gets them doubled. multimode ends with 0 even when a command failed: its output tells.
apply() {
  local quiet=false commands out
  if [[ "$1" == --quiet ]]; then
    quiet=true
    shift
  fi
  commands=$(mktemp)
  out=$(mktemp)
  # an option two lines delete (the file's and needed's, for another value) is deleted once
  needed "$NAMES" "$@" | awk '!($1 == "delete-jvm-options" && seen[$0]++)' | sed 's/\\/\\\\/g' >"$commands"
  if [[ -s "$commands" ]]; then
    log "applying $* ($(wc -l <"$commands") commands)"
    asadmin_remote multimode --file "$commands" >"$out" 2>&1 || true
    [[ "$quiet" == true ]] || cat "$out" >&2
    if grep -q -e '^Command .* failed' -e '^remote failure' "$out"; then
      log "applying $* failed: $(grep -o '^Command [^ ]* failed' "$out" | awk '{ print $2 }' | tr '\n' ' ')"
      rm -f "$commands" "$out"
      exit 1
    fi
  fi
  rm -f "$commands" "$out"
}

# Switchboard's configuration, from scripts/domain/: the database, the resources, the settings and
# the JVM, the application's broker account. Sets RESTART=true if that changed domain.xml (most
# settings and JVM options take effect at the next start).
configure() {
  local xml="$DOMAIN_DIR/config/domain.xml" before
  before=$(md5sum <"$xml")
  NAMES=$(existing)
  # the values the command files refer to (${ENV=...}); the passwords are not exported
  SB_TX_LOG_DIR=$(tx_log_dir)
  SB_H2_OPTIONS=""
  [[ "${SB_H2_AUTO_SERVER:-false}" == true ]] && SB_H2_OPTIONS=";AUTO_SERVER=TRUE"
  SB_ADMIN_ADDRESS=127.0.0.1
  local files=("$SB_DB.asadmin" resources.asadmin settings.asadmin "jvm-$SB_GC.asadmin")
  if [[ "${SB_ADMIN_REMOTE:-false}" == true ]]; then
    SB_ADMIN_ADDRESS=0.0.0.0
    asadmin_remote get secure-admin.enabled 2>/dev/null | grep -q =true || files+=(admin-remote.asadmin)
  fi
  apply "${files[@]}"
  local SB_BROKER_APP_PASSWORD SB_ADMIN_PASSWORD=${SB_ADMIN_PASSWORD:-}
  SB_BROKER_APP_PASSWORD=$(secret switchboard.broker.app.password)
  apply --quiet broker-account.asadmin
  if [[ -n "$SB_ADMIN_PASSWORD" ]]; then
    SB_ADMIN_PASSWORD=${SB_ADMIN_PASSWORD//:/\\:}
    apply --quiet first-admin.asadmin
  fi
  [[ "$(md5sum <"$xml")" == "$before" ]] || RESTART=true
}

# The broker's physical destinations (destinations.asadmin), made by its admin once the domain
# runs with the broker admin's own password.
create_destinations() {
  NAMES=$(existing destinations)
  apply destinations.asadmin
}

# asadmin restart-domain starts the new process while the old one may still hold the embedded
# broker's port: the new one's broker then fails ("Cannot initialise JMS broker listener"), no
# consumer starts and tasks stay SUBMITTED (seen on the run command's domain). So: stop, wait
# until the old process has gone, start.
restart_domain() {
  local pid deadline
  pid=$(domain_pid)
  "$ASADMIN" --interactive=false stop-domain --kill=false "$SB_DOMAIN" >&2 || true
  if [[ -n "$pid" ]]; then
    deadline=$((SECONDS + 60))
    while kill -0 "$pid" 2>/dev/null; do
      if ((SECONDS >= deadline)); then
        log "domain process $pid did not stop in 60 s, killing it"
        kill -9 "$pid" 2>/dev/null || true
        sleep 2
        break
      fi
      sleep 1
    done
  fi
  "$ASADMIN" --interactive=false start-domain --timeout "$SB_START_TIMEOUT" "$SB_DOMAIN" >&2
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
    restart_domain
  fi
  if ! running; then
    log "starting domain $SB_DOMAIN (timeout ${SB_START_TIMEOUT}s)"
    "$ASADMIN" --interactive=false start-domain --timeout "$SB_START_TIMEOUT" "$SB_DOMAIN" >&2
  fi
  await_admin
  configure_broker
  create_aliases
  RESTART=false
  configure
  if [[ "$RESTART" == true ]]; then
    log "restarting domain $SB_DOMAIN for its changed configuration"
    restart_domain
    await_admin
  fi
  create_destinations
  if [[ -n "${SB_ARQUILLIAN_PROPERTIES:-}" ]]; then
    mkdir -p "$(dirname "$SB_ARQUILLIAN_PROPERTIES")"
    printf 'arq.container.payara.configuration.adminUser=admin\narq.container.payara.configuration.adminPassword=%s\n' \
      "$(secret AS_ADMIN_PASSWORD)" >"$SB_ARQUILLIAN_PROPERTIES"
  fi
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
    restart_domain
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
