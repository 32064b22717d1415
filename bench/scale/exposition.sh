#!/usr/bin/env bash
# exposition.sh [SERIES...] - /metrics at scale: our SeriesStore through the real agent host vs prometheus-net's
# labelled Gauges (MapMetrics), the same synthetic PDU fleet, served in turn on 127.0.0.1:$PORT and scraped by curl.
# Per implementation and size: fill time, RSS when ready, 1st (cold) and median of 5 warm scrapes (plain), median
# of 3 gzip scrapes, bytes, series lines, server CPU seconds for all scrapes, peak RSS. Default sizes 100000 1000000.
# Env: PORT (default 19410), SCRAPES (5), DOTNET_GCHeapHardLimit unset.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-19410}
SCRAPES=${SCRAPES:-5}
SIZES=("${@:-100000 1000000}")
read -r -a SIZES <<<"${SIZES[*]}"
dotnet build -c Release bench/DcimAgent.ScaleBench -v q -nologo >/dev/null
BIN=bench/DcimAgent.ScaleBench/bin/Release/net10.0/DcimAgent.ScaleBench.dll
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
echo "# host: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
printf '%-8s %8s %7s %8s %8s %9s %9s %11s %10s %9s %7s %9s\n' impl series fill_s rss_mib cold_s warm_p50_s gzip_p50_s bytes gzip_bytes lines cpu_s peak_mib

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for n in "${SIZES[@]}"; do
  for impl in store promnet; do
    fifo="$TMP/in-$impl-$n"; mkfifo "$fifo"
    out="$TMP/out-$impl-$n"
    dotnet "$BIN" expo-serve --impl "$impl" --series "$n" --port "$PORT" <"$fifo" >"$out" 2>&1 &
    pid=$!
    exec 3>"$fifo"   # keeps the server's stdin open until we close it
    for _ in $(seq 1 600); do grep -q '^ready' "$out" && break; kill -0 "$pid" 2>/dev/null || { cat "$out"; exit 1; }; sleep 0.5; done
    ready=$(grep '^ready' "$out")
    fill=$(sed -E 's/.*fill_s=([0-9.]+).*/\1/' <<<"$ready"); rss=$(sed -E 's/.*rss_mib=([0-9]+).*/\1/' <<<"$ready")
    url="http://127.0.0.1:$PORT/metrics"
    cold=$(curl -s -o "$TMP/body" -w '%{time_total}' "$url")
    lines=$(grep -vc '^#' "$TMP/body" || true); bytes=$(stat -c %s "$TMP/body")
    warm=$(for _ in $(seq 1 "$SCRAPES"); do curl -s -o /dev/null -w '%{time_total}\n' "$url"; done | median)
    gz=$(for _ in 1 2 3; do curl -s -H 'Accept-Encoding: gzip' -o "$TMP/gz" -w '%{time_total}\n' "$url"; done | median)
    gzbytes=$(stat -c %s "$TMP/gz")
    exec 3>&-
    wait "$pid" || true
    done_line=$(grep '^done' "$out")
    cpu=$(sed -E 's/.*cpu_s=([0-9.]+).*/\1/' <<<"$done_line"); peak=$(sed -E 's/.*peak_rss_mib=([0-9]+).*/\1/' <<<"$done_line")
    printf '%-8s %8s %7s %8s %8s %9s %9s %11s %10s %9s %7s %9s\n' "$impl" "$n" "$fill" "$rss" "$cold" "$warm" "$gz" "$bytes" "$gzbytes" "$lines" "$cpu" "$peak"
    rm -f "$fifo"
  done
done
