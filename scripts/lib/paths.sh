# Where the running network keeps its state: identities, ledgers, logs and PID files.
# HEALTHLEDGER_NETWORK_HOME overrides the default folder .fabric/ in the repository.
# shellcheck shell=bash disable=SC2034

NET_HOME=${HEALTHLEDGER_NETWORK_HOME:-$REPO_ROOT/.fabric}
LOG_DIR=$NET_HOME/logs
PID_DIR=$NET_HOME/pids
NETCFG=(node "$REPO_ROOT/scripts/lib/netcfg.mjs")
HOST=$("${NETCFG[@]}" get host)
CHANNEL=$("${NETCFG[@]}" get channel)

org_dir() { printf '%s/orgs/%s' "$NET_HOME" "$1"; }
node_dir() { printf '%s/orgs/%s/nodes/%s' "$NET_HOME" "$1" "$2"; }
# The org's CA certificate, which is also the TLS root of every node of the org.
org_ca_cert() { printf '%s/msp/cacerts/ca.pem' "$(org_dir "$1")"; }
org_admin_msp() { printf '%s/users/orgadmin/msp' "$(org_dir "$1")"; }
