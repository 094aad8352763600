#!/usr/bin/env bash
# Builds the pinned Fabric and Fabric CA binaries with `go install` into a versioned cache
# directory outside the repository, and keeps Fabric's sampleconfig beside them so node configs
# can be derived from it at set-up time. A second run finds everything in place and only prints
# the versions.
set -euo pipefail

# shellcheck source=lib/log.sh
source "$(dirname "$0")/lib/log.sh"
# shellcheck source=lib/fabric-env.sh
source "$(dirname "$0")/lib/fabric-env.sh"

readonly FABRIC_TOOLS=(peer orderer configtxgen osnadmin configtxlator)
readonly CA_TOOLS=(fabric-ca-server fabric-ca-client)

version_at_least() { # have want
  [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" == "$2" ]]
}

check_go() {
  command -v go >/dev/null 2>&1 ||
    die "Go is not installed; Fabric is built from its Go modules and needs Go >= $GO_MIN_VERSION (https://go.dev/dl/)."
  local have
  have=$(go env GOVERSION | sed 's/^go//')
  version_at_least "$have" "$GO_MIN_VERSION" ||
    die "Go $have is too old; Fabric $FABRIC_VERSION needs Go >= $GO_MIN_VERSION."
}

all_present() {
  local tool
  for tool in "${FABRIC_TOOLS[@]}" "${CA_TOOLS[@]}"; do
    [[ -x "$FABRIC_BIN/$tool" ]] || return 1
  done
  [[ -f "$FABRIC_SAMPLECONFIG/core.yaml" && -f "$FABRIC_SAMPLECONFIG/orderer.yaml" ]]
}

# The module proxy here refuses Fabric's version list, which `go install pkg@version` reads to
# look for deprecations; so the pinned module is downloaded by exact version and its commands
# are installed from inside it, with its own go.sum.
go_install() { # module version ldflags packages...
  local module=$1 version=$2 ldflags=$3
  shift 3
  local dir
  dir=$(GOTOOLCHAIN=local go mod download -json "$module@$version" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p') ||
    die "cannot download $module@$version from the Go module proxy ($(go env GOPROXY)). If the checksum database (sum.golang.org) cannot be reached, retry with GONOSUMDB=github.com/hyperledger (or GOSUMDB=off) set."
  [[ -n "$dir" && -d "$dir" ]] || die "go mod download did not unpack $module@$version"
  log "go install $* from $module@$version"
  (cd "$dir" && GOBIN="$FABRIC_BIN" GOTOOLCHAIN=local GOFLAGS=-mod=readonly \
    go install -trimpath -ldflags "$ldflags" "$@") ||
    die "go install of $* from $module@$version failed (see the compiler output above)."
}

install_fabric() {
  local meta=github.com/hyperledger/fabric/common/metadata
  local ldflags="-X $meta.Version=$FABRIC_VERSION -X $meta.CommitSHA=${FABRIC_COMMIT:0:7}"
  local pkgs=() tool
  for tool in "${FABRIC_TOOLS[@]}"; do pkgs+=("./cmd/$tool"); done
  go_install github.com/hyperledger/fabric "$FABRIC_MODULE_VERSION" "$ldflags" "${pkgs[@]}"
}

install_fabric_ca() {
  local meta=github.com/hyperledger/fabric-ca/lib/metadata
  # The server keeps its registry in SQLite, which needs cgo.
  CGO_ENABLED=1 go_install github.com/hyperledger/fabric-ca "v$FABRIC_CA_VERSION" \
    "-X $meta.Version=$FABRIC_CA_VERSION" ./cmd/fabric-ca-server ./cmd/fabric-ca-client
}

copy_sampleconfig() {
  local src
  src="$(go env GOMODCACHE)/github.com/hyperledger/fabric@$FABRIC_MODULE_VERSION/sampleconfig"
  [[ -d "$src" ]] || GOTOOLCHAIN=local go mod download "github.com/hyperledger/fabric@$FABRIC_MODULE_VERSION"
  [[ -d "$src" ]] || die "Fabric's sampleconfig is missing from the module cache at $src."
  mkdir -p "$FABRIC_SAMPLECONFIG"
  cp "$src/core.yaml" "$src/orderer.yaml" "$src/configtx.yaml" "$FABRIC_SAMPLECONFIG/"
  chmod u+w "$FABRIC_SAMPLECONFIG"/*.yaml
}

print_versions() {
  local tool flag
  for tool in "${FABRIC_TOOLS[@]}" "${CA_TOOLS[@]}"; do
    case $tool in
      osnadmin) printf '%-18s %s\n' "$tool" "built from fabric $FABRIC_VERSION (it has no version command)"; continue ;;
      configtxgen) flag=-version ;;
      *) flag=version ;;
    esac
    printf '%-18s %s\n' "$tool" "$("$FABRIC_BIN/$tool" "$flag" 2>&1 | grep -m1 'Version:' | sed 's/^ *//')"
  done
}

main() {
  if all_present; then
    log "Fabric $FABRIC_VERSION and Fabric CA $FABRIC_CA_VERSION already in $FABRIC_HOME"
  else
    check_go
    mkdir -p "$FABRIC_BIN"
    log "building Fabric $FABRIC_VERSION ($FABRIC_COMMIT) and Fabric CA $FABRIC_CA_VERSION into $FABRIC_HOME"
    install_fabric
    install_fabric_ca
    copy_sampleconfig
  fi
  print_versions
}

main "$@"
