#!/usr/bin/env bash
# traps.sh [RATE...] - trap receiver throughput: the agent's receiver (dcim-agent run, snmp.traps) and net-snmp's
# snmptrapd receive the SAME pre-encoded SNMPv2c trap stream at the same time (the blaster sends every trap to
# both ports back to back). Per offered rate (traps/s per receiver; 0 = as fast as the sender can), for SECONDS:
# traps each one counted (ours: sum of dcim_snmp_traps_received_total; snmptrapd: lines in its log), the CPU each
# spent (utime+stime from /proc) and so CPU µs per trap, and RSS after the step. Both log every notification
# (ours at Information to a file, snmptrapd one line per trap to its log), as each would in production.
# Env: SECONDS_PER_STEP (5), LOG_LEVEL (information), ports 19420 (snmptrapd), 19421 (ours), 19422 (our /metrics).
set -euo pipefail
cd "$(dirname "$0")/../.."
RATES=("${@:-2000 5000 10000 20000 0}")
read -r -a RATES <<<"${RATES[*]}"
STEP=${SECONDS_PER_STEP:-5}
LEVEL=${LOG_LEVEL:-information}
TRAPD_PORT=19420; OUR_PORT=19421; HTTP_PORT=19422
PEERS=tests/peers
dotnet build -c Release bench/DcimAgent.ScaleBench -v q -nologo >/dev/null
BINDIR=bench/DcimAgent.ScaleBench/bin/Release/net10.0
TMP=$(mktemp -d)
cleanup() { [[ -n "${AGENT:-}" ]] && kill "$AGENT" 2>/dev/null; "$PEERS/snmptrapd-stop.sh" "$TRAPD_PORT" >/dev/null 2>&1 || true; rm -rf "$TMP"; }
trap cleanup EXIT

"$PEERS/snmptrapd-start.sh" "$TRAPD_PORT" >/dev/null
TRAPD_PID=$(cat "${PEERS_STATE_DIR:-/tmp/peers}/snmptrapd-$TRAPD_PORT/snmptrapd.pid")
TRAPD_LOG="${PEERS_STATE_DIR:-/tmp/peers}/snmptrapd-$TRAPD_PORT/snmptrapd.log"
cat >"$TMP/agent.yaml" <<YAML
agent: { listen: "127.0.0.1:$HTTP_PORT", site: bench, log_level: $LEVEL }
snmp:
  traps: { listen: "127.0.0.1:$OUR_PORT", communities: [public] }
YAML
dotnet "$BINDIR/dcim-agent.dll" run --config "$TMP/agent.yaml" >"$TMP/agent.log" 2>&1 &
AGENT=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$HTTP_PORT/readyz" >/dev/null 2>&1 && break; sleep 0.5; done

ours() { curl -s "http://127.0.0.1:$HTTP_PORT/metrics" | awk '/^dcim_snmp_traps_received_total/ {s+=$NF} END {printf "%d\n", s}'; }
ours_dropped() { curl -s "http://127.0.0.1:$HTTP_PORT/metrics" | awk '/^dcim_agent_traps_dropped_total/ {s+=$NF} END {printf "%d\n", s}'; }
theirs() { grep -c '^TRAP' "$TRAPD_LOG" || true; }
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
rss_mib() { awk '/^VmRSS/ {printf "%.0f\n", $2/1024}' "/proc/$1/status"; }
hz=$(getconf CLK_TCK)

# warm-up (JIT tiering, socket buffers), not reported
dotnet "$BINDIR/DcimAgent.ScaleBench.dll" trap-blast --to "$OUR_PORT,$TRAPD_PORT" --rate 5000 --seconds 2 >/dev/null; sleep 2

echo "# host: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ); agent log level $LEVEL; $STEP s per step"
printf '%-8s %10s %10s %10s %8s %10s %10s %8s %9s %9s %9s %9s\n' offered sent_per_s ours_per_s trapd_per_s ratio ours_us_cpu trapd_us_cpu cpu_ratio ours_drop ours_rss trapd_rss ours_loss
for rate in "${RATES[@]}"; do
  o0=$(ours); t0=$(theirs); d0=$(ours_dropped); oc0=$(cpu_ticks "$AGENT"); tc0=$(cpu_ticks "$TRAPD_PID")
  line=$(dotnet "$BINDIR/DcimAgent.ScaleBench.dll" trap-blast --to "$OUR_PORT,$TRAPD_PORT" --rate "$rate" --seconds "$STEP")
  sent=$(sed -E 's/^sent per_receiver=([0-9]+).*/\1/' <<<"$line"); secs=$(sed -E 's/.*seconds=([0-9.]+).*/\1/' <<<"$line")
  # let both drain what is queued in their socket buffers before counting
  prev=-1; for _ in $(seq 1 30); do cur="$(ours) $(theirs)"; [[ "$cur" == "$prev" ]] && break; prev=$cur; sleep 1; done
  o1=$(ours); t1=$(theirs); d1=$(ours_dropped); oc1=$(cpu_ticks "$AGENT"); tc1=$(cpu_ticks "$TRAPD_PID")
  awk -v r="$rate" -v s="$sent" -v secs="$secs" -v o=$((o1-o0)) -v t=$((t1-t0)) -v d=$((d1-d0)) -v oc=$((oc1-oc0)) -v tc=$((tc1-tc0)) -v hz="$hz" \
      -v orss="$(rss_mib "$AGENT")" -v trss="$(rss_mib "$TRAPD_PID")" 'BEGIN {
    ous = o > 0 ? oc / hz * 1e6 / o : 0; tus = t > 0 ? tc / hz * 1e6 / t : 0
    printf "%-8s %10.0f %10.0f %10.0f %8.2f %10.1f %10.1f %8.2f %9d %8sM %8sM %8.1f%%\n", (r == 0 ? "max" : r), s / secs, o / secs, t / secs,
      (t > 0 ? o / t : 0), ous, tus, (ous > 0 ? tus / ous : 0), d, orss, trss, (s > 0 ? 100 * (s - o) / s : 0) }'
done
