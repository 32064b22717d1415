#!/usr/bin/env bash
# run-fuzz.sh TARGET [SECONDS] - fuzz one decoder/parser of dcim-agent with AFL++ (Debian package afl++) via SharpFuzz.
#   TARGET: snmp trap mqtt-json mqtt-value mqtt-tasmota mqtt-shelly mqtt-sparkplug-b mqtt-dcim-json
#           npu-smi nvidia-csv nvidia-xml nvml config      (run-fuzz.sh --list prints them)
#   Needs: apt-get install afl++ ; dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0
#   Seeds are generated at run time (our own encoders, and the fixtures under tests/fixtures) into
#   tests/fuzz/findings/TARGET/seeds; AFL++ state in tests/fuzz/findings/TARGET/default (git-ignored). A second
#   run of the same target resumes its queue. Default duration 1800 s. One instance at a time: the machine is shared.
#   Replay findings: dotnet tests/fuzz/out/clean/DcimAgent.Fuzz.dll TARGET --replay tests/fuzz/findings/TARGET/default/crashes
#   (out/clean/ holds the uninstrumented build used for seeding and replay)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT="$HERE/out"
export PATH="$PATH:$HOME/.dotnet/tools"

# Publishes the harness, keeps a clean copy (instrumenting rewrites assemblies in place; seeding and replay need
# uninstrumented code, which runs without AFL's shared memory) and instruments our assemblies plus the parsers
# they hand bytes to (YamlDotNet, Google.Protobuf).
build() {
    if [[ ! -f $OUT/.built ]]; then
        rm -rf "$OUT"
        dotnet publish "$HERE/DcimAgent.Fuzz/DcimAgent.Fuzz.csproj" -c Release -o "$OUT" --nologo -v q
        mkdir -p "$OUT/clean" && cp "$OUT"/*.dll "$OUT"/*.json "$OUT/clean/"
        for dll in DcimAgent.Snmp DcimAgent.Model dcim-agent YamlDotNet Google.Protobuf; do
            sharpfuzz "$OUT/$dll.dll" >/dev/null
        done
        touch "$OUT/.built"
    fi
}

if [[ ${1:-} == --list ]]; then
    build >/dev/null
    cd "$ROOT" && exec dotnet "$OUT/clean/DcimAgent.Fuzz.dll" --list
fi
TARGET=${1:?usage: run-fuzz.sh TARGET [SECONDS]}
DUR=${2:-1800}
command -v afl-fuzz >/dev/null || { echo "afl-fuzz missing: apt-get install -y afl++" >&2; exit 2; }
command -v sharpfuzz >/dev/null || { echo "sharpfuzz missing: dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0" >&2; exit 2; }

build

STATE="$HERE/findings/$TARGET"
SEEDS="$STATE/seeds"
cd "$ROOT"
rm -rf "$SEEDS"
dotnet "$OUT/clean/DcimAgent.Fuzz.dll" "$TARGET" --seeds "$SEEDS"
# A seed must not crash.
dotnet "$OUT/clean/DcimAgent.Fuzz.dll" "$TARGET" --replay "$SEEDS"

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
if [[ -d "$STATE/default/queue" ]]; then
    IN=-
else
    IN="$SEEDS"
fi
set +e
nice -n 10 afl-fuzz -V "$DUR" -i "$IN" -o "$STATE" -t 5000 -m none -- dotnet "$OUT/DcimAgent.Fuzz.dll" "$TARGET"
rc=$?
set -e
STATS="$STATE/default/fuzzer_stats"
if [[ -f $STATS ]]; then
    echo "== $TARGET"
    grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|stability|bitmap_cvg)' "$STATS"
fi
exit $rc
