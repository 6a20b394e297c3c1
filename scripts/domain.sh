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
# and jdbc/switchboard points at a PostgreSQL pool; SB_PG_* as in postgres.sh), SB_ADMIN_REMOTE=true
# (the admin port answers other hosts too, over TLS only: secure admin; default: loopback only),
# SB_H2_AUTO_SERVER=true (H2 also opens its password-protected auto-server port, for the tests that
# close the server's sessions from outside; off by default), SB_ARQUILLIAN_PROPERTIES (a file that
# start writes Arquillian's admin credentials for this domain into, for the integration tests).
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
      { echo "create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource --steadypoolsize 8 --maxpoolsize 64 --property serverName=localhost:portNumber=${SB_PG_PORT:-5432}:databaseName=${SB_PG_DATABASE:-switchboard}:user=${SB_PG_USER:-switchboard} $pool"
        echo "set resources.jdbc-connection-pool.$pool.property.password=\${ALIAS=switchboard-pg}"; } >>"$commands"
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
  # H2 opens no port (SB_H2_AUTO_SERVER=true for the tests that close its sessions from outside) and
  # asks for a user and password: the password from the domain's secrets, as a password alias.
  local h2_url="jdbc:h2:\${com.sun.aas.instanceRoot}/lib/databases/embedded_default;WRITE_DELAY=0"
  [[ "${SB_H2_AUTO_SERVER:-false}" == true ]] && h2_url+=";AUTO_SERVER=TRUE"
  if [[ "$SB_DB" == h2 ]] && [[ "$(asadmin_remote get "resources.jdbc-connection-pool.H2Pool.property.URL" 2>/dev/null | sed -n 's/^[^=]*URL=//p')" != "$h2_url" ]]; then
    echo "set resources.jdbc-connection-pool.H2Pool.property.URL=$h2_url" >>"$commands"
    echo "set resources.jdbc-connection-pool.H2Pool.property.user=switchboard" >>"$commands"
    echo "set resources.jdbc-connection-pool.H2Pool.property.password=\${ALIAS=switchboard-h2}" >>"$commands"
    # Payara's timer database: unused (Switchboard's timers are not persistent), but no port either
    echo "set resources.jdbc-connection-pool.__TimerPool.property.URL=jdbc:h2:\${com.sun.aas.instanceRoot}/lib/databases/ejbtimer" >>"$commands"
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
    log "creating Switchboard's resources: $(awk '{ print ($1 == "create-system-properties") ? "switchboard.admin.password" : ($1 == "set") ? $2 : $NF }' "$commands" | sed 's/=.*//' | tr '\n' ' ')"
    asadmin_remote multimode --file "$commands" >&2
  fi
  rm -f "$commands"
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

# Doors of the domain that only Switchboard's own parts use, closed or bound to loopback, and the
# application's broker account on Payara's side. Changes that need a restart print "restart".
harden() {
  local commands secret_commands
  commands=$(mktemp)
  secret_commands=$(mktemp)
  local c=configs.config.server-config
  want() { # setting value: set it unless it has that value already
    [[ "$(asadmin_remote get "$1" 2>/dev/null | sed -n "s|^$1=||p")" == "$2" ]] || echo "set $1=$2" >>"$commands"
  }
  # JMX: nothing of Switchboard uses it.
  want $c.admin-service.jmx-connector.system.enabled false
  # The admin port: loopback only, unless SB_ADMIN_REMOTE=true, which turns on secure admin (TLS).
  if [[ "${SB_ADMIN_REMOTE:-false}" == true ]]; then
    asadmin_remote get secure-admin.enabled 2>/dev/null | grep -q =true || echo "enable-secure-admin" >>"$commands"
    want $c.network-config.network-listeners.network-listener.admin-listener.address 0.0.0.0
  else
    want $c.network-config.network-listeners.network-listener.admin-listener.address 127.0.0.1
  fi
  # HTTP: threads for the load Switchboard claims, bounded waits for slow clients, no banners,
  # SameSite=Strict cookies.
  want $c.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size 64
  want $c.thread-pools.thread-pool.http-thread-pool.min-thread-pool-size 16
  want $c.network-config.transports.transport.tcp.read-timeout-millis 10000
  for listener in http-listener-1 http-listener-2; do
    want $c.network-config.protocols.protocol.$listener.http.request-timeout-seconds 60
    want $c.network-config.protocols.protocol.$listener.http.server-header false
    want $c.network-config.protocols.protocol.$listener.http.xpowered-by false
    want $c.network-config.protocols.protocol.$listener.http.cookie-same-site-enabled true
    want $c.network-config.protocols.protocol.$listener.http.cookie-same-site-value Strict
  done
  # Payara's own error pages name its version unless the product name is blank.
  asadmin_remote list-jvm-options 2>/dev/null | grep -qx -- '-Dproduct.name=' ||
    echo "create-jvm-options -Dproduct.name=" >>"$commands"
  # The broker: Payara manages it as the broker's admin; the application's inbound (the resource
  # adapter) and outbound (every JMS connection pool, transaction recovery included) connections
  # use its own account. Payara resolves no password alias there: those passwords sit in
  # domain.xml (mode 600), written by commands whose output is not shown.
  want $c.jms-service.jms-host.default_JMS_host.admin-password '${ALIAS=switchboard-broker-admin}'
  local app_password
  app_password=$(secret switchboard.broker.app.password)
  if [[ "$(asadmin_remote get resources.resource-adapter-config.jmsra.property.Password 2>/dev/null | sed -n 's/^[^=]*Password=//p')" != "$app_password" ]]; then
    asadmin_remote list-resource-adapter-configs 2>/dev/null | grep -qx jmsra ||
      echo "create-resource-adapter-config jmsra" >>"$secret_commands"
    echo "set resources.resource-adapter-config.jmsra.property.UserName=switchboard" >>"$secret_commands"
    echo "set resources.resource-adapter-config.jmsra.property.Password=$app_password" >>"$secret_commands"
    local pool
    for pool in $(asadmin_remote list-connector-connection-pools 2>/dev/null | grep -v '^Command '); do
      echo "set resources.connector-connection-pool.$pool.property.UserName=switchboard" >>"$secret_commands"
      echo "set resources.connector-connection-pool.$pool.property.Password=$app_password" >>"$secret_commands"
    done
  fi
  # The data grid (Hazelcast): a single domain has no one to share it with.
  asadmin_remote get-hazelcast-configuration 2>/dev/null | grep -q '^Enabled *false' ||
    echo "set-hazelcast-configuration --enabled=false --dynamic=false" >>"$commands"
  if [[ -s "$commands" || -s "$secret_commands" ]]; then
    log "hardening: $(sed -e 's/^set //' -e 's/[= ].*//' -e 's/.*\.\([^.]*\.[^.]*\)$/\1/' "$commands" | tr '\n' ' ')$([[ -s "$secret_commands" ]] && echo "and the application's broker account")"
    [[ -s "$commands" ]] && asadmin_remote multimode --file "$commands" >&2
    if [[ -s "$secret_commands" ]] && ! asadmin_remote multimode --file "$secret_commands" >/dev/null 2>&1; then
      log "setting the application's broker account failed"
      rm -f "$commands" "$secret_commands"
      exit 1
    fi
    echo restart
  fi
  rm -f "$commands" "$secret_commands"
  # Payara's MicroProfile endpoints (/metrics, /openapi) would describe the server to anyone.
  local endpoint
  for endpoint in metrics openapi; do
    [[ "$(asadmin_remote get-$endpoint-configuration 2>/dev/null | awk 'NR == 2 { print $1 }')" == false ]] ||
      asadmin_remote set-$endpoint-configuration --enabled=false >&2
  done
}

# The broker's physical destinations, made by its admin: the broker checks an account's right to
# create a destination whenever it uses one that does not exist or was created on first use, and
# only the application's account may create destinations (the worker account may not).
create_destinations() {
  local existing commands
  existing=$(asadmin_remote list-jmsdest 2>/dev/null || true)
  commands=$(mktemp)
  for d in "${DESTINATIONS[@]}"; do
    read -r jndi physical type <<<"$d"
    grep -qx "$physical" <<<"$existing" && continue
    if [[ "$type" == jakarta.jms.Queue ]]; then
      echo "create-jmsdest --desttype queue --property maxNumActiveConsumers=-1 $physical" >>"$commands"
    else
      echo "create-jmsdest --desttype topic $physical" >>"$commands"
    fi
  done
  if [[ -s "$commands" ]]; then
    log "creating the broker's destinations: $(awk '{ print $NF }' "$commands" | tr '\n' ' ')"
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
  configure_broker
  create_aliases
  configure
  if [[ "$(harden)" == *restart* ]]; then
    log "restarting domain $SB_DOMAIN for its hardened settings"
    "$ASADMIN" --interactive=false restart-domain --timeout "$SB_START_TIMEOUT" "$SB_DOMAIN" >&2
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
