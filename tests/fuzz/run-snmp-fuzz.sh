#!/usr/bin/env bash
# run-snmp-fuzz.sh [SECONDS] - fuzz the SNMP message decoder with AFL++ (Debian package afl++) via SharpFuzz.
#   Needs: apt-get install afl++ ; dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0
#   Output: tests/fuzz/findings/ (AFL++ state; crashes in findings/default/crashes), summary on stdout.
#   Default duration 1800 s. Replay findings: dotnet tests/fuzz/out/DcimAgent.Snmp.Fuzz.dll --replay DIR
set -euo pipefail
DUR=${1:-1800}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT="$HERE/out"
export PATH="$PATH:$HOME/.dotnet/tools"
command -v afl-fuzz >/dev/null || { echo "afl-fuzz missing: apt-get install -y afl++" >&2; exit 2; }
command -v sharpfuzz >/dev/null || { echo "sharpfuzz missing: dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0" >&2; exit 2; }

rm -rf "$OUT"
dotnet publish "$HERE/DcimAgent.Snmp.Fuzz/DcimAgent.Snmp.Fuzz.csproj" -c Release -o "$OUT" --nologo -v q
# Replay the seeds before instrumenting (instrumented code needs AFL's shared memory).
dotnet "$OUT/DcimAgent.Snmp.Fuzz.dll" --replay "$HERE/corpus"
sharpfuzz "$OUT/DcimAgent.Snmp.dll"

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
if [[ -d "$HERE/findings/default/queue" ]]; then
    IN=-
else
    IN="$HERE/corpus"
fi
set +e
nice -n 10 afl-fuzz -V "$DUR" -i "$IN" -o "$HERE/findings" -t 5000 -m none -- dotnet "$OUT/DcimAgent.Snmp.Fuzz.dll"
rc=$?
set -e
STATS="$HERE/findings/default/fuzzer_stats"
if [[ -f $STATS ]]; then
    grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|stability|bitmap_cvg)' "$STATS"
fi
exit $rc
