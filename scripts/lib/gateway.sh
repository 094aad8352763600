# One HTTPS gateway (gateway/dist/server.js) per peer organisation of network/network.json
# that names a gatewayPort: its TLS certificate comes from the organisation's CA, its secret
# (token and wallet keys) from a file readable by the owner only, both created once.
# Needs log.sh, fabric-env.sh, paths.sh, proc.sh and ca.sh sourced first.
# shellcheck shell=bash

gateway_dir() { printf '%s/gateways/%s' "$NET_HOME" "$1"; }

# The environment of the gateway of ORG, one VAR=value per line (see docs/GATEWAY.md).
gateway_env() { # org msp caport gwport peerport
  local org=$1 msp=$2 caport=$3 gwport=$4 peerport=$5 dir
  dir=$(gateway_dir "$org")
  printf '%s\n' \
    "HEALTHLEDGER_ORG=$org" \
    "HEALTHLEDGER_MSP_ID=$msp" \
    "HEALTHLEDGER_GATEWAY_HOST=$HOST" \
    "HEALTHLEDGER_GATEWAY_PORT=$gwport" \
    "HEALTHLEDGER_GATEWAY_TLS_CERT=$dir/identity/tls/server.crt" \
    "HEALTHLEDGER_GATEWAY_TLS_KEY=$dir/identity/tls/server.key" \
    "HEALTHLEDGER_GATEWAY_SECRET_FILE=$dir/gateway.secret" \
    "HEALTHLEDGER_WALLET_DIR=$dir/wallet" \
    "HEALTHLEDGER_GATEWAY_MSP=$(commit_stream_msp "$dir")" \
    "HEALTHLEDGER_PEER_ENDPOINT=$HOST:$peerport" \
    "HEALTHLEDGER_PEER_TLS_ROOT_CERT=$(org_ca_cert "$org")" \
    "HEALTHLEDGER_CHANNEL=$CHANNEL" \
    "HEALTHLEDGER_CHAINCODE=$("${NETCFG[@]}" get chaincode.name)" \
    "HEALTHLEDGER_CA_URL=$(ca_url "$org" "$caport")" \
    "HEALTHLEDGER_CA_NAME=$(ca_name "$org")" \
    "HEALTHLEDGER_CA_TLS_ROOT_CERT=$(ca_home "$org")/ca-cert.pem" \
    "HEALTHLEDGER_CA_REGISTRAR_MSP=$(org_dir "$org")/ca-admin/msp" \
    "HEALTHLEDGER_LOG_LEVEL=${HEALTHLEDGER_GATEWAY_LOG_LEVEL:-info}" \
    "MALLOC_ARENA_MAX=${HEALTHLEDGER_GATEWAY_MALLOC_ARENAS:-2}"
}

# The gateway confirms commits from a block stream read with its own identity; with
# HEALTHLEDGER_GATEWAY_COMMITS=status it asks the peer per transaction (the SDK's way), to compare.
commit_stream_msp() { # gateway dir
  [[ ${HEALTHLEDGER_GATEWAY_COMMITS:-stream} == status ]] || printf '%s' "$1/identity/msp"
}

# The listen port of the organisation's first peer.
first_peer_port() { # org
  local norg idx _name _kind listen _rest
  while read -r norg idx _name _kind listen _rest; do
    if [[ $norg == "$1" && $idx == 0 ]]; then
      printf '%s' "$listen"
      return 0
    fi
  done < <("${NETCFG[@]}" nodes peer)
  die "organisation $1 has no peer"
}

start_gateway() { # org msp caport gwport
  local org=$1 msp=$2 caport=$3 gwport=$4 dir env node_args
  dir=$(gateway_dir "$org")
  mkdir -p "$dir"
  chmod 700 "$dir"
  enroll_ca_admin "$org" "$caport"
  issue_identity "$org" "$caport" gateway client "" "$dir/identity" tls
  secret_file "$dir/gateway.secret" >/dev/null
  mapfile -t env < <(gateway_env "$org" "$msp" "$caport" "$gwport" "$(first_peer_port "$org")")
  # Node's flags (HEALTHLEDGER_GATEWAY_NODE_ARGS; also for --cpu-prof, which NODE_OPTIONS
  # refuses). The default caps V8's old generation: left alone, V8 let it grow to 130-150 MiB
  # for 45-75 MiB of live objects at saturation; capped, the gateway stayed at 166 MiB resident
  # instead of 219 with no measurable CPU cost (docs/BENCHMARKS.md, Memory).
  # HEALTHLEDGER_GATEWAY_MAIN: another build of the gateway, to compare before and after.
  read -ra node_args <<<"${HEALTHLEDGER_GATEWAY_NODE_ARGS---max-old-space-size=128}"
  start_process "gateway.$org" env "${env[@]}" node "${node_args[@]}" \
    "${HEALTHLEDGER_GATEWAY_MAIN:-$REPO_ROOT/gateway/dist/server.js}"
  wait_for_https "gateway.$org" "https://$HOST:$gwport/healthz" "$(org_ca_cert "$org")"
  log "gateway of $org at https://$HOST:$gwport (docs at /docs)"
}

start_gateways() {
  if [[ ! -f "$REPO_ROOT/gateway/dist/server.js" ]]; then
    log "building the gateway"
    npm run --silent build -w gateway >>"$LOG_DIR/build.log" 2>&1 || die "gateway build failed; see $LOG_DIR/build.log"
  fi
  local org msp _kind caport gwport
  while read -r org msp _kind caport gwport; do
    [[ $gwport == 0 ]] && continue
    start_gateway "$org" "$msp" "$caport" "$gwport"
  done < <("${NETCFG[@]}" orgs peer)
}

stop_gateways() {
  local org _msp _kind _caport gwport
  while read -r org _msp _kind _caport gwport; do
    [[ $gwport == 0 ]] && continue
    stop_process "gateway.$org"
  done < <("${NETCFG[@]}" orgs peer)
}
