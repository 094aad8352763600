# Orderers and peers as native processes: their configs derived from Fabric's sampleconfig,
# their settings from network/network.json, their TLS material from the org's CA.
# shellcheck shell=bash

node_tls_env() { # PREFIX dir — operations endpoint over TLS, no client certificate needed
  local p=$1 nd=$2
  printf '%s\n' "${p}_TLS_ENABLED=true" "${p}_TLS_CERTIFICATE=$nd/tls/server.crt" \
    "${p}_TLS_PRIVATEKEY=$nd/tls/server.key" "${p}_TLS_CLIENTAUTHREQUIRED=false"
}

start_orderer() { # org name listen ops admin
  local org=$1 name=$2 listen=$3 ops=$4 admin=$5 nd
  nd=$(node_dir "$org" "$name")
  mkdir -p "$nd/config" "$nd/data"
  cp "$FABRIC_SAMPLECONFIG/orderer.yaml" "$nd/config/orderer.yaml"
  local env=(
    FABRIC_CFG_PATH="$nd/config"
    FABRIC_LOGGING_SPEC="${HEALTHLEDGER_LOG_SPEC:-grpc=warn:info}"
    ORDERER_GENERAL_LISTENADDRESS="$HOST" ORDERER_GENERAL_LISTENPORT="$listen"
    ORDERER_GENERAL_LOCALMSPID=OrdererMSP ORDERER_GENERAL_LOCALMSPDIR="$nd/msp"
    ORDERER_GENERAL_TLS_ENABLED=true
    ORDERER_GENERAL_TLS_CERTIFICATE="$nd/tls/server.crt" ORDERER_GENERAL_TLS_PRIVATEKEY="$nd/tls/server.key"
    ORDERER_GENERAL_TLS_ROOTCAS="[$nd/tls/ca.crt]"
    ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE="$nd/tls/server.crt"
    ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY="$nd/tls/server.key"
    ORDERER_GENERAL_CLUSTER_ROOTCAS="[$nd/tls/ca.crt]"
    ORDERER_GENERAL_BOOTSTRAPMETHOD=none ORDERER_CHANNELPARTICIPATION_ENABLED=true
    ORDERER_FILELEDGER_LOCATION="$nd/data"
    ORDERER_CONSENSUS_WALDIR="$nd/data/etcdraft/wal" ORDERER_CONSENSUS_SNAPDIR="$nd/data/etcdraft/snapshot"
    ORDERER_METRICS_PROVIDER=prometheus
    ORDERER_OPERATIONS_LISTENADDRESS="$HOST:$ops"
    ORDERER_ADMIN_LISTENADDRESS="$HOST:$admin"
    ORDERER_ADMIN_TLS_ENABLED=true ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED=true
    ORDERER_ADMIN_TLS_CERTIFICATE="$nd/tls/server.crt" ORDERER_ADMIN_TLS_PRIVATEKEY="$nd/tls/server.key"
    ORDERER_ADMIN_TLS_ROOTCAS="[$nd/tls/ca.crt]" ORDERER_ADMIN_TLS_CLIENTROOTCAS="[$nd/tls/ca.crt]"
  )
  mapfile -t -O "${#env[@]}" env < <(node_tls_env ORDERER_OPERATIONS "$nd")
  start_process "$org.$name" env "${env[@]}" orderer
}

start_peer() { # org name listen ops chaincodePort ccServerPort mspId
  local org=$1 name=$2 listen=$3 ops=$4 ccport=$5 ccserver=$6 msp=$7 nd
  nd=$(node_dir "$org" "$name")
  mkdir -p "$nd/config" "$nd/data"
  "${NETCFG[@]}" core "$FABRIC_SAMPLECONFIG" "$NET_HOME" "$org" "${name#peer}"
  local env=(
    FABRIC_CFG_PATH="$nd/config"
    FABRIC_LOGGING_SPEC="${HEALTHLEDGER_LOG_SPEC:-grpc=warn:info}"
    CORE_PEER_ID="$name.$org" CORE_PEER_LOCALMSPID="$msp" CORE_PEER_MSPCONFIGPATH="$nd/msp"
    CORE_PEER_ADDRESS="$HOST:$listen" CORE_PEER_LISTENADDRESS="$HOST:$listen"
    CORE_PEER_CHAINCODEADDRESS="$HOST:$ccport" CORE_PEER_CHAINCODELISTENADDRESS="$HOST:$ccport"
    CORE_PEER_GOSSIP_BOOTSTRAP="$HOST:$listen" CORE_PEER_GOSSIP_EXTERNALENDPOINT="$HOST:$listen"
    CORE_PEER_TLS_ENABLED=true CORE_PEER_TLS_CERT_FILE="$nd/tls/server.crt"
    CORE_PEER_TLS_KEY_FILE="$nd/tls/server.key" CORE_PEER_TLS_ROOTCERT_FILE="$nd/tls/ca.crt"
    CORE_METRICS_PROVIDER=prometheus
    CORE_OPERATIONS_LISTENADDRESS="$HOST:$ops"
    CORE_OPERATIONS_TLS_ENABLED=true CORE_OPERATIONS_TLS_CERT_FILE="$nd/tls/server.crt"
    CORE_OPERATIONS_TLS_KEY_FILE="$nd/tls/server.key" CORE_OPERATIONS_TLS_CLIENTAUTHREQUIRED=false
    CORE_OPERATIONS_TLS_CLIENTROOTCAS_FILES="$nd/tls/ca.crt"
    CORE_PEER_LIMITS_CONCURRENCY_GATEWAYSERVICE="${HEALTHLEDGER_GATEWAY_CONCURRENCY:-500}"
    HEALTHLEDGER_CC_ADDRESS="$HOST:$ccserver" HEALTHLEDGER_CC_TLS_ROOTCERT="$nd/tls/ca.crt"
  )
  start_process "$org.$name" env "${env[@]}" peer node start
}

wait_node_healthy() { # org name ops
  wait_for_https "$1.$2" "https://$HOST:$3/healthz" "$(node_dir "$1" "$2")/tls/ca.crt" 90
}

# Environment for the peer CLI acting as the org's admin against one of its peers.
peer_admin_env() { # org name listen mspId
  local nd
  nd=$(node_dir "$1" "$2")
  export FABRIC_CFG_PATH="$nd/config" CORE_PEER_LOCALMSPID="$4" FABRIC_LOGGING_SPEC=warn
  export CORE_PEER_MSPCONFIGPATH
  CORE_PEER_MSPCONFIGPATH=$(org_admin_msp "$1")
  export CORE_PEER_ADDRESS="$HOST:$3" CORE_PEER_TLS_ENABLED=true CORE_PEER_TLS_ROOTCERT_FILE="$nd/tls/ca.crt"
}

# Peers of other organisations known to this peer's gossip on the channel (its /metrics needs
# a client certificate of the org's CA; the peer's own TLS pair is one).
gossip_peers_known() { # org name ops
  local nd
  nd=$(node_dir "$1" "$2")
  curl -fsS --cacert "$nd/tls/ca.crt" --cert "$nd/tls/server.crt" --key "$nd/tls/server.key" \
    "https://$HOST:$3/metrics" 2>/dev/null |
    awk -v ch="$CHANNEL" '$1 ~ "^gossip_membership_total_peers_known\\{channel=\"" ch "\"" {print $2}'
}

# Waits until every peer's gossip knows every other peer: until then a gateway cannot find
# endorsers of the other organisations ("failed to find any endorsing peers").
wait_for_gossip() { # expected-other-peers
  local want=$1 org _idx name _kind listen ops _rest known i
  while read -r org _idx name _kind listen ops _rest; do
    for ((i = 0; i < 300; i++)); do
      known=$(gossip_peers_known "$org" "$name" "$ops")
      [[ -n "$known" && "${known%.*}" -ge "$want" ]] && break
      sleep 0.2
    done
    [[ -n "$known" && "${known%.*}" -ge "$want" ]] || die "$name of $org knows ${known:-no} other peers of $CHANNEL after 60 s, not $want; see $LOG_DIR/$org.$name.log"
  done < <("${NETCFG[@]}" nodes peer)
  log "gossip: every peer knows the $want others"
}
