#!/usr/bin/env bash
# The local HealthLedger network: every CA, orderer, peer and chaincode server as a native
# process on this host, described by network/network.json.
#
#   network.sh up       CAs, identities, orderers, channel, peers (resumes a stopped network)
#   network.sh deploy   build, package, install, approve and commit the chaincode; upgrades when changed
#   network.sh down     stop every process this script started (by PID), keeping the data
#   network.sh clean    down, then remove the data
#   network.sh status   each node's health endpoint and the ledger height
set -euo pipefail

SCRIPTS=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib/log.sh
source "$SCRIPTS/lib/log.sh"
# shellcheck source=lib/fabric-env.sh
source "$SCRIPTS/lib/fabric-env.sh"
# shellcheck source=lib/paths.sh
source "$SCRIPTS/lib/paths.sh"
# shellcheck source=lib/proc.sh
source "$SCRIPTS/lib/proc.sh"
# shellcheck source=lib/ca.sh
source "$SCRIPTS/lib/ca.sh"
# shellcheck source=lib/nodes.sh
source "$SCRIPTS/lib/nodes.sh"
# shellcheck source=lib/channel.sh
source "$SCRIPTS/lib/channel.sh"
# shellcheck source=lib/chaincode.sh
source "$SCRIPTS/lib/chaincode.sh"

read -r FIRST_ORG _ FIRST_PEER _ FIRST_LISTEN _ _ _ FIRST_MSP < <("${NETCFG[@]}" nodes peer | head -n1)

require_fabric() {
  [[ -x "$FABRIC_BIN/peer" ]] || die "Fabric is not installed; run scripts/install-fabric.sh (npm start does it)."
}

cmd_up() {
  require_fabric
  mkdir -p "$LOG_DIR" "$PID_DIR"
  local org msp kind caport _gw
  while read -r org msp kind caport _gw; do
    start_ca "$org" "$caport"
  done < <("${NETCFG[@]}" orgs)
  while read -r org msp kind caport _gw; do
    issue_org_identities "$org" "$caport"
  done < <("${NETCFG[@]}" orgs)

  local idx name listen ops extra ccserver
  while read -r org idx name kind listen ops extra ccserver msp; do
    start_orderer "$org" "$name" "$listen" "$ops" "$extra"
  done < <("${NETCFG[@]}" nodes orderer)
  while read -r org idx name kind listen ops extra ccserver msp; do
    start_peer "$org" "$name" "$listen" "$ops" "$extra" "$ccserver" "$msp"
  done < <("${NETCFG[@]}" nodes peer)
  while read -r org idx name kind listen ops extra ccserver msp; do
    wait_node_healthy "$org" "$name" "$ops"
  done < <("${NETCFG[@]}" nodes)

  create_channel_block
  while read -r org idx name kind listen ops extra ccserver msp; do
    join_orderer "$name" "$extra"
  done < <("${NETCFG[@]}" nodes orderer)
  while read -r org idx name kind listen ops extra ccserver msp; do
    join_peer "$org" "$name" "$listen" "$msp"
  done < <("${NETCFG[@]}" nodes peer)
  restart_chaincode_servers
  wait_for_gossip $(($("${NETCFG[@]}" nodes peer | wc -l) - 1))
  log "network up: $("${NETCFG[@]}" nodes | wc -l) nodes on channel $CHANNEL; logs in $LOG_DIR"
}

# After a restart the chaincode servers come back with the package they last ran.
restart_chaincode_servers() {
  local org idx name kind listen ops extra ccserver msp file
  while read -r org idx name kind listen ops extra ccserver msp; do
    file=$PID_DIR/cc.$org.$name.package
    if [[ -f "$file" ]] && ! is_running "cc.$org.$name"; then
      start_chaincode_server "$org" "$name" "$ccserver" "$(<"$file")" "$msp"
    fi
  done < <("${NETCFG[@]}" nodes peer)
  return 0
}

cmd_deploy() {
  require_fabric
  log "building the chaincode"
  npm run --silent build -w chaincode >>"$LOG_DIR/build.log" 2>&1 || die "chaincode build failed; see $LOG_DIR/build.log"
  VERSION=$(chaincode_version)
  local pkg id org idx name kind listen ops extra ccserver msp
  pkg=$(package_chaincode "$VERSION")
  id=$(package_id "$VERSION" "$pkg")
  while read -r org idx name kind listen ops extra ccserver msp; do
    install_on_peer "$org" "$name" "$listen" "$msp" "$pkg"
    if [[ ! -f "$PID_DIR/cc.$org.$name.package" || "$(<"$PID_DIR/cc.$org.$name.package")" != "$id" ]] || ! is_running "cc.$org.$name"; then
      start_chaincode_server "$org" "$name" "$ccserver" "$id" "$msp"
    fi
  done < <("${NETCFG[@]}" nodes peer)

  if [[ "$(committed_field version)" == "$VERSION" ]]; then
    log "$CC_NAME $VERSION is already committed"
    return 0
  fi
  local sequence
  sequence=$(($(committed_field sequence || echo 0) + 1))
  while read -r org idx name kind listen ops extra ccserver msp; do
    [[ $idx == 0 ]] && approve_for_org "$org" "$name" "$listen" "$msp" "$id" "$sequence"
  done < <("${NETCFG[@]}" nodes peer)
  commit_definition "$sequence"
}

cmd_down() {
  local file name
  shopt -s nullglob
  # Gateways, chaincode servers and peers first, orderers next, CAs last.
  for pattern in 'gateway.*' 'cc.*' '*.peer*' 'orderer.orderer*' 'ca.*' '*'; do
    for file in "$PID_DIR"/$pattern.pid; do
      name=$(basename "$file" .pid)
      stop_process "$name"
    done
  done
}

cmd_clean() {
  cmd_down
  rm -rf "$NET_HOME"
  log "removed $NET_HOME"
}

cmd_status() {
  local org idx name kind listen ops extra ccserver msp state failed=0
  while read -r org idx name kind listen ops extra ccserver msp; do
    if curl -fsS --cacert "$(node_dir "$org" "$name")/tls/ca.crt" "https://$HOST:$ops/healthz" >/dev/null 2>&1; then
      state=healthy
    else
      state=down
      failed=1
    fi
    printf '%-10s %-9s %-7s %s:%s\n' "$org" "$name" "$state" "$HOST" "$listen"
  done < <("${NETCFG[@]}" nodes)
  if ((failed == 0)); then
    (
      peer_admin_env "$FIRST_ORG" "$FIRST_PEER" "$FIRST_LISTEN" "$FIRST_MSP"
      peer channel getinfo -c "$CHANNEL" 2>/dev/null | sed 's/^Blockchain info: /ledger: /'
    )
  fi
  printf 'resident memory: %s MiB over %s processes\n' "$(resident_kib | awk '{printf "%.0f", $1/1024}')" "$(running_count)"
  node_runtimes
  return "$failed"
}

# The Node.js version each kind of Node process runs on (its executable, asked directly).
node_runtimes() {
  local kind file pid exe versions
  shopt -s nullglob
  for kind in gateway cc; do
    versions=$(
      for file in "$PID_DIR/$kind".*.pid; do
        pid=$(<"$file")
        exe=$(readlink "/proc/$pid/exe" 2>/dev/null) || continue
        "$exe" -v 2>/dev/null
      done | sort -u | paste -sd, -
    )
    [[ -n $versions ]] && printf 'node of the %s: %s\n' "$([[ $kind == cc ]] && echo 'chaincode servers' || echo gateways)" "$versions"
  done
  printf 'node of the scripts and tests: %s (%s)\n' "$(node -v)" "$(command -v node)"
}

# Sum of the resident set sizes (KiB) of every process this script started.
resident_kib() {
  local file pid total=0 rss
  shopt -s nullglob
  for file in "$PID_DIR"/*.pid; do
    pid=$(<"$file")
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    total=$((total + ${rss:-0}))
  done
  echo "$total"
}

running_count() {
  local file n=0
  shopt -s nullglob
  for file in "$PID_DIR"/*.pid; do
    kill -0 "$(<"$file")" 2>/dev/null && n=$((n + 1))
  done
  echo "$n"
}

main() {
  local cmd=${1:-}
  case $cmd in
    up | deploy | down | clean | status) "cmd_$cmd" ;;
    *)
      sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2
      exit 2
      ;;
  esac
}

main "$@"
