# Tuning knobs the benchmark turns on a running network (scripts/bench/tune.sh):
#  - the orderer's batch settings, by a channel configuration update (fetch the config block,
#    edit Orderer.BatchTimeout / BatchSize.MaxMessageCount, compute the update with
#    configtxlator, sign it as the ordering organisation's admin and submit it);
#  - the peers' gateway concurrency limit (CORE_PEER_LIMITS_CONCURRENCY_GATEWAYSERVICE, read
#    at start), by restarting each peer by its PID file with HEALTHLEDGER_GATEWAY_CONCURRENCY.
# Needs log.sh, fabric-env.sh, paths.sh, proc.sh and nodes.sh sourced first.
# shellcheck shell=bash

# The peer CLI as the ordering organisation's admin, talking to orderer0.
bench_orderer_cli_env() {
  local first
  first=$(node_dir orderer orderer0)
  read -r _ _ _ _ BENCH_ORDERER_PORT _ < <("${NETCFG[@]}" nodes orderer | head -n1)
  BENCH_ORDERER_CA=$first/tls/ca.crt
  export FABRIC_CFG_PATH=$FABRIC_SAMPLECONFIG CORE_PEER_LOCALMSPID=OrdererMSP FABRIC_LOGGING_SPEC=warn
  export CORE_PEER_MSPCONFIGPATH
  CORE_PEER_MSPCONFIGPATH=$(org_admin_msp orderer)
  export CORE_PEER_TLS_ENABLED=true
}

# Writes the channel's current config (JSON) to FILE.
bench_fetch_config() { # file
  local work
  work=$(mktemp -d)
  peer channel fetch config "$work/block.pb" -o "$HOST:$BENCH_ORDERER_PORT" -c "$CHANNEL" \
    --tls --cafile "$BENCH_ORDERER_CA" >>"$LOG_DIR/bench-tuning.log" 2>&1 ||
    die "could not fetch the config of $CHANNEL; see $LOG_DIR/bench-tuning.log"
  configtxlator proto_decode --input "$work/block.pb" --type common.Block --output "$work/block.json"
  node -e '
    const fs = require("fs");
    const block = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    fs.writeFileSync(process.argv[2], JSON.stringify(block.data.data[0].payload.data.config));
  ' "$work/block.json" "$1"
  rm -rf "$work"
}

# Prints "timeout maxMessageCount" of the channel.
bench_batch_get() {
  bench_orderer_cli_env
  local work
  work=$(mktemp -d)
  bench_fetch_config "$work/config.json"
  node -e '
    const c = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const v = c.channel_group.groups.Orderer.values;
    console.log(v.BatchTimeout.value.timeout, v.BatchSize.value.max_message_count);
  ' "$work/config.json"
  rm -rf "$work"
}

# Sets BatchTimeout and MaxMessageCount; a no-op when they are already so.
bench_batch_set() { # timeout maxMessageCount
  local timeout=$1 count=$2 work
  bench_orderer_cli_env
  work=$(mktemp -d)
  bench_fetch_config "$work/config.json"
  node -e '
    const fs = require("fs");
    const [file, out, timeout, count] = process.argv.slice(1);
    const c = JSON.parse(fs.readFileSync(file, "utf8"));
    const v = c.channel_group.groups.Orderer.values;
    if (v.BatchTimeout.value.timeout === timeout && v.BatchSize.value.max_message_count === Number(count)) process.exit(3);
    v.BatchTimeout.value.timeout = timeout;
    v.BatchSize.value.max_message_count = Number(count);
    fs.writeFileSync(out, JSON.stringify(c));
  ' "$work/config.json" "$work/modified.json" "$timeout" "$count" || {
    rm -rf "$work"
    log "batch already $timeout / $count"
    return 0
  }
  configtxlator proto_encode --input "$work/config.json" --type common.Config --output "$work/config.pb"
  configtxlator proto_encode --input "$work/modified.json" --type common.Config --output "$work/modified.pb"
  configtxlator compute_update --channel_id "$CHANNEL" --original "$work/config.pb" \
    --updated "$work/modified.pb" --output "$work/update.pb"
  configtxlator proto_decode --input "$work/update.pb" --type common.ConfigUpdate --output "$work/update.json"
  node -e '
    const fs = require("fs");
    const [file, out, channel] = process.argv.slice(1);
    const update = JSON.parse(fs.readFileSync(file, "utf8"));
    const envelope = { payload: { header: { channel_header: { channel_id: channel, type: 2 } },
      data: { config_update: update } } };
    fs.writeFileSync(out, JSON.stringify(envelope));
  ' "$work/update.json" "$work/envelope.json" "$CHANNEL"
  configtxlator proto_encode --input "$work/envelope.json" --type common.Envelope --output "$work/envelope.pb"
  peer channel update -f "$work/envelope.pb" -c "$CHANNEL" -o "$HOST:$BENCH_ORDERER_PORT" \
    --tls --cafile "$BENCH_ORDERER_CA" >>"$LOG_DIR/bench-tuning.log" 2>&1 ||
    die "the channel update was refused; see $LOG_DIR/bench-tuning.log"
  rm -rf "$work"
  log "batch timeout $timeout, max message count $count on $CHANNEL"
}

# Restarts every peer (by its PID file) with the gateway concurrency limit LIMIT.
bench_peers_restart() { # limit
  export HEALTHLEDGER_GATEWAY_CONCURRENCY=$1
  local org _idx name _kind listen ops extra ccserver msp
  while read -r org _idx name _kind listen ops extra ccserver msp; do
    stop_process "$org.$name"
    start_peer "$org" "$name" "$listen" "$ops" "$extra" "$ccserver" "$msp"
  done < <("${NETCFG[@]}" nodes peer)
  while read -r org _idx name _kind listen ops extra ccserver msp; do
    wait_node_healthy "$org" "$name" "$ops"
  done < <("${NETCFG[@]}" nodes peer)
  log "peers restarted with gateway concurrency limit $1"
}
