#!/usr/bin/env bash
# Makes sure Debian's Chromium is on the machine for the browser tests (test/e2e/browser), which
# drive it with playwright-core: no browser is ever downloaded by a test tool. Installs the
# `chromium` package with apt-get when it is missing and we may (root); otherwise says how.
set -euo pipefail

# shellcheck source=lib/log.sh
source "$(dirname "$0")/lib/log.sh"

readonly CHROMIUM=${HEALTHLEDGER_CHROMIUM:-/usr/bin/chromium}

install_chromium() {
  command -v apt-get >/dev/null 2>&1 ||
    die "$CHROMIUM is missing and apt-get is not available: install Chromium and set HEALTHLEDGER_CHROMIUM to its path."
  [[ $(id -u) -eq 0 ]] ||
    die "$CHROMIUM is missing: install it as root with 'apt-get install -y chromium' (Debian's package)."
  log "installing Debian's chromium package"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}

main() {
  [[ -x $CHROMIUM ]] || install_chromium
  [[ -x $CHROMIUM ]] || die "$CHROMIUM is still missing after installing chromium."
  log "browser: $("$CHROMIUM" --version 2>/dev/null)"
}

main "$@"
