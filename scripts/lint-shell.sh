#!/usr/bin/env bash
# ShellCheck over every script, when ShellCheck is installed (apt-get install shellcheck).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v shellcheck >/dev/null 2>&1; then
  echo "shellcheck not installed; skipping the shell lint" >&2
  exit 0
fi
shellcheck -x -P SCRIPTDIR scripts/*.sh scripts/lib/*.sh network/builders/ccaas/bin/* .ci/run
