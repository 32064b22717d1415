#!/usr/bin/env bash
# Follows the README's quick start literally: run its first command from the repository root, wait for
# http://127.0.0.1:9464/metrics, check that every class the README promises has samples within 60 s, stop.
# Exit 0 on success; otherwise prints the missing classes and the agent's last log lines. `.ci/run` calls it.
set -euo pipefail
cd "$(dirname "$0")/../.."

url=http://127.0.0.1:9464/metrics
deadline_s=${QUICKSTART_DEADLINE_S:-60}
log=$(mktemp)
if curl -fsS -o /dev/null "$url" 2>/dev/null; then
  echo "quickstart: something already answers on $url; stop it first" >&2
  exit 1
fi

# Build first so the 60 s measure the agent, not the compiler (the README's command builds too).
dotnet build src/DcimAgent -v quiet -nologo >/dev/null

# The README's first command, verbatim.
dotnet run --no-build --project src/DcimAgent -- --config config/demo.yaml >"$log" 2>&1 &
pid=$!
stop() {
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$log"
}
trap stop EXIT

families=(
  "pdu:dcim_pdu_power_watts"
  "ups:dcim_ups_output_power_watts"
  "cooling:dcim_cooling_supply_temperature_celsius"
  "server or sensor:dcim_server_power_watts|dcim_sensor_temperature_celsius"
  "accelerator:dcim_accelerator_power_watts"
  "site PUE:dcim_site_pue_ratio"
)

start=$(date +%s)
missing=("not scraped yet")
while (( $(date +%s) - start < deadline_s )); do
  if body=$(curl -fsS "$url" 2>/dev/null); then
    missing=()
    for entry in "${families[@]}"; do
      class=${entry%%:*}
      pattern=${entry#*:}
      grep -Eq "^(${pattern})\{[^}]*\} [0-9.e+-]+$" <<<"$body" || missing+=("$class")
    done
    (( ${#missing[@]} == 0 )) && break
  fi
  sleep 2
done

if (( ${#missing[@]} > 0 )); then
  echo "quickstart: FAIL after ${deadline_s}s, no samples for: ${missing[*]}" >&2
  tail -n 30 "$log" >&2
  exit 1
fi
echo "quickstart: ok, every class on $url after $(( $(date +%s) - start ))s"
