#!/usr/bin/env bash
# One HTTPS gateway per organisation, in front of its peer:
#   gateways.sh start | stop
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
# shellcheck source=lib/gateway.sh
source "$SCRIPTS/lib/gateway.sh"

main() {
  case ${1:-} in
    start) start_gateways ;;
    stop) stop_gateways ;;
    *)
      echo "usage: gateways.sh start|stop" >&2
      exit 2
      ;;
  esac
}

main "$@"
