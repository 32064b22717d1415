#!/usr/bin/env bash
# targets.sh - many SNMP targets on one agent: TARGETS devices (default 10000) spread over SNMPDS real net-snmp
# snmpd instances (ports 19301..), each target polled with bench/scale/profiles/bench-net-snmp-if.yaml (~80
# varbinds in 19 column walks, ~86 series) every INTERVAL seconds. After one warm-up cycle (lookups, JIT), measures
# CYCLES cycles: agent CPU as a share of one core, RSS (max), polls completed per cycle and by result, schedule
# lateness p50/p99 (from dcim_agent_snmp_schedule_lateness_seconds, interpolated like histogram_quantile), store
# series, and the snmpd instances' CPU. Env: TARGETS, SNMPDS (64: the client allows 4 requests in flight per
# address, and real devices each have their own), INTERVAL (60), WARMUP cycles (1), CYCLES (3), CONCURRENCY (256).
set -euo pipefail
cd "$(dirname "$0")/../.."
TARGETS=${TARGETS:-10000}; SNMPDS=${SNMPDS:-64}; INTERVAL=${INTERVAL:-60}; CYCLES=${CYCLES:-3}; WARMUP=${WARMUP:-1}; CONCURRENCY=${CONCURRENCY:-256}
HTTP_PORT=19470; FIRST_SNMPD=19301
PEERS=tests/peers
dotnet build -c Release bench/DcimAgent.ScaleBench -v q -nologo >/dev/null
AGENT_DLL=bench/DcimAgent.ScaleBench/bin/Release/net10.0/dcim-agent.dll
TMP=$(mktemp -d)
PORTS=(); for i in $(seq 0 $((SNMPDS - 1))); do PORTS+=($((FIRST_SNMPD + i))); done
cleanup() {
  [[ -n "${AGENT:-}" ]] && kill "$AGENT" 2>/dev/null
  for p in "${PORTS[@]}"; do "$PEERS/snmpd-stop.sh" "$p" >/dev/null 2>&1 || true; done
  rm -rf "$TMP"
}
trap cleanup EXIT
for p in "${PORTS[@]}"; do "$PEERS/snmpd-start.sh" "$p" >/dev/null; done
SNMPD_PIDS=(); for p in "${PORTS[@]}"; do SNMPD_PIDS+=("$(cat "${PEERS_STATE_DIR:-/tmp/peers}/snmpd-$p/snmpd.pid")"); done

{
  echo "agent: { listen: \"127.0.0.1:$HTTP_PORT\", site: bench, log_level: warning }"
  echo "snmp:"
  echo "  defaults: { interval: ${INTERVAL}s, timeout: 5s, retries: 1, concurrency: $CONCURRENCY }"
  echo "  profile_paths: [$PWD/bench/scale/profiles]"
  echo "  credentials: [{ name: v2, version: 2c, community: public }]"
  echo "  targets:"
  for i in $(seq 0 $((TARGETS - 1))); do
    printf '    - { name: dev-%05d, address: "127.0.0.1:%d", credentials: v2, profile: bench-net-snmp-if, labels: { room: h%d, rack: R%03d } }\n' \
      "$i" "${PORTS[$((i % SNMPDS))]}" $((i / 2500)) $((i / 20 % 1000))
  done
} >"$TMP/agent.yaml"
dotnet "$AGENT_DLL" check-config --config "$TMP/agent.yaml" >/dev/null
dotnet "$AGENT_DLL" run --config "$TMP/agent.yaml" >"$TMP/agent.log" 2>&1 &
AGENT=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$HTTP_PORT/readyz" >/dev/null 2>&1 && break; sleep 0.5; done

hz=$(getconf CLK_TCK)
metrics() { curl -s --max-time 30 "http://127.0.0.1:$HTTP_PORT/metrics" >"$TMP/m"; }
polls() { awk '/^dcim_agent_snmp_polls_total/ {s+=$NF} END {printf "%d\n", s}' "$TMP/m"; }
polls_by() { awk '/^dcim_agent_snmp_polls_total/ {match($0, /result="[^"]*"/); r=substr($0, RSTART+8, RLENGTH-9); printf "%s=%d ", r, $NF}' "$TMP/m"; }
buckets() { awk '/^dcim_agent_snmp_schedule_lateness_seconds_bucket/ {match($0, /le="[^"]*"/); printf "%s %d\n", substr($0, RSTART+4, RLENGTH-5), $NF}' "$TMP/m"; }
ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
snmpd_ticks() { local s=0; for p in "${SNMPD_PIDS[@]}"; do s=$((s + $(ticks "$p"))); done; echo $s; }
rss_mib() { awk '/^VmRSS/ {printf "%.0f\n", $2/1024}' "/proc/$1/status"; }

echo "# host: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
echo "# $TARGETS targets on $SNMPDS snmpd, interval ${INTERVAL}s, concurrency $CONCURRENCY; $WARMUP warm-up cycle(s), then $CYCLES measured"
sleep $((WARMUP * INTERVAL))   # warm-up: first polls walk lookups and run JIT
metrics; p0=$(polls); buckets >"$TMP/b0"; a0=$(ticks "$AGENT"); s0=$(snmpd_ticks); t0=$(date +%s.%N); maxrss=0
end=$(( $(date +%s) + CYCLES * INTERVAL ))
while (( $(date +%s) < end )); do
  r=$(rss_mib "$AGENT"); (( r > maxrss )) && maxrss=$r
  sleep 5
done
metrics; p1=$(polls); buckets >"$TMP/b1"; a1=$(ticks "$AGENT"); s1=$(snmpd_ticks); t1=$(date +%s.%N)
r=$(rss_mib "$AGENT"); (( r > maxrss )) && maxrss=$r
series=$(awk '/^dcim_agent_store_series / {print $NF}' "$TMP/m")
join "$TMP/b0" "$TMP/b1" | awk '{print $1, $3 - $2}' | sort -g >"$TMP/bd"
q() { awk -v q="$1" '{le[NR]=$1; c[NR]=$2} END {
    total=c[NR]; rank=q*total; prev_le=0; prev_c=0
    for (i=1; i<=NR; i++) { if (c[i] >= rank) { if (le[i]=="+Inf") { printf ">%s\n", prev_le; exit } 
        printf "%.2f\n", prev_le + (le[i]-prev_le) * (rank-prev_c) / (c[i]-prev_c > 0 ? c[i]-prev_c : 1); exit }
      prev_le=le[i]; prev_c=c[i] } }' "$TMP/bd"; }
awk -v tg="$TARGETS" -v cy="$CYCLES" -v dp=$((p1 - p0)) -v da=$((a1 - a0)) -v ds=$((s1 - s0)) -v hz="$hz" -v t0="$t0" -v t1="$t1" \
    -v rss="$maxrss" -v series="$series" -v p50="$(q 0.5)" -v p99="$(q 0.99)" -v by="$(polls_by)" 'BEGIN {
  el = t1 - t0
  printf "agent_cpu_core_share=%.2f agent_max_rss_mib=%d polls_per_cycle=%.0f (of %d) lateness_p50_s=%s lateness_p99_s=%s store_series=%s snmpd_cpu_core_share=%.2f agent_cpu_us_per_poll=%.0f\n",
    da / hz / el, rss, dp / cy, tg, p50, p99, series, ds / hz / el, (dp > 0 ? da / hz * 1e6 / dp : 0)
  printf "polls by result since start: %s\n", by }'
