#!/usr/bin/env bash
# gpu-check-build.sh [OUT_DIR] — run HERE (where .NET is installed), not on the GPU host.
# Publishes dcim-agent self-contained for linux-x64 (the GPU host has no .NET) and puts gpu-check-run.sh
# beside it. Copy OUT_DIR to the GPU host and run OUT_DIR/gpu-check-run.sh there.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/artifacts/gpu-check}
rm -rf "$out"
mkdir -p "$out"
dotnet publish "$root/src/DcimAgent" -c Release -r linux-x64 --self-contained -o "$out/dcim-agent" -nologo -v:q
cp "$root/bench/gpu-check-run.sh" "$out/"
chmod +x "$out/gpu-check-run.sh" "$out/dcim-agent/dcim-agent"
echo "built $out ($(du -sh "$out" | cut -f1)); on the GPU host run: $out/gpu-check-run.sh"
