#!/usr/bin/env bash
# npm start: installs Fabric if needed, brings the whole local network up (or resumes it),
# deploys the chaincode (upgrading it when the code changed) and starts one gateway per
# organisation. `npm stop` stops all of it.
set -euo pipefail

SCRIPTS=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=lib/log.sh
source "$SCRIPTS/lib/log.sh"

main() {
  bash "$SCRIPTS/install-fabric.sh"
  npm run --silent build
  bash "$SCRIPTS/network.sh" up
  bash "$SCRIPTS/network.sh" deploy
  if [[ -f "$SCRIPTS/lib/gateway.sh" ]]; then
    bash "$SCRIPTS/gateways.sh" start
  fi
  bash "$SCRIPTS/network.sh" status
}

main "$@"
