# The Fabric CA of each organisation: start it, and issue every node and user identity
# (enrolment certificate and TLS certificate) with the attributes the chaincode checks.
# shellcheck shell=bash

ca_name() { printf 'ca-%s' "$1"; }
ca_home() { printf '%s/ca' "$(org_dir "$1")"; }
ca_url() { printf 'https://%s:%s' "$HOST" "$2"; } # org port

new_secret() { head -c 18 /dev/urandom | base64 | tr -d '/+=' | head -c 24; }

# A secret kept in a file readable by the owner only; created once.
secret_file() { # path
  local file=$1
  if [[ ! -s "$file" ]]; then
    mkdir -p "$(dirname "$file")"
    (umask 077 && new_secret >"$file")
  fi
  cat "$file"
}

start_ca() { # org port
  local org=$1 port=$2 home pw
  home=$(ca_home "$org")
  mkdir -p "$home"
  pw=$(secret_file "$home/bootstrap.secret")
  local args=(--home "$home" --address "$HOST" --port "$port"
    -b "admin:$pw" --ca.name "$(ca_name "$org")"
    --csr.cn "ca.$org" --csr.hosts "$HOST,localhost"
    --tls.enabled --cfg.affiliations.allowremove=false)
  if [[ ! -f "$home/ops-tls/server.crt" ]]; then
    if [[ ! -f "$home/ca-cert.pem" ]]; then
      fabric-ca-server init "${args[@]}" >>"$LOG_DIR/ca.$org.log" 2>&1 || die "fabric-ca-server init failed for $org"
    fi
    issue_operations_cert "$home"
  fi
  start_process "ca.$org" fabric-ca-server start "${args[@]}" \
    --operations.listenaddress "$HOST:$((port + 1000))" --operations.tls.enabled \
    --operations.tls.certfile "$home/ops-tls/server.crt" --operations.tls.keyfile "$home/ops-tls/server.key"
  wait_for_file "ca.$org" "$home/ca-cert.pem"
  wait_for_https "ca.$org" "$(ca_url "$org" "$port")/cainfo" "$home/ca-cert.pem"
  mkdir -p "$(org_dir "$org")/msp/cacerts" "$(org_dir "$org")/msp/tlscacerts"
  cp "$home/ca-cert.pem" "$(org_dir "$org")/msp/cacerts/ca.pem"
  cp "$home/ca-cert.pem" "$(org_dir "$org")/msp/tlscacerts/ca.pem"
  write_nodeous "$(org_dir "$org")/msp"
}

# The CA's operations endpoint serves TLS too, with a certificate signed by the CA's own key
# (the keystore key whose public half is in ca-cert.pem), made before the CA starts.
issue_operations_cert() { # ca-home
  local home=$1 key="" candidate want
  want=$(openssl x509 -in "$home/ca-cert.pem" -pubkey -noout)
  for candidate in "$home"/msp/keystore/*_sk; do
    [[ "$(openssl pkey -in "$candidate" -pubout 2>/dev/null)" == "$want" ]] && key=$candidate
  done
  [[ -n "$key" ]] || die "no key in $home/msp/keystore matches the CA certificate"
  mkdir -p "$home/ops-tls"
  (umask 077 && openssl ecparam -name prime256v1 -genkey -noout -out "$home/ops-tls/server.key")
  openssl req -new -key "$home/ops-tls/server.key" -subj "/CN=operations" 2>/dev/null |
    openssl x509 -req -CA "$home/ca-cert.pem" -CAkey "$key" -CAcreateserial -days 3650 \
      -extfile <(printf 'subjectAltName=IP:%s,DNS:localhost\nextendedKeyUsage=serverAuth\n' "$HOST") \
      -out "$home/ops-tls/server.crt" 2>>"$LOG_DIR/ca.ops-tls.log" || die "could not sign the operations certificate in $home"
}

wait_for_file() { # name file
  local i
  for ((i = 0; i < 150; i++)); do
    [[ -s "$2" ]] && return 0
    is_running "$1" || die "$1 exited while starting; its log is $LOG_DIR/$1.log"
    sleep 0.2
  done
  die "$1 did not write $2"
}

# NodeOUs: the OU in each certificate says whether it is a client, peer, orderer or admin.
write_nodeous() { # mspdir
  cat >"$1/config.yaml" <<YAML
NodeOUs:
  Enable: true
  ClientOUIdentifier: { Certificate: cacerts/ca.pem, OrganizationalUnitIdentifier: client }
  PeerOUIdentifier: { Certificate: cacerts/ca.pem, OrganizationalUnitIdentifier: peer }
  AdminOUIdentifier: { Certificate: cacerts/ca.pem, OrganizationalUnitIdentifier: admin }
  OrdererOUIdentifier: { Certificate: cacerts/ca.pem, OrganizationalUnitIdentifier: orderer }
YAML
}

ca_client() { # org port args...
  local org=$1 port=$2
  shift 2
  fabric-ca-client "$@" --caname "$(ca_name "$org")" \
    --tls.certfiles "$(ca_home "$org")/ca-cert.pem" -H "$(org_dir "$org")/ca-admin" >>"$LOG_DIR/ca-client.$org.log" 2>&1 ||
    die "fabric-ca-client $1 failed for $org; see $LOG_DIR/ca-client.$org.log"
}

enroll_ca_admin() { # org port
  local org=$1 port=$2 pw
  [[ -f "$(org_dir "$org")/ca-admin/msp/signcerts/cert.pem" ]] && return 0
  pw=$(<"$(ca_home "$org")/bootstrap.secret")
  ca_client "$org" "$port" enroll -u "https://admin:$pw@$HOST:$port"
}

# Registers an identity (once) and enrols its MSP into DIR/msp; TLS too when asked.
issue_identity() { # org port id type attrs dir [tls]
  local org=$1 port=$2 id=$3 type=$4 attrs=$5 dir=$6 tls=${7:-}
  local pw
  pw=$(secret_file "$dir/enrollment.secret")
  if [[ ! -f "$dir/msp/signcerts/cert.pem" ]]; then
    local args=(register --id.name "$id" --id.secret "$pw" --id.type "$type")
    [[ -n "$attrs" ]] && args+=(--id.attrs "$attrs")
    ca_client "$org" "$port" "${args[@]}"
    ca_client "$org" "$port" enroll -u "https://$id:$pw@$HOST:$port" -M "$dir/msp"
    normalise_msp "$org" "$dir/msp"
  fi
  if [[ -n "$tls" && ! -f "$dir/tls/server.crt" ]]; then
    ca_client "$org" "$port" enroll -u "https://$id:$pw@$HOST:$port" -M "$dir/tls-enroll" \
      --enrollment.profile tls --csr.hosts "$HOST,localhost,$id.$org"
    mkdir -p "$dir/tls"
    cp "$dir/tls-enroll/signcerts/cert.pem" "$dir/tls/server.crt"
    cp "$dir/tls-enroll"/keystore/*_sk "$dir/tls/server.key"
    cp "$(ca_home "$org")/ca-cert.pem" "$dir/tls/ca.crt"
    rm -rf "$dir/tls-enroll"
  fi
}

# Gives the MSP the layout the nodes and the SDK expect: cacerts/ca.pem, NodeOUs, one key.
normalise_msp() { # org mspdir
  local msp=$2
  rm -f "$msp"/cacerts/*
  cp "$(ca_home "$1")/ca-cert.pem" "$msp/cacerts/ca.pem"
  write_nodeous "$msp"
  mv "$msp"/keystore/*_sk "$msp/keystore/key.pem"
}

# Every identity of one organisation: its nodes (with TLS), its admin and its users.
issue_org_identities() { # org port
  local org=$1 port=$2 norg _idx name kind _rest id type attrs
  enroll_ca_admin "$org" "$port"
  while read -r norg _idx name kind _rest; do
    [[ $norg == "$org" ]] || continue
    issue_identity "$org" "$port" "$name" "$kind" "" "$(node_dir "$org" "$name")" tls
  done < <("${NETCFG[@]}" nodes)
  while read -r id type attrs; do
    issue_identity "$org" "$port" "$id" "$type" "$attrs" "$(org_dir "$org")/users/$id"
  done < <("${NETCFG[@]}" users "$org")
}
