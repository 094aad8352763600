#!/usr/bin/env bash
# Hyperledger Caliper 0.6 against the running network: the add-record and verify-licence
# workloads through Caliper's Fabric connector with the peer-gateway binding
# (fabric:fabric-gateway). Caliper is installed once, outside the repository, in
# $HEALTHLEDGER_CALIPER_HOME (default ~/.cache/healthledger/caliper); it is not a dependency
# of the project. Honours HEALTHLEDGER_NETWORK_HOME and HEALTHLEDGER_PORT_OFFSET.
#   run.sh [seconds per round (20)]
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
LIB=$(cd "$HERE/../../lib" && pwd)
# shellcheck source=../../lib/log.sh
source "$LIB/log.sh"
# shellcheck source=../../lib/fabric-env.sh
source "$LIB/fabric-env.sh"
# shellcheck source=../../lib/paths.sh
source "$LIB/paths.sh"

CALIPER_HOME=${HEALTHLEDGER_CALIPER_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/healthledger/caliper}
CALIPER_VERSION=0.6.0
DURATION=${1:-20}

install_caliper() {
  [[ -x "$CALIPER_HOME/node_modules/.bin/caliper" && -d "$CALIPER_HOME/node_modules/@hyperledger/fabric-gateway" ]] && return 0
  log "installing Caliper $CALIPER_VERSION in $CALIPER_HOME"
  mkdir -p "$CALIPER_HOME"
  [[ -f "$CALIPER_HOME/package.json" ]] || echo '{"name":"healthledger-caliper","private":true}' >"$CALIPER_HOME/package.json"
  (cd "$CALIPER_HOME" && npm install --no-audit --no-fund --save-exact "@hyperledger/caliper-cli@$CALIPER_VERSION" &&
    npx caliper bind --caliper-bind-sut fabric:fabric-gateway) >>"$LOG_DIR/caliper-install.log" 2>&1 ||
    die "Caliper could not be installed; see $LOG_DIR/caliper-install.log"
}

main() {
  bash "$REPO_ROOT/scripts/network.sh" status >/dev/null 2>&1 || die "no healthy network in $NET_HOME"
  install_caliper
  (cd "$REPO_ROOT" && npx --no-install tsc -p tsconfig.json >/dev/null 2>&1) || true
  local out work
  out=$(cd "$REPO_ROOT" && node --no-deprecation build/scripts/bench/caliper/prepare.js)
  work=$(mktemp -d)
  sed -e "s|__DURATION__|$DURATION|g" -e "s|__FIXTURES__|$out/fixtures.json|g" "$HERE/benchconfig.yaml" >"$work/benchconfig.yaml"
  log "Caliper $CALIPER_VERSION, fabric:fabric-gateway binding"
  # No --caliper-bind-sut here: binding at launch runs `npm install` in the working directory,
  # which inside this repository would install Caliper's SDK pins into the root package.json.
  # The binding was done once, in $CALIPER_HOME; Caliper runs from a scratch directory.
  (cd "$work" && "$CALIPER_HOME/node_modules/.bin/caliper" launch manager \
    --caliper-workspace "$HERE" \
    --caliper-networkconfig "$out/networkconfig.yaml" \
    --caliper-benchconfig "$work/benchconfig.yaml" \
    --caliper-flow-only-test \
    --caliper-report-path "$REPO_ROOT/results/caliper-report.html") 2>&1 | tee "$LOG_DIR/caliper.log"
  log "report: results/caliper-report.html; log: $LOG_DIR/caliper.log"
  rm -rf "$work"
}

main "$@"
