# The channel: genesis block from configtx.yaml (rendered from network.json), orderers joined
# through the channel participation API, peers joined by their org admins.
# shellcheck shell=bash

channel_block() { printf '%s/channel/%s.block' "$NET_HOME" "$CHANNEL"; }

create_channel_block() {
  local dir
  dir=$NET_HOME/channel
  [[ -f "$(channel_block)" ]] && return 0
  mkdir -p "$dir"
  "${NETCFG[@]}" configtx "$NET_HOME" "$dir"
  configtxgen -configPath "$dir" -profile "$CHANNEL" -channelID "$CHANNEL" \
    -outputBlock "$(channel_block)" >>"$LOG_DIR/configtxgen.log" 2>&1 ||
    die "configtxgen failed; see $LOG_DIR/configtxgen.log"
  log "created the genesis block of channel $CHANNEL"
}

join_orderer() { # name admin-port
  local nd
  nd=$(node_dir orderer "$1")
  if osnadmin channel list -o "$HOST:$2" --ca-file "$nd/tls/ca.crt" --client-cert "$nd/tls/server.crt" \
    --client-key "$nd/tls/server.key" 2>/dev/null | grep -q "\"name\": \"$CHANNEL\""; then
    return 0
  fi
  osnadmin channel join --channelID "$CHANNEL" --config-block "$(channel_block)" -o "$HOST:$2" \
    --ca-file "$nd/tls/ca.crt" --client-cert "$nd/tls/server.crt" --client-key "$nd/tls/server.key" \
    >>"$LOG_DIR/osnadmin.log" 2>&1 || die "orderer $1 could not join $CHANNEL; see $LOG_DIR/osnadmin.log"
  log "orderer $1 joined $CHANNEL"
}

join_peer() { # org name listen mspId
  (
    peer_admin_env "$@"
    if peer channel list 2>/dev/null | grep -qx "$CHANNEL"; then
      exit 0
    fi
    peer channel join -b "$(channel_block)" >>"$LOG_DIR/peer-cli.log" 2>&1 ||
      die "$2 of $1 could not join $CHANNEL; see $LOG_DIR/peer-cli.log"
    log "$2 of $1 joined $CHANNEL"
  )
}
