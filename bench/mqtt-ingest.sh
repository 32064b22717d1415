#!/usr/bin/env bash
# mqtt-ingest.sh [COUNT] [WARMUP] - MQTT ingestion throughput: mosquitto -> agent store, beside mosquitto_sub's rate.
# For QoS 0 and 1: floods COUNT tasmota-sized messages (the shared tele/SENSOR fixture, 239 bytes) with
# mosquitto_pub -l into a local broker (port 18860, max_queued_messages 0 so the broker never drops) and times
# (a) mosquitto_sub -C COUNT and (b) the agent's ingestion (bench/MqttIngest), both from the start of the flood to the COUNT-th message.
# Before the timed flood the agent takes untimed rounds of WARMUP/4 messages on the same device until a round
# compiles no method (a daemon runs JIT-optimised code; a process started a second earlier would spend the flood in
# the JIT's first tiers). WARMUP 0 times a cold start.
# Prints one line per QoS: rates in msg/s and CPU per message of both, the ratio, the agent's peak RSS, load average.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-50000}    # 100k+ at QoS 1: mosquitto 2.0.11 here disconnected mosquitto_pub "due to out of memory"
WARMUP=${2:-40000}   # 4 × the untimed round the agent takes until the JIT is done with the receive path
PORT=18860
TOOLS=tests/peers
PAYLOAD=$(cat tests/fixtures/mqtt/tasmota_sonoff-pow-r2_tele-SENSOR.json)
TMP=$(mktemp -d); chmod 755 "$TMP"
trap '"$TOOLS/mosquitto-stop.sh" $PORT >/dev/null 2>&1 || true; rm -rf "$TMP"' EXIT

# MQTT_BENCH_BIN=DIR uses a driver already built there (dotnet build -c Release bench/MqttIngest -o DIR).
BIN=${MQTT_BENCH_BIN:-$TMP/bin}
[[ -n "${MQTT_BENCH_BIN:-}" ]] || dotnet build -c Release bench/MqttIngest -o "$BIN" -v q -nologo >/dev/null
MOSQUITTO_EXTRA_CONF='max_queued_messages 0' "$TOOLS/mosquitto-start.sh" $PORT >/dev/null
awk -v n="$(( COUNT > WARMUP ? COUNT : WARMUP ))" -v p="$PAYLOAD" 'BEGIN { for (i = 0; i < n; i++) print p }' > "$TMP/lines"

flood() { head -n "$COUNT" "$TMP/lines" | mosquitto_pub -h 127.0.0.1 -p $PORT -q "$1" -t bench/pow1/SENSOR -l; }
# The warm-up goes to the same device as the timed flood: a daemon's plugs have published for hours, so the timed
# messages should meet a known device and its series, not first-message code paths still in the JIT's first tiers.
# Rounds of WARMUP/4 messages until the agent answers "warm": a round in which the JIT compiled nothing.
# Tiered compilation promotes a method one tier per round of calls (first tier, PGO-instrumented, optimised),
# so one fixed flood left the receive path's last tier to the timed flood (hundreds of methods compiled during it).
warm() {
    while :; do
        head -n $(( WARMUP / 4 )) "$TMP/lines" | mosquitto_pub -h 127.0.0.1 -p $PORT -q "$1" -t bench/pow1/SENSOR -l
        while [[ ! -f "$TMP/ready.round" ]]; do sleep 0.05; done
        local answer; answer=$(cat "$TMP/ready.round"); rm -f "$TMP/ready.round"
        [[ $answer == warm ]] && return
    done
}

# MODE=apart (default): mosquitto_sub takes one flood, then the agent another, each alone on the broker.
# MODE=together: both are subscribed to one flood and timed from the same start, so both see the same publisher
# rate at the same moment; on a machine whose load swings from run to run this is the steadier comparison, but the
# two then share the CPU (and the broker fans each message out twice).
MODE=${MODE:-apart}

# sub_start QOS: starts mosquitto_sub for COUNT messages; its end time goes to $TMP/sub.end.
# -W: give up (and fail the run) rather than hang if the broker lost messages (it disconnects a QoS 1
# publisher with "out of memory" at 100k+ queued messages on this machine).
sub_start() {
    ( /usr/bin/time -f '%U %S' -o "$TMP/sub.cpu" mosquitto_sub -h 127.0.0.1 -p $PORT -q "$1" -t 'bench/+/SENSOR' -C "$COUNT" -W 300 > /dev/null
      date +%s.%N > "$TMP/sub.end" ) &
    SUB=$!
    sleep 0.5
}

for QOS in 0 1; do
    if [[ $MODE == apart ]]; then
        sub_start $QOS
        T0=$(date +%s.%N); flood $QOS; wait $SUB
        SUB_T0=$T0
    fi

    rm -f "$TMP/ready" "$TMP/ready.round"
    dotnet "$BIN/MqttIngest.dll" $PORT $QOS "$COUNT" "$TMP/ready" "$WARMUP" > "$TMP/agent.out" &
    AGENT=$!
    while [[ ! -f "$TMP/ready" ]]; do sleep 0.05; done
    if (( WARMUP > 0 )); then
        warm $QOS
    fi
    [[ $MODE == together ]] && sub_start $QOS   # after the warm-up: it takes only the timed flood
    T0=$(date +%s.%N); flood $QOS; wait $AGENT
    [[ $MODE == together ]] && { wait $SUB; SUB_T0=$T0; }

    # Both rates: messages from the start of the flood to the COUNT-th message.
    SUB_RATE=$(echo "$COUNT / ($(cat "$TMP/sub.end") - $SUB_T0)" | bc -l)
    read -r U S < "$TMP/sub.cpu"
    SUB_CPU=$(echo "($U + $S) * 1000000 / $COUNT" | bc -l)   # µs of CPU per message
    read -r T1 RSS ACCEPTED DROPPED CPU < "$TMP/agent.out"
    AGENT_RATE=$(echo "$ACCEPTED / ($T1 - $T0)" | bc -l)   # stored messages only: drops do not count
    AGENT_CPU=$(echo "$CPU * 1000000 / ($ACCEPTED + $DROPPED)" | bc -l)
    printf 'QoS %s (%s): mosquitto_sub %8.0f msg/s (%.1f us CPU/msg)   agent %8.0f msg/s (%.1f us CPU/msg)   ratio %.2f   agent peak RSS %s MiB   stored %s   dropped (queue full) %s   load %s\n' \
        $QOS $MODE "$SUB_RATE" "$SUB_CPU" "$AGENT_RATE" "$AGENT_CPU" "$(echo "$AGENT_RATE / $SUB_RATE" | bc -l)" "$RSS" "$ACCEPTED" "$DROPPED" "$(cut -d' ' -f1 /proc/loadavg)"
done
