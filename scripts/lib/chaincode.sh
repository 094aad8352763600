# The healthledger chaincode as a service: one deterministic package for every peer, one
# chaincode process per organisation, and the lifecycle (install, approve, commit) that
# upgrades it whenever the built code changes.
# shellcheck shell=bash
# VERSION is set by network.sh deploy before these functions run.
# shellcheck disable=SC2153

CC_NAME=$("${NETCFG[@]}" get chaincode.name)
CC_DIR=$REPO_ROOT/chaincode

# The version is a digest of the built code, its dependencies and the collections: same
# inputs, same package and definition.
chaincode_version() {
  (cd "$CC_DIR" && find dist -type f -name '*.js' -print0 | sort -z | xargs -0 cat; cat package.json "$REPO_ROOT/package-lock.json" "$REPO_ROOT/network/collections.json") |
    sha256sum | cut -c1-12
}

package_chaincode() { # version -> prints the package path
  local version=$1 dir pkg
  dir=$NET_HOME/chaincode/$version
  pkg=$dir/$CC_NAME.tar.gz
  if [[ ! -f "$pkg" ]]; then
    mkdir -p "$dir/src"
    # The address and TLS root are filled in per organisation by the builder's release step.
    printf '{"address":"set-by-release","build":"%s"}\n' "$version" >"$dir/src/connection.json"
    printf '{"type":"ccaas","label":"%s_%s"}\n' "$CC_NAME" "$version" >"$dir/metadata.json"
    tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$dir/src" -cf - connection.json | gzip -n >"$dir/code.tar.gz"
    tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$dir" -cf - metadata.json code.tar.gz | gzip -n >"$pkg"
  fi
  printf '%s' "$pkg"
}

package_id() { # version package
  printf '%s_%s:%s' "$CC_NAME" "$1" "$(sha256sum "$2" | cut -d' ' -f1)"
}

install_on_peer() { # org name listen mspId package
  (
    peer_admin_env "$1" "$2" "$3" "$4"
    if peer lifecycle chaincode queryinstalled 2>/dev/null | grep -q "$(package_id "$VERSION" "$5")"; then
      exit 0
    fi
    peer lifecycle chaincode install "$5" >>"$LOG_DIR/peer-cli.log" 2>&1 ||
      die "install on $2 of $1 failed; see $LOG_DIR/peer-cli.log"
    log "installed $CC_NAME $VERSION on $2 of $1"
  )
}

# CORE_PEER_LOCALMSPID tells the chaincode whose peer it serves (stub.getMspID()), so it can
# say "not a member of this collection" rather than "not received yet".
start_chaincode_server() { # org name ccServerPort packageId mspId
  local org=$1 name=$2 port=$3 id=$4 msp=$5 nd
  nd=$(node_dir "$org" "$name")
  stop_process "cc.$org.$name"
  start_process "cc.$org.$name" env CHAINCODE_LOG_LEVEL="${HEALTHLEDGER_CC_LOG_LEVEL:-info}" CORE_PEER_LOCALMSPID="$msp" \
    node "$REPO_ROOT/node_modules/fabric-shim/cli.js" server \
    --chaincode-address "$HOST:$port" --chaincode-id "$id" --module-path "$CC_DIR" \
    --chaincode-tls-cert-file "$nd/tls/server.crt" --chaincode-tls-key-file "$nd/tls/server.key"
  echo "$id" >"$PID_DIR/cc.$org.$name.package"
  wait_for_port "cc.$org.$name" "$port" 30
}

orderer_args() {
  local nd
  nd=$(node_dir orderer orderer0)
  printf '%s\n' -o "$HOST:$("${NETCFG[@]}" nodes orderer | head -n1 | cut -d' ' -f5)" --tls --cafile "$nd/tls/ca.crt"
}

endorsement_policy() {
  local msps
  msps=$("${NETCFG[@]}" orgs peer | awk '{printf "%s'\''%s.peer'\''", (NR>1?",":""), $2}')
  printf 'OR(%s)' "$msps"
}

committed_field() { # field — from querycommitted on the first peer, empty when not committed
  (
    peer_admin_env "$FIRST_ORG" "$FIRST_PEER" "$FIRST_LISTEN" "$FIRST_MSP"
    peer lifecycle chaincode querycommitted -C "$CHANNEL" -n "$CC_NAME" -O json 2>/dev/null |
      node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.parse(s)[process.argv[1]]??"")}catch{console.log("")}})' "$1"
  )
}

approve_for_org() { # org name listen mspId packageId sequence
  local args
  mapfile -t args < <(orderer_args)
  (
    peer_admin_env "$1" "$2" "$3" "$4"
    peer lifecycle chaincode approveformyorg "${args[@]}" -C "$CHANNEL" -n "$CC_NAME" -v "$VERSION" \
      --package-id "$5" --sequence "$6" --signature-policy "$(endorsement_policy)" \
      --collections-config "$REPO_ROOT/network/collections.json" >>"$LOG_DIR/peer-cli.log" 2>&1 ||
      die "approval by $4 failed; see $LOG_DIR/peer-cli.log"
    log "$4 approved $CC_NAME $VERSION (sequence $6)"
  )
}

commit_definition() { # sequence
  local args peers=() org idx name _kind listen _rest
  mapfile -t args < <(orderer_args)
  while read -r org idx name _kind listen _rest; do
    [[ $idx == 0 ]] || continue
    peers+=(--peerAddresses "$HOST:$listen" --tlsRootCertFiles "$(node_dir "$org" "$name")/tls/ca.crt")
  done < <("${NETCFG[@]}" nodes peer)
  (
    peer_admin_env "$FIRST_ORG" "$FIRST_PEER" "$FIRST_LISTEN" "$FIRST_MSP"
    peer lifecycle chaincode commit "${args[@]}" -C "$CHANNEL" -n "$CC_NAME" -v "$VERSION" --sequence "$1" \
      --signature-policy "$(endorsement_policy)" --collections-config "$REPO_ROOT/network/collections.json" \
      "${peers[@]}" >>"$LOG_DIR/peer-cli.log" 2>&1 || die "commit of $CC_NAME failed; see $LOG_DIR/peer-cli.log"
    log "committed $CC_NAME $VERSION (sequence $1) on $CHANNEL"
  )
}
