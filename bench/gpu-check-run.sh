#!/usr/bin/env bash
# gpu-check-run.sh — run ON THE GPU HOST, from the folder gpu-check-build.sh made (no .NET needed there).
# Reads every GPU once through dcim-agent's NVML collector and once through nvidia-smi --query-gpu, and
# compares per GPU: uuid (exact), memory total (exact, bytes), temperature (±2 °C), power (±10 %).
# Prints one PASS/FAIL line per check and exits 0 only when all pass. Both outputs are printed for the record.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
agent=${DCIM_AGENT:-$here/dcim-agent/dcim-agent}
fail=0
command -v nvidia-smi >/dev/null || { echo "FAIL nvidia-smi not found: no NVIDIA driver on this host"; exit 1; }
[[ -x "$agent" ]] || { echo "FAIL $agent not found: run gpu-check-build.sh first and copy its folder here"; exit 1; }

prom=$("$agent" node --once --collector nvml --device gpu-check 2>"$here/agent-stderr.txt"); rc=$?
echo "== dcim-agent node --once --collector nvml (exit $rc)"
grep -E '^dcim_(accelerator|device_up|poll_errors)' <<<"$prom"
cat "$here/agent-stderr.txt"
[[ $rc -eq 0 ]] || { echo "FAIL dcim-agent node exited $rc"; fail=1; }

smi=$(nvidia-smi --query-gpu=index,uuid,memory.total,temperature.gpu,power.draw --format=csv,noheader,nounits) \
    || { echo "FAIL nvidia-smi --query-gpu failed"; exit 1; }
# power.draw.instant exists only on recent drivers; used as a second reference for power when present.
instant=$(nvidia-smi --query-gpu=index,power.draw.instant --format=csv,noheader,nounits 2>/dev/null || true)
echo "== nvidia-smi --query-gpu=index,uuid,memory.total,temperature.gpu,power.draw --format=csv,noheader,nounits"
echo "$smi"
[[ -n "$instant" ]] && { echo "== power.draw.instant"; echo "$instant"; }

value() { # family index → the sample value of that GPU, empty when absent
    grep -E "^$1\{[^}]*accelerator=\"$2\"[^}]*\} " <<<"$prom" | head -1 | awk '{print $NF}'
}

while IFS=',' read -r idx uuid mem temp power; do
    idx=$(tr -d ' ' <<<"$idx"); uuid=$(tr -d ' ' <<<"$uuid"); mem=$(tr -d ' ' <<<"$mem")
    temp=$(tr -d ' ' <<<"$temp"); power=$(tr -d ' ' <<<"$power")
    a_uuid=$(grep -E "^dcim_accelerator_info\{[^}]*accelerator=\"$idx\"" <<<"$prom" | sed -E 's/.*uuid="([^"]*)".*/\1/' | head -1)
    a_mem=$(value dcim_accelerator_memory_total_bytes "$idx")
    a_temp=$(value dcim_accelerator_temperature_celsius "$idx")
    a_power=$(value dcim_accelerator_power_watts "$idx")
    inst=$(awk -F', *' -v i="$idx" '$1 == i {print $2}' <<<"$instant")

    if [[ -n "$a_uuid" && "$a_uuid" == "$uuid" ]]; then echo "PASS gpu $idx uuid $uuid"; else echo "FAIL gpu $idx uuid: nvml '$a_uuid' vs nvidia-smi '$uuid'"; fail=1; fi

    want=$((mem * 1048576))
    if [[ -n "$a_mem" ]] && awk -v a="$a_mem" -v w="$want" 'BEGIN { exit !(a == w) }'; then
        echo "PASS gpu $idx memory total $a_mem bytes = $mem MiB"
    else echo "FAIL gpu $idx memory total: nvml '$a_mem' bytes vs nvidia-smi $mem MiB ($want bytes)"; fail=1; fi

    if [[ -n "$a_temp" ]] && awk -v a="$a_temp" -v s="$temp" 'BEGIN { d = a - s; exit !(d <= 2 && d >= -2) }'; then
        echo "PASS gpu $idx temperature nvml $a_temp C vs nvidia-smi $temp C (±2)"
    else echo "FAIL gpu $idx temperature: nvml '$a_temp' C vs nvidia-smi '$temp' C (±2)"; fail=1; fi

    within() { awk -v a="$1" -v s="$2" 'BEGIN { if (s == "" || s + 0 <= 0) exit 1; r = a / s; exit !(r >= 0.9 && r <= 1.1) }'; }
    if [[ -n "$a_power" ]] && within "$a_power" "$power"; then
        echo "PASS gpu $idx power nvml $a_power W vs nvidia-smi power.draw $power W (±10%)"
    elif [[ -n "$a_power" && -n "$inst" ]] && within "$a_power" "$inst"; then
        echo "PASS gpu $idx power nvml $a_power W vs nvidia-smi power.draw.instant $inst W (±10%; power.draw was $power W)"
    else echo "FAIL gpu $idx power: nvml '$a_power' W vs nvidia-smi power.draw '$power' W / instant '${inst:-n/a}' W (±10%)"; fail=1; fi
done <<<"$smi"

[[ $fail -eq 0 ]] && echo "RESULT PASS" || echo "RESULT FAIL"
exit $fail
