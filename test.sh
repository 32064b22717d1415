#!/usr/bin/env bash
# The project's test command: installs the real peers the integration tests talk to (Debian packages, when
# run as root or with sudo and something is missing), then runs every test of the solution.
# Extra arguments go to `dotnet test` (e.g. ./test.sh --filter "Category!=Integration").
set -euo pipefail
cd "$(dirname "$0")"
if (( EUID == 0 )) || command -v sudo >/dev/null 2>&1; then
    tests/peers/install.sh
else
    echo "test.sh: not root and no sudo: peers not installed (tests/peers/install.sh as root installs them)" >&2
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet test DcimAgent.sln "$@"
