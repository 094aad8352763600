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

# The Node.js every process of the project runs on (gateways, chaincode servers, tests, the
# bench): the one `npm ci` brought, pinned in package.json (the optional dependency `node`,
# the npm registry's Node.js binary package), unless it was left out (`npm ci
# --omit=optional`); then the `node` on the PATH, which must be 22.12 or later.
if [[ -x "$REPO_ROOT/node_modules/.bin/node" ]]; then
  export PATH="$REPO_ROOT/node_modules/.bin:$PATH"
fi
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 12) ? 0 : 1)' 2>/dev/null; then
  echo "HealthLedger needs Node.js 22.12 or later; $(command -v node || echo 'no node') is $(node -v 2>/dev/null || echo 'missing'). Run npm ci (it brings Node 22), or put Node 22+ first on the PATH." >&2
  exit 1
fi
