#!/usr/bin/env bash
# The adversary suite's mode (b): one organisation's chaincode server replaced by a tampered
# build (test/e2e/adversary/tampered: the honest contracts plus `forge`, which writes any key
# with no check), at the same address, with the same package ID and TLS key, so that its peer
# runs it as it would run a member's own modified server; then the honest server back.
#   adversary.sh tamper ORG    ORG's peer0 now runs the tampered build
#   adversary.sh restore ORG   ORG's peer0 runs the honest chaincode again
# Only for a network the tests may disturb: test/e2e/adversary/tampered.test.ts calls it and
# restores in its after hook. Needs the tests built (npx tsc -p tsconfig.json).
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
# shellcheck source=lib/nodes.sh
source "$SCRIPTS/lib/nodes.sh"
# shellcheck source=lib/chaincode.sh
source "$SCRIPTS/lib/chaincode.sh"

TAMPERED_DIR=$REPO_ROOT/test/e2e/adversary/tampered

# Restarts ORG's first chaincode server from MODULE_DIR, with the package it runs now.
swap() { # org module-dir
  local org idx node _kind _listen _ops _extra ccserver msp file
  while read -r org idx node _kind _listen _ops _extra ccserver msp; do
    [[ $org == "$1" && $idx == 0 ]] || continue
    file=$PID_DIR/cc.$org.$node.package
    [[ -f "$file" ]] || die "no chaincode server recorded for $org $node; deploy first"
    CC_DIR=$2 start_chaincode_server "$org" "$node" "$ccserver" "$(<"$file")" "$msp"
    return 0
  done < <("${NETCFG[@]}" nodes peer)
  die "no peer organisation named $1"
}

main() {
  case ${1:-} in
    tamper)
      [[ -f "$REPO_ROOT/build/test/e2e/adversary/tampered/index.js" ]] ||
        die "the tampered build is missing; run npx tsc -p tsconfig.json"
      swap "${2:?organisation}" "$TAMPERED_DIR"
      ;;
    restore) swap "${2:?organisation}" "$CC_DIR" ;;
    *)
      echo "usage: adversary.sh tamper|restore ORG" >&2
      exit 2
      ;;
  esac
}

main "$@"
