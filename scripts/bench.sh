#!/usr/bin/env bash
# npm run bench: throughput, latency, errors, memory and CPU of the running network, each
# workload straight through the Gateway SDK and through the HTTP gateway. Needs a network
# started by `npm start` (or HEALTHLEDGER_NETWORK_HOME / HEALTHLEDGER_PORT_OFFSET of another);
# options are passed on (npm run bench -- --help). Tables on stdout, JSON under results/.
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

# The network must be healthy and every organisation's gateway running.
require_network() {
  bash "$SCRIPTS/network.sh" status >/dev/null 2>&1 ||
    die "no healthy network in $NET_HOME; start one with npm start (or set HEALTHLEDGER_NETWORK_HOME / HEALTHLEDGER_PORT_OFFSET)"
  local org _msp _kind _caport gwport
  while read -r org _msp _kind _caport gwport; do
    [[ $gwport == 0 ]] && continue
    is_running "gateway.$org" || die "the gateway of $org is not running; start it with bash scripts/gateways.sh start"
  done < <("${NETCFG[@]}" orgs peer)
}

# tsc over the whole project (tsconfig.json includes scripts/**/*.ts, output in build/);
# errors elsewhere in the tree do not stop the benchmark, its own do.
compile() {
  local out
  log "compiling (tsc -p tsconfig.json)"
  if ! out=$(cd "$REPO_ROOT" && npx --no-install tsc -p tsconfig.json 2>&1); then
    if grep -q '^scripts/bench/' <<<"$out"; then
      printf '%s\n' "$out" >&2
      die "the benchmark does not compile"
    fi
    log "tsc reported errors outside scripts/bench (ignored)"
  fi
}

main() {
  if [[ " $* " != *" --help "* && " $* " != *" --report "* ]]; then
    require_network
  fi
  compile
  log "benchmark against $NET_HOME (port offset ${HEALTHLEDGER_PORT_OFFSET:-0})"
  cd "$REPO_ROOT"
  exec node --no-deprecation build/scripts/bench/main.js "$@"
}

main "$@"
