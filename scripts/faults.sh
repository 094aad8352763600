#!/usr/bin/env bash
# Fault drills on a network of their own (see docs/RELIABILITY.md):
#   faults.sh                brings a fresh network up in .fabric-faults (every port shifted by
#                            2000, so it runs beside the dev and test networks), deploys, starts
#                            the gateways, runs the drills in test/faults, then removes it all
#   faults.sh restart NAME   restarts one process of that network by its PID-file name
#                            (orderer.orderer1, providerb.peer0, cc.providera.peer0,
#                            gateway.providera); the drills call it after a kill -9
# Environment: HEALTHLEDGER_FAULTS_HOME and HEALTHLEDGER_FAULTS_PORT_OFFSET move the network;
# HEALTHLEDGER_FAULTS_KEEP=1 leaves it running afterwards for a look at its logs;
# HEALTHLEDGER_FAULTS_ONLY=2 runs only the drills whose file name starts with it.
set -euo pipefail

SCRIPTS=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib/log.sh
source "$SCRIPTS/lib/log.sh"
# shellcheck source=lib/fabric-env.sh
source "$SCRIPTS/lib/fabric-env.sh"

export HEALTHLEDGER_NETWORK_HOME=${HEALTHLEDGER_FAULTS_HOME:-$REPO_ROOT/.fabric-faults}
export HEALTHLEDGER_PORT_OFFSET=${HEALTHLEDGER_FAULTS_PORT_OFFSET:-2000}
# The peers look for private data they missed every 5 s instead of every minute, so the
# reconciliation drill measures the catch-up, not the default sleep (core.yaml's
# peer.gossip.pvtData.reconcileSleepInterval, read from the environment the peers inherit).
export CORE_PEER_GOSSIP_PVTDATA_RECONCILESLEEPINTERVAL=${CORE_PEER_GOSSIP_PVTDATA_RECONCILESLEEPINTERVAL:-5s}
# Tells the drills that they run on a network of their own, where killing processes is fine.
# A write whose transaction died with the killed orderer waits for its commit status until
# this deadline; 15 s instead of 60 s frees the drill's writers while the leader is still down.
export HEALTHLEDGER_COMMIT_TIMEOUT_MS=${HEALTHLEDGER_COMMIT_TIMEOUT_MS:-15000}
export HEALTHLEDGER_FAULTS=1

# shellcheck source=lib/paths.sh
source "$SCRIPTS/lib/paths.sh"
# shellcheck source=lib/proc.sh
source "$SCRIPTS/lib/proc.sh"
# shellcheck source=lib/ca.sh
source "$SCRIPTS/lib/ca.sh"
# shellcheck source=lib/nodes.sh
source "$SCRIPTS/lib/nodes.sh"
# shellcheck source=lib/chaincode.sh
source "$SCRIPTS/lib/chaincode.sh"
# shellcheck source=lib/gateway.sh
source "$SCRIPTS/lib/gateway.sh"

network() { bash "$SCRIPTS/network.sh" "$@"; }

# Restarts the one process named NAME with the same start function the network scripts use.
restart() { # name
  local name=$1 org idx node kind listen ops extra ccserver msp caport gwport
  case $name in
    cc.*)
      while read -r org idx node kind listen ops extra ccserver msp; do
        [[ "cc.$org.$node" == "$name" ]] || continue
        start_chaincode_server "$org" "$node" "$ccserver" "$(<"$PID_DIR/$name.package")" "$msp"
        return 0
      done < <("${NETCFG[@]}" nodes peer)
      ;;
    gateway.*)
      while read -r org msp kind caport gwport; do
        [[ "gateway.$org" == "$name" ]] || continue
        start_gateway "$org" "$msp" "$caport" "$gwport"
        return 0
      done < <("${NETCFG[@]}" orgs peer)
      ;;
    orderer.* | *.peer*)
      while read -r org idx node kind listen ops extra ccserver msp; do
        [[ "$org.$node" == "$name" ]] || continue
        if [[ $kind == orderer ]]; then
          start_orderer "$org" "$node" "$listen" "$ops" "$extra"
        else
          start_peer "$org" "$node" "$listen" "$ops" "$extra" "$ccserver" "$msp"
        fi
        wait_node_healthy "$org" "$node" "$ops"
        return 0
      done < <("${NETCFG[@]}" nodes)
      ;;
  esac
  die "no process named $name"
}

teardown() {
  if [[ ${HEALTHLEDGER_FAULTS_KEEP:-} == 1 ]]; then
    log "leaving the fault network running in $HEALTHLEDGER_NETWORK_HOME (network.sh clean removes it)"
    return 0
  fi
  log "stopping and removing the fault network in $HEALTHLEDGER_NETWORK_HOME"
  network clean || true
}

drills() {
  local started=$SECONDS
  bash "$SCRIPTS/install-fabric.sh" >/dev/null
  (cd "$REPO_ROOT" && npm run --silent build && npx tsc -p tsconfig.json)
  trap teardown EXIT
  network clean >/dev/null 2>&1 || true
  log "starting the fault network in $HEALTHLEDGER_NETWORK_HOME (ports +$HEALTHLEDGER_PORT_OFFSET)"
  network up
  network deploy
  bash "$SCRIPTS/gateways.sh" start
  network status
  log "network ready after $((SECONDS - started)) s; running the drills"
  local files
  mapfile -t files < <(find "$REPO_ROOT/build/test/faults" -maxdepth 1 -name "${HEALTHLEDGER_FAULTS_ONLY:-}*.test.js" | sort)
  npx mocha --no-config --timeout 600000 --reporter spec "${files[@]}"
  log "fault drills done in $((SECONDS - started)) s"
}

main() {
  case ${1:-} in
    '') drills ;;
    restart) restart "${2:?usage: faults.sh restart NAME}" ;;
    *)
      sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2
      exit 2
      ;;
  esac
}

main "$@"
