#!/usr/bin/env bash
# After a failed test run: the short form of what the integration tests kept when they failed
# (arquillian-tests/target/diagnostics*/, written by FailureDiagnostics), for a CI log that keeps
# only the console. For each failed test: the database sessions that were not idle, and the domain's
# threads that were inside Switchboard's code or waiting on the broker or the database, with their
# top frames; then the last warnings of each test domain's server log and PostgreSQL's lock waits.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
LIMIT=${SB_DIGEST_LINES:-400}
{
  for file in arquillian-tests/target/diagnostics*/*.txt; do
    [[ -f "$file" ]] || continue
    echo "=== $file"
    sed -n '1,2p' "$file" | cut -c1-300
    sed -n '/^## database sessions/,/^## threads/p' "$file" | grep -v '^## threads' | cut -c1-300
    # a thread is printed when one of its frames is ours, the broker's or the JDBC driver's, and
    # it is not an idle pool thread; at most 8 frames each
    awk '
      /^"/ { flush(); head = $0; n = 0; keep = 0; next }
      /java.lang.Thread.State/ { state = $0; next }
      /^\tat / {
        if ($0 ~ /dev\.switchboard|com\.sun\.messaging\.jms\.ra\.OnMessageRunner|org\.postgresql/) keep = 1
        if (n < 8) frames[n++] = $0
        next
      }
      function flush() {
        if (keep) {
          print substr(head, 1, 120); print state
          for (i = 0; i < n; i++) print frames[i]
          print ""
        }
        keep = 0
      }
      END { flush() }
    ' "$file"
  done
  for log in arquillian-tests/target/payara6/glassfish/domains/*/logs/server.log; do
    [[ -f "$log" ]] || continue
    echo "=== the last warnings of $log"
    grep -A1 -E '^\[[0-9T:.+-]+\] \[.*\] \[(WARNING|SEVERE)\]' "$log" | grep -v '^--$' | paste - - |
      grep -v 'SameSite\|Strict\.\|pool-resize-quantity\|Unprocessed event' |
      sed -E 's/^\[[0-9-]+T([0-9:.]+)\+0000\] \[[^]]*\] \[([A-Z]+)\].*\[\[\s*/\1 \2 /' | tail -40 | cut -c1-300
  done
  for log in /var/log/postgresql/postgresql-*-main.log; do
    [[ -e "$log" ]] || continue
    echo "=== lock waits, deadlocks and errors in $log"
    { cat "$log" 2>/dev/null || sudo -n cat "$log" 2>/dev/null; } |
      grep -E 'still waiting|acquired .* after|deadlock|ERROR|FATAL' | grep -v 'due to administrator command' | tail -30 | cut -c1-300
  done
} | head -n "$LIMIT"
