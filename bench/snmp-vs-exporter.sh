#!/usr/bin/env bash
# Client CPU per 1,000 varbinds and RSS: dcim-agent's SNMP poller vs prometheus-snmp-exporter 0.21, in one run,
# against the same peers: the real recordings in tests/fixtures/snmprec (served by snmpsimd, community =
# file name) and net-snmp's snmpd (ifTable + ifXTable, walked by both).
#
# usage: bench/snmp-vs-exporter.sh [DURATION_S] [INTERVAL_S]        (defaults 120 and 10)
# env:   BENCH_PORT_BASE (default 19710; uses BASE..BASE+3), BENCH_KEEP=1 keeps the state dir,
#        BENCH_WARMUP_S (default 120: rounds before the window, so .NET tiered JIT and the agent's first-poll
#        profile detection and label lookups are not billed to steady-state polling)
#
# CPU is utime+stime of each client process from /proc/PID/stat, as deltas over the measurement window (after
# one warm-up round). Varbinds: the exporter's own snmp_scrape_pdus_returned summed over the scrapes in the
# window; the agent's dcim_agent_snmp_varbinds_total delta. snmpsimd (~120 µs CPU per varbind, single-threaded)
# is the bottleneck of the whole run; only the clients are measured. Both clients are scraped each round, so
# exposition cost counts for both.
set -euo pipefail

DURATION=${1:-120}
INTERVAL=${2:-10}
BASE=${BENCH_PORT_BASE:-19710}
SIM_PORT=$BASE SNMPD_PORT=$((BASE + 1)) EXP_PORT=$((BASE + 2)) AGENT_PORT=$((BASE + 3))

REPO=$(cd "$(dirname "$0")/.." && pwd)
FIXTURES=$REPO/tests/fixtures
TOOLS=$REPO/tests/peers
RECORDINGS=$FIXTURES/snmprec

# recording (= community) -> snmp_exporter 0.21 module covering the same device MIB
declare -A MODULE=(
    [apc_smt750x]=apcups
    [raritan_px3-5493u]=raritan
    [raritan_px2-extsensors]=raritan
    [servertech_sentry3-switched]=servertech_sentry3
    [servertech_sentry4]=servertech_sentry4
    [eaton_epdu-ma]=eaton_epdu
)

for bin in snmpsimd snmpd prometheus-snmp-exporter curl dotnet; do
    command -v "$bin" >/dev/null || { echo "missing $bin: run $TOOLS/install.sh (dotnet: the .NET 10 SDK)" >&2; exit 2; }
done

STATE=$(mktemp -d /tmp/dcim-bench-snmp.XXXXXX)
chmod 755 "$STATE"
export PEERS_STATE_DIR=$STATE/peers
mkdir -p "$PEERS_STATE_DIR" && chmod 755 "$PEERS_STATE_DIR"
AGENT_PID=

cleanup() {
    [[ -n "$AGENT_PID" ]] && kill "$AGENT_PID" 2>/dev/null && wait "$AGENT_PID" 2>/dev/null
    "$TOOLS/snmp-exporter-stop.sh" "$EXP_PORT" >/dev/null 2>&1 || true
    "$TOOLS/snmpsim-stop.sh" "$SIM_PORT" >/dev/null 2>&1 || true
    "$TOOLS/snmpd-stop.sh" "$SNMPD_PORT" >/dev/null 2>&1 || true
    if [[ "${BENCH_KEEP:-0}" == 1 ]]; then echo "state kept in $STATE" >&2; else rm -rf "$STATE"; fi
}
trap cleanup EXIT

echo "building dcim-agent (Release) ..." >&2
dotnet publish "$REPO/src/DcimAgent" -c Release -o "$STATE/agent" --nologo -v quiet >"$STATE/build.log" 2>&1 \
    || { cat "$STATE/build.log" >&2; exit 1; }

"$TOOLS/snmpsim-start.sh" "$RECORDINGS" "$SIM_PORT" >&2
"$TOOLS/snmpd-start.sh" "$SNMPD_PORT" >&2

# snmp_exporter config: one module per recording (its vendor module, community = recording) plus if_mib.
/usr/bin/python3 - "$FIXTURES/snmp_exporter/snmp-v0.21.0.yml" "$STATE/snmp.yml" "${!MODULE[@]}" \
    "--" "${MODULE[@]}" <<'PY'
import copy, sys, yaml
src, dst, rest = sys.argv[1], sys.argv[2], sys.argv[3:]
cut = rest.index("--")
names, modules = rest[:cut], rest[cut + 1:]
upstream = yaml.safe_load(open(src))
out = {}
for name, module in zip(names, modules):
    m = copy.deepcopy(upstream[module])
    m["version"] = 2
    m["auth"] = {"community": name}
    out[name] = m
m = copy.deepcopy(upstream["if_mib"])
m["version"] = 2
m["auth"] = {"community": "public"}
out["netsnmp"] = m
yaml.safe_dump(out, open(dst, "w"), sort_keys=False)
PY
"$TOOLS/snmp-exporter-start.sh" "$STATE/snmp.yml" "$EXP_PORT" >&2
EXP_PID=$(<"$PEERS_STATE_DIR/snmp-exporter-$EXP_PORT/snmp-exporter.pid")

# Agent config: the same recordings (profile auto) and the same snmpd subtrees (bench-only load profile).
{
    echo "agent: { listen: \"127.0.0.1:$AGENT_PORT\", site: bench, state_dir: \"$STATE/agent-state\", log_level: warning }"
    echo "snmp:"
    echo "  defaults: { interval: ${INTERVAL}s, timeout: 10s, retries: 1, max_repetitions: 25 }"
    echo "  profile_paths: [\"$REPO/bench/snmp-vs-exporter/profiles\"]"
    echo "  credentials:"
    echo "    - { name: public, version: 2c, community: public }"
    for r in "${!MODULE[@]}"; do echo "    - { name: $r, version: 2c, community: $r }"; done
    echo "  targets:"
    echo "    - { name: netsnmp, address: \"127.0.0.1:$SNMPD_PORT\", credentials: public, profile: netsnmp-if-load }"
    for r in "${!MODULE[@]}"; do echo "    - { name: $r, address: \"127.0.0.1:$SIM_PORT\", credentials: $r }"; done
} >"$STATE/agent.yaml"
mkdir -p "$STATE/agent-state"
"$STATE/agent/dcim-agent" run --config "$STATE/agent.yaml" >"$STATE/agent.log" 2>&1 &
AGENT_PID=$!

cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
rss_kib() { awk -v k="$2" '$1 == k":" { print $2 }' "/proc/$1/status"; }
agent_varbinds() {
    curl -fsS "http://127.0.0.1:$AGENT_PORT/metrics" | awk '$1 == "dcim_agent_snmp_varbinds_total" { print $2 + 0; f = 1 } END { if (!f) print 0 }'
}

# One round: scrape every exporter module once (in parallel, as Prometheus would) and the agent's /metrics.
# Prints the varbinds the exporter fetched in this round.
exporter_round() {
    local t pids=() total=0 n
    for t in "${!MODULE[@]}"; do
        curl -fsS -m 60 "http://127.0.0.1:$EXP_PORT/snmp?target=127.0.0.1:$SIM_PORT&module=$t" >"$STATE/exp-$t.prom" &
        pids+=($!)
    done
    curl -fsS -m 60 "http://127.0.0.1:$EXP_PORT/snmp?target=127.0.0.1:$SNMPD_PORT&module=netsnmp" >"$STATE/exp-netsnmp.prom" &
    pids+=($!)
    wait "${pids[@]}"
    for t in "${!MODULE[@]}" netsnmp; do
        n=$(awk '$1 == "snmp_scrape_pdus_returned" { print $2 }' "$STATE/exp-$t.prom")
        [[ -n "$n" ]] || { echo "exporter scrape of $t returned no snmp_scrape_pdus_returned" >&2; exit 1; }
        total=$((total + n))
    done
    curl -fsS "http://127.0.0.1:$AGENT_PORT/metrics" >/dev/null
    echo "$total"
}

for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$AGENT_PORT/metrics" >/dev/null 2>&1 && break; sleep 1; done
kill -0 "$AGENT_PID" 2>/dev/null || { cat "$STATE/agent.log" >&2; exit 1; }

WARMUP=${BENCH_WARMUP_S:-120}
echo "warm-up ${WARMUP} s ..." >&2
warm_start=$(date +%s)
while (($(date +%s) - warm_start < WARMUP)); do
    round_start=$(date +%s)
    exporter_round >/dev/null
    left=$((INTERVAL - ($(date +%s) - round_start)))
    ((left > 0)) && sleep "$left"
done

TICK=$(getconf CLK_TCK)
a_cpu0=$(cpu_ticks "$AGENT_PID"); e_cpu0=$(cpu_ticks "$EXP_PID"); a_vb0=$(agent_varbinds)
e_vb=0
start=$(date +%s)
rounds=0
while (($(date +%s) - start < DURATION)); do
    round_start=$(date +%s)
    e_vb=$((e_vb + $(exporter_round)))
    rounds=$((rounds + 1))
    left=$((INTERVAL - ($(date +%s) - round_start)))
    ((left > 0)) && sleep "$left"
done
a_cpu1=$(cpu_ticks "$AGENT_PID"); e_cpu1=$(cpu_ticks "$EXP_PID"); a_vb1=$(agent_varbinds)
elapsed=$(($(date +%s) - start))

a_vb=$((a_vb1 - a_vb0))
((a_vb > 0)) || { echo "agent fetched no varbinds; its log:" >&2; tail -20 "$STATE/agent.log" >&2; exit 1; }
((e_vb > 0)) || { echo "exporter fetched no varbinds" >&2; exit 1; }

/usr/bin/python3 - <<PY
tick = $TICK
rows = [
    ("dcim-agent", ($a_cpu1 - $a_cpu0) / tick, $a_vb, $(rss_kib "$AGENT_PID" VmRSS), $(rss_kib "$AGENT_PID" VmHWM)),
    ("snmp_exporter 0.21", ($e_cpu1 - $e_cpu0) / tick, $e_vb, $(rss_kib "$EXP_PID" VmRSS), $(rss_kib "$EXP_PID" VmHWM)),
]
print(f"window {$elapsed} s, {$rounds} exporter rounds, interval ${INTERVAL} s, CLK_TCK {tick}")
print("| client | CPU s | varbinds | CPU s / 1,000 varbinds | µs / varbind | RSS MiB (peak) |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
per = []
for name, cpu, vb, rss, hwm in rows:
    p = cpu / vb * 1000
    per.append(p)
    print(f"| {name} | {cpu:.2f} | {vb:,} | {p:.4f} | {p * 1000:.1f} | {rss / 1024:.0f} ({hwm / 1024:.0f}) |")
print(f"ratio agent/exporter CPU per varbind: {per[0] / per[1]:.2f} (goal <= 0.33)")
PY
