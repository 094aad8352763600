# Where the pinned Fabric binaries and configs live. Sourced by every script that runs Fabric.
# HEALTHLEDGER_FABRIC_HOME overrides the versioned cache directory outside the repository.
# shellcheck shell=bash disable=SC2034

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=../../network/versions.env
source "$REPO_ROOT/network/versions.env"

FABRIC_HOME=${HEALTHLEDGER_FABRIC_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/healthledger/fabric-$FABRIC_VERSION-ca-$FABRIC_CA_VERSION}
FABRIC_BIN=$FABRIC_HOME/bin
FABRIC_SAMPLECONFIG=$FABRIC_HOME/sampleconfig
export PATH="$FABRIC_BIN:$PATH"
