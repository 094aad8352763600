#!/usr/bin/env bash
# Runs the end-to-end suites against the real local network: a healthy running network is
# reused (and left running); otherwise a network of the tests' own is brought up in
# .fabric-test and removed afterwards.
set -euo pipefail

SCRIPTS=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib/log.sh
source "$SCRIPTS/lib/log.sh"
# shellcheck source=lib/fabric-env.sh
source "$SCRIPTS/lib/fabric-env.sh"

network() { bash "$SCRIPTS/network.sh" "$@"; }

teardown() {
  log "stopping and removing the test network in $HEALTHLEDGER_NETWORK_HOME"
  network clean || true
}

main() {
  bash "$SCRIPTS/install-fabric.sh" >/dev/null
  if network status >/dev/null 2>&1; then
    log "reusing the healthy network in ${HEALTHLEDGER_NETWORK_HOME:-$REPO_ROOT/.fabric}"
  else
    export HEALTHLEDGER_NETWORK_HOME=$REPO_ROOT/.fabric-test
    trap teardown EXIT
    network clean >/dev/null 2>&1 || true
    log "starting a network of the tests' own in $HEALTHLEDGER_NETWORK_HOME"
    network up
  fi
  network deploy
  if [[ -f "$SCRIPTS/lib/gateway.sh" ]]; then
    bash "$SCRIPTS/gateways.sh" start
  fi
  network status
  npx mocha --no-config --timeout 180000 --reporter spec "$REPO_ROOT/build/test/e2e/**/*.test.js"
}

main "$@"
