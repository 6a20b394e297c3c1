#!/usr/bin/env bash
# Makes sure Debian's headless Chromium and its chromedriver are installed, for the console's
# browser tests (arquillian-tests runs this before the integration tests). Installs the packages
# chromium and chromium-driver with apt-get when /usr/bin/chromedriver is missing; needs root or
# password-less sudo. A test tool's own browser download does not work on our build machines.
set -euo pipefail
CHROMIUM=${SB_CHROMIUM:-/usr/bin/chromium}
DRIVER=${SB_CHROMEDRIVER:-/usr/bin/chromedriver}
log() { printf '[browser.sh] %s\n' "$*" >&2; }

if [[ -x "$CHROMIUM" && -x "$DRIVER" ]]; then
  log "$("$DRIVER" --version 2>/dev/null | head -1)"
  exit 0
fi
SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { log "need root or sudo to install chromium"; exit 1; }
  SUDO=(sudo -n)
fi
log "installing chromium and chromium-driver from Debian's packages"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq >&2 || log "apt-get update failed; trying the install anyway"
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends chromium chromium-driver >&2
"$DRIVER" --version >&2
