#!/usr/bin/env bash
# Tuning knobs for the benchmark on a running network (see scripts/lib/bench-tuning.sh):
#   tune.sh batch-get                      prints "timeout maxMessageCount" of the channel
#   tune.sh batch-set TIMEOUT COUNT        e.g. batch-set 2s 10 (a channel config update)
#   tune.sh peers-concurrency LIMIT        restarts every peer with that gateway concurrency limit
set -euo pipefail

LIB=$(cd "$(dirname "$0")/../lib" && pwd)
# shellcheck source=../lib/log.sh
source "$LIB/log.sh"
# shellcheck source=../lib/fabric-env.sh
source "$LIB/fabric-env.sh"
# shellcheck source=../lib/paths.sh
source "$LIB/paths.sh"
# shellcheck source=../lib/proc.sh
source "$LIB/proc.sh"
# shellcheck source=../lib/nodes.sh
source "$LIB/nodes.sh"
# shellcheck source=../lib/bench-tuning.sh
source "$LIB/bench-tuning.sh"

case ${1:-} in
  batch-get) bench_batch_get ;;
  batch-set) bench_batch_set "${2:?timeout}" "${3:?max message count}" ;;
  peers-concurrency) bench_peers_restart "${2:?limit}" ;;
  *)
    sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
