/**
 * Realistic pastes for tests: SIP messages and traces as people copy them from logs, capture
 * tools and carrier portals. Addresses are documentation ranges (RFC 5737), numbers are
 * fictional (555-01xx). Written for these tests; reused by the browser tests.
 */

/** A caller's SDP offer: PCMU, PCMA and telephone-event (also used by the analyzer's tests). */
export const SDP_OFFER = [
  'v=0',
  'o=- 3956723100 3956723100 IN IP4 192.0.2.10',
  's=-',
  'c=IN IP4 192.0.2.10',
  't=0 0',
  'm=audio 40000 RTP/AVP 0 8 101',
  'a=rtpmap:0 PCMU/8000',
  'a=rtpmap:8 PCMA/8000',
  'a=rtpmap:101 telephone-event/8000',
  'a=fmtp:101 0-16',
  'a=ptime:20',
  'a=sendrecv',
];

/** A carrier's SDP answer: PCMU and telephone-event, media on another address. */
export const SDP_ANSWER = [
  'v=0',
  'o=carrier 81234 81235 IN IP4 203.0.113.20',
  's=SBC',
  'c=IN IP4 203.0.113.21',
  't=0 0',
  'm=audio 31876 RTP/AVP 0 101',
  'a=rtpmap:0 PCMU/8000',
  'a=rtpmap:101 telephone-event/8000',
  'a=fmtp:101 0-15',
  'a=ptime:20',
  'a=sendrecv',
];

/**
 * One SIP message with CRLF line ends: the start line and headers, a Content-Length (or
 * another length header name, like the compact `l`) that matches the body, a blank line, the body.
 */
function sipMessage(
  lines: readonly string[],
  body: readonly string[] = [],
  lengthName = 'Content-Length',
): string {
  const content = body.map((line) => `${line}\r\n`).join('');
  return `${[...lines, `${lengthName}: ${content.length}`, '', ''].join('\r\n')}${content}`;
}

/** Messages one after another, with a blank line between them, as a trace viewer copies them. */
function trace(...messages: string[]): string {
  return messages.join('\r\n');
}

/** The same text with LF line ends. */
export function toLf(text: string): string {
  return text.replace(/\r\n|\r/g, '\n');
}

/** The same text with CRLF line ends. */
export function toCrlf(text: string): string {
  return toLf(text).replace(/\n/g, '\r\n');
}

/** The same text with lone-CR line ends (old Mac style, some terminal copies). */
export function toCr(text: string): string {
  return toLf(text).replace(/\n/g, '\r');
}

const CALL_A = '6f1c2a9e4b7d@192.0.2.10';
const FROM_A = 'From: "Front Desk" <sip:+19195550100@pbx.example.com>;tag=as5e1d8c1f';
const TO_A = 'To: <sip:+525555550123@trunk.example.net>';
const VIA_A = 'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-524287-1---c8e1b2f0;rport';

const inviteA = sipMessage(
  [
    'INVITE sip:+525555550123@trunk.example.net SIP/2.0',
    VIA_A,
    'Max-Forwards: 70',
    FROM_A,
    TO_A,
    `Call-ID: ${CALL_A}`,
    'CSeq: 102 INVITE',
    'Contact: <sip:+19195550100@192.0.2.10:5060>',
    'Allow: INVITE, ACK, CANCEL, OPTIONS, BYE, REFER, NOTIFY, INFO, UPDATE, PRACK',
    'Supported: replaces, timer, 100rel',
    'User-Agent: ExamplePBX 18.2',
    'Content-Type: application/sdp',
  ],
  SDP_OFFER,
);

const RESPONSE_HEADERS_A = [
  'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-524287-1---c8e1b2f0;rport=5060;received=198.51.100.7',
  FROM_A,
  `${TO_A};tag=sbc-7731-22`,
  `Call-ID: ${CALL_A}`,
  'CSeq: 102 INVITE',
];

const tryingA = sipMessage([
  'SIP/2.0 100 Trying',
  ...RESPONSE_HEADERS_A.map((line) => (line.startsWith('To:') ? TO_A : line)),
  'Server: Carrier-SBC/4.1',
]);

const progressA = sipMessage(
  [
    'SIP/2.0 183 Session Progress',
    ...RESPONSE_HEADERS_A,
    'Contact: <sip:203.0.113.20:5060>',
    'Server: Carrier-SBC/4.1',
    'Content-Type: application/sdp',
  ],
  SDP_ANSWER,
);

const unavailableA = sipMessage([
  'SIP/2.0 503 Service Unavailable',
  ...RESPONSE_HEADERS_A,
  'Reason: Q.850;cause=34;text="No circuit/channel available"',
  'Server: Carrier-SBC/4.1',
]);

const ackA = sipMessage([
  'ACK sip:+525555550123@trunk.example.net SIP/2.0',
  VIA_A,
  'Max-Forwards: 70',
  FROM_A,
  `${TO_A};tag=sbc-7731-22`,
  `Call-ID: ${CALL_A}`,
  'CSeq: 102 ACK',
]);

/** INVITE → 100 Trying → 183 Session Progress (with SDP) → 503 with Q.850 cause 34 → ACK, CRLF. */
const inviteTo503Crlf = trace(inviteA, tryingA, progressA, unavailableA, ackA);

const CALL_C = 'a84b4c76e66710@10.20.30.40';

/** An INVITE answered with a 480 in compact headers (i, l, f, t, v, m, c), as some SBCs send. */
const compactHeaders = trace(
  sipMessage(
    [
      'INVITE sip:+442079460958@gw.example.org;user=phone SIP/2.0',
      'v: SIP/2.0/TCP 10.20.30.40:5060;branch=z9hG4bKnashds8',
      'f: <sip:+15555550199@example.com>;tag=1928301774',
      't: <sip:+442079460958@gw.example.org;user=phone>',
      `i: ${CALL_C}`,
      'CSeq: 314159 INVITE',
      'm: <sip:+15555550199@10.20.30.40:5060;transport=tcp>',
      'c: application/sdp',
    ],
    SDP_OFFER,
    'l',
  ),
  sipMessage(
    [
      'SIP/2.0 480 Temporarily Unavailable',
      'v: SIP/2.0/TCP 10.20.30.40:5060;branch=z9hG4bKnashds8',
      'f: <sip:+15555550199@example.com>;tag=1928301774',
      't: <sip:+442079460958@gw.example.org;user=phone>;tag=8321234356',
      `i: ${CALL_C}`,
      'CSeq: 314159 INVITE',
      'Reason: Q.850 ; cause = 19 ; text="No answer from user (alerted)"',
    ],
    [],
    'l',
  ),
);

const CALL_D = '3848276298220188511@pbx.example.com';
const FROM_D = 'From: <sip:2001@pbx.example.com>;tag=4711a';
const TO_D = 'To: <sip:+19195550142@sip.carrier.example>';

/** INVITE → 407 challenge → ACK → INVITE with credentials → 100 Trying → 486 Busy Here. */
const challengeThenBusy = trace(
  sipMessage([
    'INVITE sip:+19195550142@sip.carrier.example SIP/2.0',
    'Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK776asdhds',
    'Max-Forwards: 70',
    FROM_D,
    TO_D,
    `Call-ID: ${CALL_D}`,
    'CSeq: 1 INVITE',
    'Contact: <sip:2001@198.51.100.7:5060>',
  ]),
  sipMessage([
    'SIP/2.0 407 Proxy Authentication Required',
    'Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK776asdhds',
    FROM_D,
    `${TO_D};tag=c0ffee01`,
    `Call-ID: ${CALL_D}`,
    'CSeq: 1 INVITE',
    'Proxy-Authenticate: Digest realm="sip.carrier.example", nonce="Y2FsbC1mYWlsdXJl", algorithm=MD5, qop="auth"',
  ]),
  sipMessage([
    'ACK sip:+19195550142@sip.carrier.example SIP/2.0',
    'Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK776asdhds',
    FROM_D,
    `${TO_D};tag=c0ffee01`,
    `Call-ID: ${CALL_D}`,
    'CSeq: 1 ACK',
  ]),
  sipMessage([
    'INVITE sip:+19195550142@sip.carrier.example SIP/2.0',
    'Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK776asdhdt',
    'Max-Forwards: 70',
    FROM_D,
    TO_D,
    `Call-ID: ${CALL_D}`,
    'CSeq: 2 INVITE',
    'Proxy-Authorization: Digest username="2001", realm="sip.carrier.example", nonce="Y2FsbC1mYWlsdXJl", uri="sip:+19195550142@sip.carrier.example", response="6629fae49393a05397450978507c4ef1", qop=auth, nc=00000001, cnonce="0a4f113b"',
  ]),
  sipMessage([
    'SIP/2.0 100 Trying',
    'Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK776asdhdt',
    FROM_D,
    TO_D,
    `Call-ID: ${CALL_D}`,
    'CSeq: 2 INVITE',
  ]),
  sipMessage([
    'SIP/2.0 486 Busy Here',
    'Via: SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK776asdhdt',
    FROM_D,
    `${TO_D};tag=c0ffee02`,
    `Call-ID: ${CALL_D}`,
    'CSeq: 2 INVITE',
    'Reason: Q.850;cause=17;text="User busy"',
  ]),
);

/** A 480 with two Reason headers: SIP, then Q.850 (RFC 6432 style). */
const twoReasonHeaders = sipMessage([
  'SIP/2.0 480 Temporarily Unavailable',
  'Via: SIP/2.0/UDP 192.0.2.44:5060;branch=z9hG4bK.Qm1vZ4',
  'From: <sip:+13125550161@pbx.example.com>;tag=99a1',
  'To: <sip:+13125550177@carrier.example>;tag=k3j4',
  'Call-ID: 0e0f6fd5-2d4c-4a41-b6b0-1d3c2f4c8e21',
  'CSeq: 20 INVITE',
  'Reason: SIP;cause=480;text="Temporarily Unavailable"',
  'Reason: Q.850;cause=19;text="No answer from user (alerted)"',
]);

/** A 603 with one Reason header holding a SIP and a Q.850 value, and a comma in the text. */
const commaSeparatedReasons = sipMessage([
  'SIP/2.0 603 Decline',
  'Via: SIP/2.0/UDP 192.0.2.44:5060;branch=z9hG4bK.Lp0s2A',
  'From: <sip:+13125550161@pbx.example.com>;tag=99a2',
  'To: <sip:+13125550188@carrier.example>;tag=m9n8',
  'Call-ID: 5b2a7c1e-0f7e-4b7d-9e55-3a6f0c2d1b90',
  'CSeq: 21 INVITE',
  'Reason: SIP;cause=603;text="Decline, by callee", Q.850;cause=21;text="Call rejected"',
]);

const CALL_E = 'b7f0c5d2e9a14c3f@192.0.2.10';
const FROM_E = 'From: <sip:+19195550100@pbx.example.com>;tag=e1';
const TO_E = 'To: <sip:+19195550133@carrier.example>';

/** INVITE → 180 → 200 OK (SDP) → ACK → BYE with Q.850 cause 16 → 200 OK to the BYE. */
const answeredThenBye = trace(
  sipMessage(
    [
      'INVITE sip:+19195550133@carrier.example SIP/2.0',
      'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-e1-1',
      FROM_E,
      TO_E,
      `Call-ID: ${CALL_E}`,
      'CSeq: 7 INVITE',
      'Content-Type: application/sdp',
    ],
    SDP_OFFER,
  ),
  sipMessage([
    'SIP/2.0 180 Ringing',
    'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-e1-1',
    FROM_E,
    `${TO_E};tag=r77`,
    `Call-ID: ${CALL_E}`,
    'CSeq: 7 INVITE',
  ]),
  sipMessage(
    [
      'SIP/2.0 200 OK',
      'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-e1-1',
      FROM_E,
      `${TO_E};tag=r77`,
      `Call-ID: ${CALL_E}`,
      'CSeq: 7 INVITE',
      'Contact: <sip:203.0.113.20:5060>',
      'Content-Type: application/sdp',
    ],
    SDP_ANSWER,
  ),
  sipMessage([
    'ACK sip:203.0.113.20:5060 SIP/2.0',
    'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-e1-2',
    FROM_E,
    `${TO_E};tag=r77`,
    `Call-ID: ${CALL_E}`,
    'CSeq: 7 ACK',
  ]),
  sipMessage([
    'BYE sip:+19195550100@192.0.2.10:5060 SIP/2.0',
    'Via: SIP/2.0/UDP 203.0.113.20:5060;branch=z9hG4bK-sbc-991',
    `From: <sip:+19195550133@carrier.example>;tag=r77`,
    'To: <sip:+19195550100@pbx.example.com>;tag=e1',
    `Call-ID: ${CALL_E}`,
    'CSeq: 1 BYE',
    'Reason: Q.850;cause=16;text="Normal call clearing"',
  ]),
  sipMessage([
    'SIP/2.0 200 OK',
    'Via: SIP/2.0/UDP 203.0.113.20:5060;branch=z9hG4bK-sbc-991',
    `From: <sip:+19195550133@carrier.example>;tag=r77`,
    'To: <sip:+19195550100@pbx.example.com>;tag=e1',
    `Call-ID: ${CALL_E}`,
    'CSeq: 1 BYE',
  ]),
);

/** A 603+ from network analytics, written "603 Network Blocked" (ATIS-1000099). */
const networkBlocked = sipMessage([
  'SIP/2.0 603 Network Blocked',
  'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-nb-1',
  'From: <sip:+18005550111@pbx.example.com>;tag=nb1',
  'To: <sip:+19195550150@carrier.example>;tag=an1',
  'Call-ID: 1c9d6e0f-networkblocked@192.0.2.10',
  'CSeq: 1 INVITE',
]);

/** A 608 Rejected from an intermediary's analytics, with a contact for redress (RFC 8688). */
const rejected608 = sipMessage([
  'SIP/2.0 608 Rejected',
  'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-608-1',
  'From: <sip:+18005550112@pbx.example.com>;tag=r608',
  'To: <sip:+19195550151@carrier.example>;tag=an2',
  'Call-ID: 608-7e1d2c3b@192.0.2.10',
  'CSeq: 1 INVITE',
  'Call-Info: <https://analytics.example.net/redress?id=77>;purpose=jwscard',
]);

/** An Asterisk-style verbose log: timestamps and `<--- ... --->` markers around each message. */
const asteriskLog = [
  '[May  3 10:45:03] VERBOSE[24517][C-0000001a] pbx.c: Executing [+525555550123@from-internal:1] Dial("PJSIP/2001-0000002f", "PJSIP/+525555550123@carrier")',
  '[May  3 10:45:03] <--- Transmitting SIP request (1123 bytes) to UDP:203.0.113.20:5060 --->',
  toLf(inviteA),
  '[May  3 10:45:03] <--- Received SIP response (412 bytes) from UDP:203.0.113.20:5060 --->',
  toLf(tryingA),
  '[May  3 10:45:05] <--- Received SIP response (498 bytes) from UDP:203.0.113.20:5060 --->',
  toLf(
    sipMessage([
      'SIP/2.0 404 Not Found',
      ...RESPONSE_HEADERS_A,
      'Reason: Q.850;cause=1;text="Unallocated (unassigned) number"',
    ]),
  ),
  '[May  3 10:45:05] VERBOSE[24517][C-0000001a] app_dial.c: Everyone is busy/congested at this time (1:0/0/1)',
].join('\n');

/** A log where the status lines themselves carry a timestamp and an arrow. */
const timestampedLog = [
  '2026-05-03T10:45:03.120Z --> INVITE sip:+525555550123@trunk.example.net SIP/2.0',
  VIA_A,
  `Call-ID: ${CALL_A}`,
  'CSeq: 102 INVITE',
  '',
  '2026-05-03T10:45:03.188Z <-- SIP/2.0 100 Trying',
  `Call-ID: ${CALL_A}`,
  'CSeq: 102 INVITE',
  '',
  '2026-05-03T10:45:08.004Z recv 503 bytes from udp/203.0.113.20:5060: SIP/2.0 504 Server Time-out',
  `Call-ID: ${CALL_A}`,
  'CSeq: 102 INVITE',
  'Reason: Q.850;cause=102',
  '',
].join('\n');

/** A 503 copied out of a JSON log line: the message is one string with escaped line breaks. */
const jsonEscaped = JSON.stringify({
  level: 'info',
  ts: '2026-05-03T10:45:03.501Z',
  dir: 'in',
  peer: '203.0.113.20:5060',
  msg: sipMessage([
    'SIP/2.0 503 Service Unavailable',
    RESPONSE_HEADERS_A[0] ?? '',
    FROM_A,
    `${TO_A};tag=sbc-7731-22`,
    `Call-ID: ${CALL_A}`,
    'CSeq: 102 INVITE',
    'Reason: Q.850;cause=34;text="No circuit/channel available"',
  ]),
});

/** Two calls with different Call-IDs: the first ends 486 Busy Here, the second 503. */
const twoCalls = trace(
  sipMessage([
    'SIP/2.0 486 Busy Here',
    'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-two-1',
    'From: <sip:+19195550100@pbx.example.com>;tag=t1',
    'To: <sip:+19195550160@carrier.example>;tag=x1',
    'Call-ID: call-one-5f2e@192.0.2.10',
    'CSeq: 1 INVITE',
  ]),
  sipMessage([
    'SIP/2.0 503 Service Unavailable',
    'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-two-2',
    'From: <sip:+19195550100@pbx.example.com>;tag=t2',
    'To: <sip:+525555550124@carrier.example>;tag=x2',
    'Call-ID: call-two-9a1b@192.0.2.10',
    'CSeq: 1 INVITE',
    'Reason: Q.850;cause=41;text="Temporary failure"',
  ]),
);

/** A caller who cancelled: INVITE → 180 Ringing → CANCEL → 200 OK (CANCEL) → 487. */
const cancelled487 = trace(
  sipMessage(['SIP/2.0 180 Ringing', ...RESPONSE_HEADERS_A]),
  sipMessage([
    'CANCEL sip:+525555550123@trunk.example.net SIP/2.0',
    VIA_A,
    FROM_A,
    TO_A,
    `Call-ID: ${CALL_A}`,
    'CSeq: 102 CANCEL',
  ]),
  sipMessage([
    'SIP/2.0 200 OK',
    ...RESPONSE_HEADERS_A.map((line) => (line.startsWith('CSeq:') ? 'CSeq: 102 CANCEL' : line)),
  ]),
  sipMessage(['SIP/2.0 487 Request Terminated', ...RESPONSE_HEADERS_A]),
);

/** A BYE that ended a call with a SIP reason (the far end's SBC failed mid-call). */
const byeWithSipReason = sipMessage([
  'BYE sip:+19195550100@192.0.2.10:5060 SIP/2.0',
  'Via: SIP/2.0/UDP 203.0.113.20:5060;branch=z9hG4bK-sbc-992',
  'From: <sip:+19195550133@carrier.example>;tag=r78',
  'To: <sip:+19195550100@pbx.example.com>;tag=e2',
  'Call-ID: c1d2e3f4@192.0.2.10',
  'CSeq: 3 BYE',
  'Reason: SIP;cause=503;text="Service Unavailable"',
]);

/** The 503 with its header continued on an indented line (header folding, RFC 3261 §7.3.1). */
const foldedReason = sipMessage([
  'SIP/2.0 503 Service Unavailable',
  'Call-ID: folded-1@192.0.2.10',
  'CSeq: 9 INVITE',
  'Reason: SIP;cause=503;text="Service Unavailable",',
  '  Q.850;cause=42;text="Switching equipment congestion"',
]);

/**
 * An Asterisk (chan_sip) verbose log, without the SIP messages: a 401 challenge the PBX
 * answered, then the carrier's 503.
 */
const asteriskChallengeLog = [
  '[May  3 10:45:03] VERBOSE[24517][C-0000001b] pbx.c: Executing [+525555550123@from-internal:1] Dial("SIP/2001-0000002f", "SIP/carrier/+525555550123")',
  '[May  3 10:45:03] VERBOSE[24517][C-0000001b] chan_sip.c: -- Got SIP response 401 "Unauthorized" back from 192.0.2.1:5060',
  '[May  3 10:45:04] VERBOSE[24517][C-0000001b] chan_sip.c: -- Got SIP response 503 "Service Unavailable" back from 192.0.2.1:5060',
  '[May  3 10:45:04] VERBOSE[24517][C-0000001b] app_dial.c: -- SIP/carrier-00000030 is circuit-busy',
  '[May  3 10:45:04] VERBOSE[24517][C-0000001b] app_dial.c: == Everyone is busy/congested at this time (1:0/1/0)',
].join('\n');

/** A FreeSWITCH debug log of an outbound leg: the states, with the SIP code in brackets. */
const freeswitchStateLog = [
  '2026-05-03 10:45:03.120443 [DEBUG] switch_core_state_machine.c:585 (sofia/external/+525555550123@203.0.113.20) Running State Change CS_INIT',
  '2026-05-03 10:45:03.201228 [DEBUG] sofia.c:7493 Channel sofia/external/+525555550123@203.0.113.20 entering state [calling][0]',
  '2026-05-03 10:45:03.388512 [DEBUG] sofia.c:7493 Channel sofia/external/+525555550123@203.0.113.20 entering state [proceeding][183]',
  '2026-05-03 10:45:33.390017 [DEBUG] sofia.c:7493 Channel sofia/external/+525555550123@203.0.113.20 entering state [terminated][480]',
  '2026-05-03 10:45:33.390790 [NOTICE] sofia.c:1090 Hangup sofia/external/+525555550123@203.0.113.20 [CS_CONSUME_MEDIA] [NO_USER_RESPONSE]',
].join('\n');

/** An sngrep call flow copied as text: arrows and codes, no SIP messages. */
const sngrepFlow = [
  '  10:45:03.120 192.0.2.10:5060 ──> 203.0.113.20:5060  INVITE (SDP)',
  '  10:45:03.188 192.0.2.10:5060 <── 203.0.113.20:5060  100 Trying',
  '  10:45:04.902 192.0.2.10:5060 <── 203.0.113.20:5060  183 Session Progress (SDP)',
  '  10:45:09.004 192.0.2.10:5060 <── 203.0.113.20:5060  503 Service Unavailable',
  '  10:45:09.006 192.0.2.10:5060 ──> 203.0.113.20:5060  ACK',
].join('\n');

const CALL_F = '9a7c3e51-4d2b-4f0e-8c61-2b5d7e0f1a33@192.0.2.10';
const FROM_F = 'From: <sip:+19195550100@pbx.example.com>;tag=f1';
const TO_F = 'To: <sip:+19195550170@carrier.example>;tag=sbc-f9';

/** An answered call: INVITE → 200 OK → ACK, with the headers of call F and CSeq 1. */
const answeredF = [
  sipMessage(
    [
      'INVITE sip:+19195550170@carrier.example SIP/2.0',
      'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-f1-1',
      FROM_F,
      'To: <sip:+19195550170@carrier.example>',
      `Call-ID: ${CALL_F}`,
      'CSeq: 1 INVITE',
      'Content-Type: application/sdp',
    ],
    SDP_OFFER,
  ),
  sipMessage(
    [
      'SIP/2.0 200 OK',
      'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-f1-1',
      FROM_F,
      TO_F,
      `Call-ID: ${CALL_F}`,
      'CSeq: 1 INVITE',
      'Contact: <sip:203.0.113.20:5060>',
      'Content-Type: application/sdp',
    ],
    SDP_ANSWER,
  ),
  sipMessage([
    'ACK sip:203.0.113.20:5060 SIP/2.0',
    'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-f1-2',
    FROM_F,
    TO_F,
    `Call-ID: ${CALL_F}`,
    'CSeq: 1 ACK',
  ]),
];

/** A re-INVITE (CSeq `cseq`) of call F and its final response. */
function reInviteF(cseq: number, branch: string, body: readonly string[], response: string[]) {
  return [
    sipMessage(
      [
        'INVITE sip:203.0.113.20:5060 SIP/2.0',
        `Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-${branch}`,
        FROM_F,
        TO_F,
        `Call-ID: ${CALL_F}`,
        `CSeq: ${cseq} INVITE`,
        'Content-Type: application/sdp',
      ],
      body,
    ),
    sipMessage([
      ...response,
      `Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-${branch}`,
      FROM_F,
      TO_F,
      `Call-ID: ${CALL_F}`,
      `CSeq: ${cseq} INVITE`,
    ]),
  ];
}

/** Answered, then a re-INVITE putting the call on hold (sendonly) is refused with 488. */
const reInviteRejected = trace(
  ...answeredF,
  ...reInviteF(
    2,
    'f1-3',
    SDP_OFFER.map((line) => (line === 'a=sendrecv' ? 'a=sendonly' : line)),
    ['SIP/2.0 488 Not Acceptable Here', 'Warning: 304 sbc.example.net "Media type not available"'],
  ),
  sipMessage([
    'ACK sip:203.0.113.20:5060 SIP/2.0',
    'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-f1-3',
    FROM_F,
    TO_F,
    `Call-ID: ${CALL_F}`,
    'CSeq: 2 ACK',
  ]),
);

/** Answered, then the session-timer refresh (a re-INVITE) gets 481: the far end lost the call. */
const refreshLost481 = trace(
  ...answeredF,
  ...reInviteF(3, 'f1-9', SDP_OFFER, ['SIP/2.0 481 Call/Transaction Does Not Exist']),
);

/** Answered, then the far end's BYE with a SIP Reason: its media timer fired. */
const byeRtpTimeout = trace(
  ...answeredF,
  sipMessage([
    'BYE sip:+19195550100@192.0.2.10:5060 SIP/2.0',
    'Via: SIP/2.0/UDP 203.0.113.20:5060;branch=z9hG4bK-sbc-f77',
    'From: <sip:+19195550170@carrier.example>;tag=sbc-f9',
    'To: <sip:+19195550100@pbx.example.com>;tag=f1',
    `Call-ID: ${CALL_F}`,
    'CSeq: 9001 BYE',
    'Reason: SIP;cause=503;text="RTP timeout"',
  ]),
  sipMessage([
    'SIP/2.0 200 OK',
    'Via: SIP/2.0/UDP 203.0.113.20:5060;branch=z9hG4bK-sbc-f77',
    'From: <sip:+19195550170@carrier.example>;tag=sbc-f9',
    'To: <sip:+19195550100@pbx.example.com>;tag=f1',
    `Call-ID: ${CALL_F}`,
    'CSeq: 9001 BYE',
  ]),
);

/**
 * Answered, then a blind transfer: REFER → 202 → NOTIFY whose message/sipfrag body (no
 * Content-Length, as some PBXs log it) says the transfer target answered 503.
 */
const transferNotify = trace(
  ...answeredF,
  sipMessage([
    'REFER sip:203.0.113.20:5060 SIP/2.0',
    'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-f1-r',
    FROM_F,
    TO_F,
    `Call-ID: ${CALL_F}`,
    'CSeq: 2 REFER',
    'Refer-To: <sip:+19195550188@carrier.example>',
  ]),
  sipMessage([
    'SIP/2.0 202 Accepted',
    'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-f1-r',
    FROM_F,
    TO_F,
    `Call-ID: ${CALL_F}`,
    'CSeq: 2 REFER',
  ]),
  [
    'NOTIFY sip:+19195550100@192.0.2.10:5060 SIP/2.0',
    'Via: SIP/2.0/UDP 203.0.113.20:5060;branch=z9hG4bK-sbc-n1',
    'From: <sip:+19195550170@carrier.example>;tag=sbc-f9',
    'To: <sip:+19195550100@pbx.example.com>;tag=f1',
    `Call-ID: ${CALL_F}`,
    'CSeq: 9002 NOTIFY',
    'Event: refer',
    'Subscription-State: terminated;reason=noresource',
    'Content-Type: message/sipfrag;version=2.0',
    '',
    'SIP/2.0 503 Service Unavailable',
    '',
    '',
  ].join('\r\n'),
  sipMessage([
    'SIP/2.0 200 OK',
    'Via: SIP/2.0/UDP 203.0.113.20:5060;branch=z9hG4bK-sbc-n1',
    'From: <sip:+19195550170@carrier.example>;tag=sbc-f9',
    'To: <sip:+19195550100@pbx.example.com>;tag=f1',
    `Call-ID: ${CALL_F}`,
    'CSeq: 9002 NOTIFY',
  ]),
);

const CANCEL_HEADERS_A = [VIA_A, FROM_A, TO_A, `Call-ID: ${CALL_A}`, 'CSeq: 102 CANCEL'];

/** Parallel ringing: another phone answered, so this leg got a CANCEL “Call completed elsewhere”. */
const completedElsewhere = trace(
  sipMessage(['SIP/2.0 180 Ringing', ...RESPONSE_HEADERS_A]),
  sipMessage([
    'CANCEL sip:+525555550123@trunk.example.net SIP/2.0',
    ...CANCEL_HEADERS_A,
    'Reason: SIP;cause=200;text="Call completed elsewhere"',
  ]),
  sipMessage([
    'SIP/2.0 200 OK',
    ...RESPONSE_HEADERS_A.map((line) => (line.startsWith('CSeq:') ? 'CSeq: 102 CANCEL' : line)),
  ]),
  sipMessage(['SIP/2.0 487 Request Terminated', ...RESPONSE_HEADERS_A]),
);

/** The caller hung up while it rang: CANCEL with Q.850 cause 16, and no 487 in the paste. */
const cancelNoFinal = trace(
  inviteA,
  tryingA,
  sipMessage(['SIP/2.0 180 Ringing', ...RESPONSE_HEADERS_A]),
  sipMessage([
    'CANCEL sip:+525555550123@trunk.example.net SIP/2.0',
    ...CANCEL_HEADERS_A,
    'Reason: Q.850;cause=16;text="Normal call clearing"',
  ]),
);

/** Two calls: the first fails with 503, the second (another Call-ID) is answered. */
const failedThenAnswered = trace(
  sipMessage([
    'SIP/2.0 503 Service Unavailable',
    'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-fa-1',
    'From: <sip:+19195550100@pbx.example.com>;tag=fa1',
    'To: <sip:+525555550124@carrier.example>;tag=y1',
    'Call-ID: first-try-71c2@192.0.2.10',
    'CSeq: 1 INVITE',
    'Reason: Q.850;cause=34',
  ]),
  ...answeredF,
);

/** OPTIONS keep-alives to the trunk and their 200s around one call that fails with 503. */
const optionsAndCall = trace(
  sipMessage([
    'OPTIONS sip:trunk.example.net SIP/2.0',
    'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-opt-1',
    'From: <sip:pbx@pbx.example.com>;tag=o1',
    'To: <sip:trunk.example.net>',
    'Call-ID: keepalive-0001@192.0.2.10',
    'CSeq: 1 OPTIONS',
  ]),
  sipMessage([
    'SIP/2.0 200 OK',
    'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-opt-1',
    'From: <sip:pbx@pbx.example.com>;tag=o1',
    'To: <sip:trunk.example.net>;tag=t-o1',
    'Call-ID: keepalive-0001@192.0.2.10',
    'CSeq: 1 OPTIONS',
  ]),
  inviteA,
  unavailableA,
);

/** A 503 logged by PHP: json_encode escapes slashes too (`SIP\/2.0`). */
const phpJsonEscaped = JSON.stringify({
  time: '2026-05-03 10:45:03',
  direction: 'in',
  message: sipMessage([
    'SIP/2.0 503 Service Unavailable',
    RESPONSE_HEADERS_A[0] ?? '',
    FROM_A,
    `${TO_A};tag=sbc-7731-22`,
    `Call-ID: ${CALL_A}`,
    'CSeq: 102 INVITE',
    'Reason: Q.850;cause=34;text="No circuit/channel available"',
  ]),
}).replace(/\//g, '\\/');

/** Every sample, by name. */
export const samples = {
  inviteTo503Crlf,
  /** The same trace with LF line ends (Content-Length is now too large: it counted CRLF). */
  inviteTo503Lf: toLf(inviteTo503Crlf),
  compactHeaders,
  challengeThenBusy,
  twoReasonHeaders,
  commaSeparatedReasons,
  answeredThenBye,
  networkBlocked,
  rejected608,
  asteriskLog,
  timestampedLog,
  jsonEscaped,
  twoCalls,
  cancelled487,
  /** An INVITE alone, without any response. */
  requestOnly: inviteA,
  /** 100 Trying and 183 Session Progress, but no final response. */
  provisionalOnly: trace(tryingA, progressA),
  byeWithSipReason,
  foldedReason,
  sipReasonOnly: 'Reason: SIP;cause=503',
  stirReasonOnly: 'Reason: STIR;cause=436;text="Bad Identity Info"',
  q850ReasonOnly: 'Reason: Q.850;cause=34',
  asteriskChallengeLog,
  freeswitchStateLog,
  sngrepFlow,
  reInviteRejected,
  refreshLost481,
  byeRtpTimeout,
  transferNotify,
  completedElsewhere,
  cancelNoFinal,
  failedThenAnswered,
  optionsAndCall,
  phpJsonEscaped,
} as const;

export type SampleName = keyof typeof samples;
