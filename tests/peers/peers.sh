#!/usr/bin/env bash
# The project's real test peers on 127.0.0.1: install them (Debian packages), start and stop them.
# One script; the test code calls it through the links beside it, whose name picks the action:
#   install.sh                        apt-get install what is missing (root or sudo); no-op when present
#   snmpd-start.sh PORT               net-snmp agent: v1/v2c public (ro) + private (rw), SNMPv3 users below
#   snmpsim-start.sh DATA_DIR PORT    snmpsimd over a copy of DATA_DIR (community = file name, .gz unpacked)
#   snmptrapd-start.sh PORT           net-snmp trap receiver, one 'TRAP|...' line per notification in its log
#   snmptrap-send.sh PORT [KIND...]   example notifications: v1 v2c v2c-inform v3-trap v3-inform all
#   mosquitto-start.sh PORT [AUTH]    anonymous listener on PORT, password listener on AUTH (default PORT+1)
#   snmp-exporter-start.sh CFG PORT   prometheus-snmp-exporter (the incumbent, for benchmarks)
#   promtool-check.sh [check|test|auto] FILE...
#   NAME-stop.sh PORT                 stop that instance: SIGTERM to the PID it recorded, SIGKILL after 10 s
# State of an instance: ${PEERS_STATE_DIR:-/tmp/dcim-peers}/NAME-PORT/ (config, pid, log).
# Daemons that drop root (snmpsimd -> nobody, mosquitto -> mosquitto) need world-traversable state dirs.
set -euo pipefail

STATE_ROOT="${PEERS_STATE_DIR:-${TMPDIR:-/tmp}/dcim-peers}"
READY_S="${PEERS_READY_TIMEOUT:-30}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ME="$(basename "$0")"

say() { echo "$ME: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }
need() { for c in "$@"; do command -v "$c" >/dev/null 2>&1 || die "'$c' is not installed: run ./test.sh or tests/peers/install.sh as root"; done; }
port_ok() { [[ "${1:-}" =~ ^[0-9]+$ ]] && (( $1 > 0 && $1 < 65536 )) || die "bad port '${1:-}'"; }
udp_busy() { ss -Hlun "( sport = :$1 )" 2>/dev/null | grep -q .; }
tcp_busy() { ss -Hltn "( sport = :$1 )" 2>/dev/null | grep -q .; }

instance_dir() {   # NAME PORT
    mkdir -p "$STATE_ROOT" && chmod 0755 "$STATE_ROOT"
    local d="$STATE_ROOT/$1-$2"
    mkdir -p "$d" && chmod 0755 "$d"
    echo "$d"
}

# alive PIDFILE WORD: the recorded PID runs and its command line still names WORD (never kill a reused PID)
alive() {
    [[ -s "$1" ]] || return 1
    local pid; pid=$(<"$1")
    [[ "$pid" =~ ^[0-9]+$ && -r /proc/$pid/cmdline ]] || return 1
    tr '\0' ' ' </proc/"$pid"/cmdline | grep -q -- "$2" || return 1
    [[ "$(awk '{print $3}' /proc/"$pid"/stat 2>/dev/null)" != Z ]]
}

# launch DIR NAME WORD READY-FUNCTION CMD...: start detached, wait until READY-FUNCTION answers
launch() {
    local dir=$1 name=$2 word=$3 ready=$4; shift 4
    local pf="$dir/$name.pid" log="$dir/$name.log"
    if [[ $- == *m* ]]; then "$@" </dev/null >>"$log" 2>&1 & else setsid "$@" </dev/null >>"$log" 2>&1 & fi
    local pid=$!; echo "$pid" >"$pf"
    local until=$((SECONDS + READY_S))
    while (( SECONDS < until )); do
        if ! kill -0 "$pid" 2>/dev/null; then say "$name exited at start-up; its log:"; tail -n 20 "$log" >&2; rm -f "$pf"; exit 1; fi
        if "$ready" >/dev/null 2>&1; then say "$name ready (PID $pid, state $dir)"; return 0; fi
        sleep 0.2
    done
    say "$name not ready after ${READY_S}s; its log:"; tail -n 20 "$log" >&2
    kill -KILL "$pid" 2>/dev/null || true; rm -f "$pf"; exit 1
}

already() {  # DIR NAME WORD: exit 0 when that instance runs
    if alive "$1/$2.pid" "$3"; then say "$2 already running (PID $(<"$1/$2.pid"))"; exit 0; fi
}

stop() {  # NAME PORT WORD
    local pf="$STATE_ROOT/$1-$2/$1.pid"
    if ! alive "$pf" "$3"; then rm -f "$pf"; say "$1 on port $2 is not running"; return 0; fi
    local pid; pid=$(<"$pf")
    kill -TERM "$pid" 2>/dev/null || true
    local until=$((SECONDS + ${PEERS_STOP_TIMEOUT:-10}))
    while (( SECONDS < until )) && alive "$pf" "$3"; do sleep 0.1; done
    alive "$pf" "$3" && kill -KILL "$pid" 2>/dev/null || true
    rm -f "$pf"; say "$1 on port $2 stopped"
}

# ---- install ----------------------------------------------------------------------------------------------
PACKAGES=(snmpd snmp snmptrapd snmpsim mosquitto mosquitto-clients prometheus prometheus-alertmanager
          prometheus-snmp-exporter victoria-metrics systemd openssl curl jq iproute2 procps
          python3-pymodbus mbpoll chromium)
install_peers() {
    local missing=() p
    for p in "${PACKAGES[@]}" ${PEERS_EXTRA_PKGS:-}; do
        [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)" == "install ok installed" ]] || missing+=("$p")
    done
    (( ${#missing[@]} )) || { say "every peer is installed"; return 0; }
    local sudo=()
    if (( EUID != 0 )); then command -v sudo >/dev/null || die "installing ${missing[*]} needs root"; sudo=(sudo); fi
    say "installing ${missing[*]}"
    local log="${TMPDIR:-/tmp}/dcim-peers-install.log" made=0
    # keep the packages' own services from starting (the tests start their own instances)
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee /usr/sbin/policy-rc.d >/dev/null; "${sudo[@]}" chmod 755 /usr/sbin/policy-rc.d; made=1; fi
    local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o DPkg::Lock::Timeout=600
               -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
    if ! { "${apt[@]}" update && "${apt[@]}" install --no-install-recommends "${missing[@]}"; } >>"$log" 2>&1; then
        (( made )) && "${sudo[@]}" rm -f /usr/sbin/policy-rc.d
        tail -n 20 "$log" >&2; die "apt-get failed (log $log)"
    fi
    (( made )) && "${sudo[@]}" rm -f /usr/sbin/policy-rc.d
    if [[ -d /run/systemd/system ]]; then
        "${sudo[@]}" systemctl disable --now snmpd snmptrapd snmptrapd.socket mosquitto prometheus \
            prometheus-alertmanager prometheus-snmp-exporter victoria-metrics >>"$log" 2>&1 || true
    fi
    say "installed ${#missing[@]} packages"
}

# ---- snmpd ------------------------------------------------------------------------------------------------
# SNMPv3 users (read-only, whole tree): name, level, auth proto, auth pass, priv proto, priv pass.
V3_USERS=(
  "peers-noauth noauth - - - -"
  "peers-md5 auth MD5 peers-md5-pass - -"
  "peers-sha auth SHA peers-sha-pass - -"
  "peers-sha-aes priv SHA peers-sha-pass AES peers-aes-pass"
  "peers-sha256-aes priv SHA-256 peers-sha256-pass AES peers-aes-pass"
  "peers-md5-des priv MD5 peers-md5-pass DES peers-des-pass"
  "peers-sha224-aes priv SHA-224 peers-sha224-pass AES peers-aes-pass"
  "peers-sha384-aes priv SHA-384 peers-sha384-pass AES peers-aes-pass"
  "peers-sha512-aes256 priv SHA-512 peers-sha512-pass AES-256 peers-aes256-pass"
  "peers-sha-aes192 priv SHA peers-sha-pass AES-192 peers-aes192-pass"
  "peers-sha-aes256 priv SHA peers-sha-pass AES-256 peers-aes256-pass"
  "peers-sha-aes256c priv SHA peers-sha-pass AES256C peers-aes256-pass"
)
start_snmpd() {
    [[ $# -eq 1 ]] || die "usage: $ME PORT"; local port=$1; port_ok "$port"; need snmpd snmpget
    local dir; dir=$(instance_dir snmpd "$port")
    already "$dir" snmpd "snmpd -f"
    udp_busy "$port" && die "UDP port $port is taken"
    rm -rf "$dir/persist"; mkdir -p "$dir/persist"
    {
        echo "agentAddress udp:127.0.0.1:$port"
        # engineID text 'peers-snmpd-PORT' (tests derive the engine id from it)
        echo "engineID ${SNMPD_ENGINE_ID:-peers-snmpd-$port}"
        echo "sysLocation peers-lab, rack 1"; echo "sysContact peers@localhost"; echo "sysName peers-snmpd-$port"
        echo "sysServices 72"; echo "dontLogTCPWrappersConnects yes"
        echo "rocommunity public 127.0.0.1"; echo "rwcommunity private 127.0.0.1"
        local u name level ap apass pp ppass
        for u in "${V3_USERS[@]}"; do
            read -r name level ap apass pp ppass <<<"$u"
            if [[ $ap == - ]]; then echo "createUser $name"
            elif [[ $pp == - ]]; then echo "createUser $name $ap \"$apass\""
            else echo "createUser $name $ap \"$apass\" $pp \"$ppass\""; fi
            echo "rouser $name $level"
        done
    } >"$dir/snmpd.conf"
    ready_snmpd() { snmpget -v2c -c public -r 0 -t 1 -m "" "127.0.0.1:$port" 1.3.6.1.2.1.1.3.0; }
    launch "$dir" snmpd "snmpd -f" ready_snmpd env SNMP_PERSISTENT_DIR="$dir/persist" \
        snmpd -f -C -c "$dir/snmpd.conf" -m "" -A -LF 0-5 "$dir/snmpd.log"
}

# ---- snmpsimd ---------------------------------------------------------------------------------------------
start_snmpsim() {
    [[ $# -eq 2 ]] || die "usage: $ME DATA_DIR PORT"; local src=$1 port=$2; port_ok "$port"
    [[ -d "$src" ]] || die "no data dir '$src'"; need snmpsimd snmpgetnext
    local dir; dir=$(instance_dir snmpsim "$port")
    already "$dir" snmpsim snmpsimd
    udp_busy "$port" && die "UDP port $port is taken"
    rm -rf "$dir/data" "$dir/cache"; mkdir -p "$dir/data" "$dir/cache"
    cp -R "$src"/. "$dir/data"/
    find "$dir/data" -type f -name '*.gz' -exec gunzip -f {} +
    chmod -R a+rX "$dir"
    local drop=()
    if (( EUID == 0 )); then chown nobody:nogroup "$dir/cache"; drop=(--process-user=nobody --process-group=nogroup); fi
    local first; first=$(cd "$dir/data" && find . -type f -name '*.snmprec' | sort | head -n 1)
    [[ -n "$first" ]] || die "no .snmprec file under $src"
    first=${first#./}; local community=${SNMPSIM_PROBE_COMMUNITY:-${first%.snmprec}}
    ready_snmpsim() { snmpgetnext -v2c -c "$community" -r 0 -t 1 "127.0.0.1:$port" 1.3.6.1; }
    launch "$dir" snmpsim snmpsimd ready_snmpsim snmpsimd --data-dir="$dir/data" --cache-dir="$dir/cache" \
        --agent-udpv4-endpoint="127.0.0.1:$port" "${drop[@]}" \
        --v3-user=simulator --v3-auth-key=auctoritas --v3-auth-proto=MD5 --v3-priv-key=privatus --v3-priv-proto=DES \
        --v3-user=peers-sha-aes --v3-auth-key=peers-sha-pass --v3-auth-proto=SHA --v3-priv-key=peers-aes-pass --v3-priv-proto=AES \
        ${SNMPSIM_EXTRA_ARGS:-}
}

# ---- snmptrapd / snmptrap ---------------------------------------------------------------------------------
TRAP_ENGINE=${SNMPTRAP_V3_ENGINE_ID:-0x8000000001020304}
start_snmptrapd() {
    [[ $# -eq 1 ]] || die "usage: $ME PORT"; local port=$1; port_ok "$port"; need snmptrapd
    local dir; dir=$(instance_dir snmptrapd "$port")
    already "$dir" snmptrapd "snmptrapd -f"
    udp_busy "$port" && die "UDP port $port is taken"
    rm -rf "$dir/persist"; mkdir -p "$dir/persist"; : >>"$dir/snmptrapd.log"
    cat >"$dir/snmptrapd.conf" <<CONF
snmpTrapdAddr udp:127.0.0.1:$port
disableAuthorization yes
doNotLogTraps no
createUser -e $TRAP_ENGINE peers-sha-aes SHA "peers-sha-pass" AES "peers-aes-pass"
createUser peers-sha-aes SHA "peers-sha-pass" AES "peers-aes-pass"
CONF
    ready_trapd() { udp_busy "$port"; }
    launch "$dir" snmptrapd "snmptrapd -f" ready_trapd env SNMP_PERSISTENT_DIR="$dir/persist" \
        snmptrapd -f -C -c "$dir/snmptrapd.conf" -m "" -On -A -Lf "$dir/snmptrapd.log" \
        -F 'TRAP|%P|%b|ent=%N gen=%w spec=%q|%V~ %v\n'
}

send_traps() {
    [[ $# -ge 1 ]] || die "usage: $ME PORT [v1|v2c|v2c-inform|v3-trap|v3-inform|all]..."
    local port=$1; shift; port_ok "$port"; need snmptrap
    local kinds=("$@"); (( ${#kinds[@]} )) || kinds=(all)
    local to="127.0.0.1:$port" c=${COMMUNITY:-public} rc=0
    local v3=(-v 3 -l authPriv -u "${V3_USER:-peers-sha-aes}" -a "${V3_AUTH_PROTO:-SHA}" -A "${V3_AUTH_PASS:-peers-sha-pass}"
              -x "${V3_PRIV_PROTO:-AES}" -X "${V3_PRIV_PASS:-peers-aes-pass}")
    local retry=(-t "${TIMEOUT:-2}" -r "${RETRIES:-1}")
    # a heartbeat notification of NET-SNMP-EXAMPLES-MIB with two varbinds
    local hb=(1.3.6.1.4.1.8072.2.3.0.1 1.3.6.1.4.1.8072.2.3.2.1 i 60 1.3.6.1.4.1.8072.2.3.2.2 s pdu-a1)
    one() { echo "+ $*"; "$@" || { echo "  -> failed (rc $?)" >&2; rc=1; }; }
    local k
    for k in "${kinds[@]}"; do
        [[ $k == all ]] && set -- v1 v2c v2c-inform v3-trap v3-inform || set -- "$k"
        for k in "$@"; do
            case $k in
            v1) one snmptrap -v 1 -c "$c" "$to" 1.3.6.1.4.1.8072.2.3 127.0.0.1 6 1 '' 1.3.6.1.4.1.8072.2.3.2.1.0 i 42 ;;
            v2c) one snmptrap -v 2c -c "$c" "$to" '' 1.3.6.1.6.3.1.1.5.3 1.3.6.1.2.1.2.2.1.1.3 i 3 \
                     1.3.6.1.2.1.2.2.1.7.3 i 1 1.3.6.1.2.1.2.2.1.8.3 i 2 1.3.6.1.2.1.2.2.1.2.3 s eth2 ;;
            v2c-inform) one snmptrap -Ci "${retry[@]}" -v 2c -c "$c" "$to" '' "${hb[@]}" ;;
            v3-trap) one snmptrap "${v3[@]}" -e "${V3_ENGINE_ID:-$TRAP_ENGINE}" "$to" '' "${hb[@]}" ;;
            v3-inform) one snmptrap -Ci "${retry[@]}" "${v3[@]}" "$to" '' "${hb[@]}" ;;
            *) echo "unknown kind '$k'" >&2; rc=2 ;;
            esac
        done
    done
    return "$rc"
}

# ---- mosquitto --------------------------------------------------------------------------------------------
start_mosquitto() {
    [[ $# -ge 1 && $# -le 2 ]] || die "usage: $ME PORT [AUTH_PORT]"
    local port=$1 auth=${2:-$(( $1 + 1 ))}; port_ok "$port"; port_ok "$auth"
    need mosquitto mosquitto_passwd mosquitto_pub
    local dir; dir=$(instance_dir mosquitto "$port")
    local word="mosquitto -c $dir/mosquitto.conf"
    already "$dir" mosquitto "$word"
    tcp_busy "$port" && die "TCP port $port is taken"; tcp_busy "$auth" && die "TCP port $auth is taken"
    rm -f "$dir/passwd"
    mosquitto_passwd -c -b "$dir/passwd" peers peers-pass
    mosquitto_passwd -b "$dir/passwd" peers-ro peers-ro-pass
    printf 'user peers\ntopic readwrite #\n\nuser peers-ro\ntopic read #\n' >"$dir/acl"
    chmod 0644 "$dir/passwd" "$dir/acl"
    local runas=""
    if (( EUID == 0 )) && ! runuser -u mosquitto -- test -r "$dir/passwd" 2>/dev/null; then runas="user root"; fi
    cat >"$dir/mosquitto.conf" <<CONF
$runas
per_listener_settings true
persistence false
log_dest stderr
log_type error
log_type warning
log_type notice
log_type information
connection_messages true
log_timestamp true
${MOSQUITTO_EXTRA_CONF:-}

listener $port 127.0.0.1
allow_anonymous true

listener $auth 127.0.0.1
allow_anonymous false
password_file $dir/passwd
acl_file $dir/acl
CONF
    ready_mosquitto() {
        mosquitto_pub -h 127.0.0.1 -p "$port" -t peers/ready -m ok -q 0 &&
            mosquitto_pub -h 127.0.0.1 -p "$auth" -u peers -P peers-pass -t peers/ready -m ok -q 0
    }
    launch "$dir" mosquitto "$word" ready_mosquitto mosquitto -c "$dir/mosquitto.conf"
}

# ---- snmp_exporter ----------------------------------------------------------------------------------------
start_snmp_exporter() {
    [[ $# -eq 2 ]] || die "usage: $ME CONFIG PORT"; local cfg; cfg=$(readlink -f "$1"); local port=$2; port_ok "$port"
    [[ -r "$cfg" ]] || die "config '$1' not readable"; need prometheus-snmp-exporter curl
    local dir; dir=$(instance_dir snmp-exporter "$port")
    already "$dir" snmp-exporter prometheus-snmp-exporter
    tcp_busy "$port" && die "TCP port $port is taken"
    prometheus-snmp-exporter --config.file="$cfg" --dry-run >"$dir/dry-run.log" 2>&1 || { cat "$dir/dry-run.log" >&2; die "config $cfg rejected"; }
    ready_exporter() { curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$port/metrics"; }
    launch "$dir" snmp-exporter prometheus-snmp-exporter ready_exporter prometheus-snmp-exporter \
        --config.file="$cfg" --web.listen-address="127.0.0.1:$port" ${SNMP_EXPORTER_ARGS:-}
}

# ---- promtool ---------------------------------------------------------------------------------------------
promtool_check() {
    need promtool
    local mode=auto; case ${1:-} in check|test|auto) mode=$1; shift ;; esac
    [[ $# -ge 1 ]] || die "usage: $ME [check|test|auto] FILE..."
    local rules=() tests=() f rc=0
    for f in "$@"; do
        [[ -f "$f" ]] || die "no such file: $f"
        if [[ $mode == test ]] || { [[ $mode == auto ]] && grep -qE '^tests:' "$f"; }; then tests+=("$f"); else rules+=("$f"); fi
    done
    (( ${#rules[@]} == 0 )) || { echo "== promtool check rules ${rules[*]}"; promtool check rules "${rules[@]}" || rc=1; }
    (( ${#tests[@]} == 0 )) || { echo "== promtool test rules ${tests[*]}"; promtool test rules "${tests[@]}" || rc=1; }
    return "$rc"
}

case "$ME" in
install.sh) install_peers ;;
snmpd-start.sh) start_snmpd "$@" ;;
snmpd-stop.sh) port_ok "${1:-}"; stop snmpd "$1" "snmpd -f" ;;
snmpsim-start.sh) start_snmpsim "$@" ;;
snmpsim-stop.sh) port_ok "${1:-}"; stop snmpsim "$1" snmpsimd ;;
snmptrapd-start.sh) start_snmptrapd "$@" ;;
snmptrapd-stop.sh) port_ok "${1:-}"; stop snmptrapd "$1" "snmptrapd -f" ;;
snmptrap-send.sh) send_traps "$@" ;;
mosquitto-start.sh) start_mosquitto "$@" ;;
mosquitto-stop.sh) port_ok "${1:-}"; stop mosquitto "$1" mosquitto ;;
snmp-exporter-start.sh) start_snmp_exporter "$@" ;;
snmp-exporter-stop.sh) port_ok "${1:-}"; stop snmp-exporter "$1" prometheus-snmp-exporter ;;
promtool-check.sh) promtool_check "$@" ;;
*) sed -n '2,14p' "$0" >&2; exit 2 ;;
esac
