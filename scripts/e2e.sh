#!/usr/bin/env bash
# Runs the end-to-end suites against the real local network: a healthy running network is
# reused (and left running); otherwise a network of the tests' own is brought up in
# .fabric-test and removed afterwards. After the suites, the data-placement scan
# (test/e2e-after) looks for every PHI value they wrote in every node's files and every log.
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
  # The PHI the suites write, recorded for the data-placement scan that runs after them.
  rm -f "${HEALTHLEDGER_NETWORK_HOME:-$REPO_ROOT/.fabric}/phi-written.jsonl"
  local suites=0
  npx mocha --no-config --timeout 180000 --reporter spec "$REPO_ROOT/build/test/e2e/**/*.test.js" || suites=$?
  # Scanned even when a suite failed: what it wrote before failing must be in place too.
  npx mocha --no-config --timeout 600000 --reporter spec "$REPO_ROOT/build/test/e2e-after/**/*.test.js"
  return "$suites"
}

main "$@"
