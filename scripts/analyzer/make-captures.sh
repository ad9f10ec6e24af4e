#!/usr/bin/env bash
# Regenerates the capture fixtures in src/analyzer/fixtures/ from scratch, with real SIP tools:
# sipp (Debian's sip-tester) plays both ends of each call on loopback, dumpcap records them, and
# tshark writes the reference figures next to each capture:
#
#   NAME.rtp-streams.txt   tshark -r NAME -q -z rtp,streams   (the RTP stream table)
#   NAME.calls.txt         tshark -r NAME -q -z sip,stat      (SIP codes and methods)
#   NAME.sip.tsv           one row per SIP message: frame, time, addresses, Call-ID, method or
#                          code, Q.850 cause, SDP c= address(es) and m= port
#
# The caller is 127.0.0.10, the callee 127.0.0.20 (SIP on port 15060 for both, RTP on 16000 and
# 16100), so directions are easy to tell apart. Captures use ports 15060-15099 and 16000-16999
# only. Figures differ a little from run to run (real timing); the tests read the side files, so
# regenerate everything together.
#
# Needs: sipp >= 3.6 built with RTP streaming (rtp_stream), dumpcap, tshark and editcap
# (Wireshark 4.0 made the committed files), sox, node (npx tsx), and root or CAP_NET_RAW to
# capture on lo:   apt-get install -y tshark sip-tester sox
#
# Usage: scripts/analyzer/make-captures.sh [fixture ...]   e.g. make-captures.sh burst
# (default: all of them).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$ROOT/src/analyzer/fixtures"
SCENARIOS="$HERE/sipp"
WORK="$(mktemp -d)"

CALLER=127.0.0.10
CALLEE=127.0.0.20
SIP_PORT=15060
FILTER="udp and (portrange 15060-15099 or portrange 16000-16999)"

UAS_ARGS=(-i "$CALLEE" -p "$SIP_PORT" -mi "$CALLEE" -mp 16100 -timeout 60s -nostdin)
UAC_ARGS=(-s bob -i "$CALLER" -p "$SIP_PORT" -mi "$CALLER" -mp 16000 -timeout 60s -nostdin)

DUMPCAP_PID=""
UAS_PIDS=()

# Stops whatever this script started and is still running (by process id only).
cleanup() {
  local pid
  for pid in ${UAS_PIDS[@]+"${UAS_PIDS[@]}"} $DUMPCAP_PID; do
    kill "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

need() {
  command -v "$1" >/dev/null || { echo "missing $1 ($2)" >&2; exit 1; }
}
need sipp 'apt-get install sip-tester'
need dumpcap 'apt-get install tshark'
need tshark 'apt-get install tshark'
need editcap 'apt-get install tshark'
need sox 'apt-get install sox'
need npx 'Node.js'

# 20 s of a 440 Hz tone as 8 kHz mu-law (PCMU) WAV; sipp loops it (-1) until the call ends.
sox -q -n -r 8000 -c 1 -e u-law "$WORK/tone.wav" synth 20 sine 440 vol 0.5

# capture_start FILE: records loopback UDP on the fixture ports into $WORK/FILE.
capture_start() {
  rm -f "$WORK/dumpcap.log"
  dumpcap -i lo -P -q -f "$FILTER" -w "$WORK/$1" 2>"$WORK/dumpcap.log" &
  DUMPCAP_PID=$!
  local tries=0
  until grep -q 'Capturing on' "$WORK/dumpcap.log" 2>/dev/null; do
    tries=$((tries + 1))
    if [ "$tries" -gt 50 ]; then
      cat "$WORK/dumpcap.log" >&2
      echo "dumpcap did not start" >&2
      exit 1
    fi
    sleep 0.1
  done
  sleep 0.5
}

capture_stop() {
  sleep 0.5
  kill -INT "$DUMPCAP_PID"
  wait "$DUMPCAP_PID" || true
  DUMPCAP_PID=""
}

# uas SCENARIO [sipp args...]: starts the callee in the background (it exits after its -m calls).
# SCENARIO is a file in sipp/, or an absolute path.
uas() {
  local scenario=$1
  shift
  [[ "$scenario" == /* ]] || scenario="$SCENARIOS/$scenario"
  (cd "$WORK" && exec sipp -sf "$scenario" "${UAS_ARGS[@]}" "$@" \
    >>"$WORK/uas.log" 2>&1) &
  UAS_PIDS+=($!)
  sleep 0.3
}

# Waits for the callees started so far; sipp exits 1 when some call "failed" (a timeout we
# wanted, for instance), which is fine here.
uas_wait() {
  local pid status
  for pid in ${UAS_PIDS[@]+"${UAS_PIDS[@]}"}; do
    status=0
    wait "$pid" || status=$?
    if [ "$status" -gt 1 ]; then
      tail -20 "$WORK/uas.log" >&2
      echo "callee sipp exited with $status" >&2
      exit 1
    fi
  done
  UAS_PIDS=()
}

# uac SCENARIO TARGET [sipp args...]: runs the caller in the foreground until its -m calls end.
uac() {
  local scenario=$1 target=$2 status=0
  shift 2
  (cd "$WORK" && exec timeout 90 sipp "$target" -sf "$SCENARIOS/$scenario" "${UAC_ARGS[@]}" "$@" \
    >>"$WORK/uac.log" 2>&1) || status=$?
  if [ "$status" -gt 1 ]; then
    tail -20 "$WORK/uac.log" >&2
    echo "caller sipp exited with $status" >&2
    exit 1
  fi
}

# reference FILE [tshark options...]: the side files with tshark's view of fixtures/FILE.
reference() {
  local file=$1
  shift
  local version options="${*:+ $*}"
  version="$(tshark -v 2>/dev/null | head -1 | sed 's/\.$//')"
  (
    cd "$OUT"
    {
      echo "# $version: tshark -r $file$options -q -z rtp,streams"
      tshark -r "$file" "$@" -q -z rtp,streams 2>/dev/null
    } >"$file.rtp-streams.txt"
    {
      echo "# $version: tshark -r $file$options -q -z sip,stat"
      tshark -r "$file" "$@" -q -z sip,stat 2>/dev/null
    } >"$file.calls.txt"
    tshark -r "$file" "$@" -Y sip -T fields -E header=y -E separator=/t \
      -e frame.number -e frame.time_relative -e ip.src -e udp.srcport -e ip.dst \
      -e udp.dstport -e sip.Call-ID -e sip.CSeq.method -e sip.Method -e sip.Status-Code \
      -e sip.reason_cause_q850 -e sdp.connection_info.address -e sdp.media.port \
      2>/dev/null >"$file.sip.tsv"
  )
  echo "$file: $(stat -c %s "$OUT/$file") bytes"
}

# keep NAME: moves the capture from $WORK into the fixtures.
keep() {
  mv "$WORK/$1" "$OUT/$1"
  chmod 644 "$OUT/$1"
}

TO_CALLEE="$CALLEE:$SIP_PORT"

# 1. INVITE/100/180/200/ACK, PCMU both ways for 3 s, BYE/200. Plus the same file as pcapng, as
#    nanosecond pcap and as nanosecond pcapng (editcap 4.0 has no --set-tsprec: converting the
#    nanosecond pcap carries its resolution into the pcapng interface's if_tsresol).
answered_two_way() {
  capture_start answered-two-way.pcap
  uas uas-answer.xml -m 1
  uac uac.xml "$TO_CALLEE" -m 1 -d 3000
  uas_wait
  capture_stop
  keep answered-two-way.pcap
  reference answered-two-way.pcap
  editcap -F pcapng "$OUT/answered-two-way.pcap" "$OUT/answered-two-way.pcapng"
  editcap -F nsecpcap "$OUT/answered-two-way.pcap" "$OUT/answered-two-way.ns.pcap"
  editcap -F pcapng "$OUT/answered-two-way.ns.pcap" "$OUT/answered-two-way.ns.pcapng"
  reference answered-two-way.pcapng
  reference answered-two-way.ns.pcap
  reference answered-two-way.ns.pcapng
}

# 2. Answered, but only the caller sends RTP.
one_way_audio() {
  capture_start one-way-audio.pcap
  uas uas-answer-silent.xml -m 1
  uac uac.xml "$TO_CALLEE" -m 1 -d 3000
  uas_wait
  capture_stop
  keep one-way-audio.pcap
  reference one-way-audio.pcap
}

# reject CODE PHRASE HEADER: one call refused with that final response (HEADER: one header line).
reject() {
  local scenario
  scenario="$(<"$SCENARIOS/uas-reject.xml")"
  scenario="${scenario//@CODE@/$1}"
  scenario="${scenario//@PHRASE@/$2}"
  scenario="${scenario//@HEADER@/$3}"
  printf '%s\n' "$scenario" >"$WORK/uas-reject-$1.xml"
  uas "$WORK/uas-reject-$1.xml" -m 1
  uac uac.xml "$TO_CALLEE" -m 1
  uas_wait
  sleep 0.3
}

# 3. Three refused calls: 503 (Q.850 34), 486 (Q.850 17), 404 (Q.850 1).
rejected_503() {
  capture_start rejected-503.pcap
  reject 503 'Service Unavailable' 'Reason: Q.850;cause=34;text="No circuit/channel available"'
  reject 486 'Busy Here' 'Reason: Q.850;cause=17;text="User busy"'
  reject 404 'Not Found' 'Reason: Q.850;cause=1;text="Unallocated (unassigned) number"'
  capture_stop
  keep rejected-503.pcap
  reference rejected-503.pcap
}

# 4. A 488, then a call answered with G.729 (18) only while the offer was 0 8 101; no RTP flows
#    and the caller hangs up after 1 s.
codec_mismatch() {
  capture_start codec-mismatch.pcap
  reject 488 'Not Acceptable Here' 'Warning: 305 127.0.0.20 "Incompatible media format"'
  uas uas-answer-g729.xml -m 1
  uac uac-silent.xml "$TO_CALLEE" -m 1 -d 1000
  uas_wait
  capture_stop
  keep codec-mismatch.pcap
  reference codec-mismatch.pcap
}

# 5. The callee's SDP puts its audio at 192.168.1.20 (media-level c=), but its SIP and its RTP come
#    from 127.0.0.20, and the caller's RTP goes to 127.0.0.20 at the announced port (see
#    sipp/uas-answer-nat.xml). Wireshark sets up RTP decoding from the SDP, so it expects the
#    caller's RTP at 192.168.1.20 and would show the caller's stream as plain UDP: its
#    side files turn on Wireshark's RTP heuristic (-o rtp.heuristic_rtp:TRUE) to list both streams.
media_mismatch() {
  capture_start media-mismatch.pcap
  uas uas-answer-nat.xml -m 1
  uac uac.xml "$TO_CALLEE" -m 1 -d 3000
  uas_wait
  capture_stop
  keep media-mismatch.pcap
  reference media-mismatch.pcap -o rtp.heuristic_rtp:TRUE
}

# 6. Ten answered calls, two a second, each hung up by the caller after 1 s, with RTP both ways
#    (sipp 3.6 shares one RTP port per side between calls; each call has its own SSRC).
short_calls() {
  capture_start short-calls.pcap
  uas uas-answer.xml -m 10
  uac uac.xml "$TO_CALLEE" -m 10 -r 2 -d 1000
  uas_wait
  capture_stop
  keep short-calls.pcap
  reference short-calls.pcap
}

# 7. 100 calls without RTP against a callee that takes 15 at a time and answers 503 beyond that:
#    10 calls at 5/s, 40 at 50/s, a 2 s pause, 40 at 50/s, 10 at 5/s. Each answered call lasts
#    1.5 s, so the refusals bunch up in the two bursts.
burst() {
  capture_start burst.pcap
  uas uas-capacity.xml -m 100
  uac uac-silent.xml "$TO_CALLEE" -m 10 -r 5 -d 1500
  uac uac-silent.xml "$TO_CALLEE" -m 40 -r 50 -d 1500
  sleep 2
  uac uac-silent.xml "$TO_CALLEE" -m 40 -r 50 -d 1500
  uac uac-silent.xml "$TO_CALLEE" -m 10 -r 5 -d 1500
  uas_wait
  capture_stop
  keep burst.pcap
  reference burst.pcap
}

# 8. An INVITE to 127.0.0.20:15070, where nothing listens: sipp retransmits it after 0.5, 1 and
#    2 s (T1 doubling) and gives up after 5 s without sending anything else (no CANCEL: default
#    behaviours off). Loopback's ICMP port-unreachable replies are not UDP, so not recorded.
retransmissions() {
  capture_start retransmissions.pcap
  uac uac-silent.xml "$CALLEE:15070" -m 1 -recv_timeout 5000 -default_behaviors none
  capture_stop
  keep retransmissions.pcap
  reference retransmissions.pcap
}

# 9. A clean two-way call (like 1), then network trouble added afterwards by impair-pcap.ts:
#    RTP delayed 20 ms +/- 15 ms (uniform, so some packets overtake others) and 5 % lost, with
#    a fixed seed; SIP untouched. This stands in for `tc qdisc add dev lo root netem delay 20ms
#    15ms loss 5%`, which the sandbox the fixtures were made in does not offer (no sch_netem), and
#    which would delay every other program's loopback traffic on the host as well.
jitter_loss() {
  capture_start clean-call.pcap
  uas uas-answer.xml -m 1
  uac uac.xml "$TO_CALLEE" -m 1 -d 3000
  uas_wait
  capture_stop
  (cd "$ROOT" && npx --no-install tsx scripts/analyzer/impair-pcap.ts \
    "$WORK/clean-call.pcap" "$OUT/jitter-loss.pcap" \
    --ports 16000-16999 --delay-ms 20 --jitter-ms 15 --loss 0.05 --seed 5060)
  chmod 644 "$OUT/jitter-loss.pcap"
  reference jitter-loss.pcap
}

ALL=(answered-two-way one-way-audio rejected-503 codec-mismatch media-mismatch short-calls burst
  retransmissions jitter-loss)

mkdir -p "$OUT"
if [ "$#" -eq 0 ]; then set -- "${ALL[@]}"; fi
for name in "$@"; do
  case "$name" in
    answered-two-way | one-way-audio | rejected-503 | codec-mismatch | media-mismatch | \
      short-calls | burst | retransmissions | jitter-loss)
      echo "== $name"
      "${name//-/_}"
      ;;
    *)
      echo "unknown fixture $name (known: ${ALL[*]})" >&2
      exit 1
      ;;
  esac
done
