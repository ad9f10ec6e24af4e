/**
 * Realistic SIP messages for the tests of this folder, written for them. Addresses are
 * documentation ranges (RFC 5737, RFC 3849), numbers fictional (555-01xx).
 */

import { SDP_ANSWER, SDP_OFFER } from '../../engine/paste/samples.ts';

/** The caller's phone. */
export const CALLER = { address: '192.0.2.10', port: 5060 } as const;
/** The carrier's SBC. */
export const CARRIER = { address: '203.0.113.20', port: 5060 } as const;

/** The Call-ID of the sample call. */
export const CALL_ID = 'a84b4c76e66710@192.0.2.10';
const FROM = '"Alice" <sip:+15550100@192.0.2.10>;tag=1928301774';
const TO = '<sip:+15550199@203.0.113.20>';
const TO_TAGGED = `${TO};tag=as6151ad25`;
const VIA = 'SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport';

// The paste reader's tests use the same offer and answer.
export { SDP_ANSWER, SDP_OFFER };

const encoder = new TextEncoder();

/** UTF-8 bytes of a text. */
export function bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * One message with CRLF line ends: the start line and headers, a Content-Length that matches
 * the body's bytes (unless `length` says otherwise), a blank line, the body.
 */
export function sipMessage(
  lines: readonly string[],
  body: readonly string[] = [],
  length?: number,
): string {
  const content = body.map((line) => `${line}\r\n`).join('');
  const size = length ?? encoder.encode(content).length;
  return `${[...lines, `Content-Length: ${size.toString()}`, '', ''].join('\r\n')}${content}`;
}

/** Headers shared by the INVITE transaction's messages. */
function dialog(seq: number, method: string, to = TO, via = VIA): string[] {
  return [
    `Via: ${via}`,
    `From: ${FROM}`,
    `To: ${to}`,
    `Call-ID: ${CALL_ID}`,
    `CSeq: ${seq.toString()} ${method}`,
  ];
}

/** The caller's INVITE (CSeq `seq`), with SDP unless `sdp: false`. */
export function invite(
  seq = 1,
  options: { sdp?: boolean; branch?: string; auth?: boolean } = {},
): string {
  const via = `SIP/2.0/UDP 192.0.2.10:5060;branch=${options.branch ?? 'z9hG4bK776asdhds'};rport`;
  return sipMessage(
    [
      'INVITE sip:+15550199@203.0.113.20 SIP/2.0',
      ...dialog(seq, 'INVITE', TO, via),
      'Max-Forwards: 70',
      'Contact: <sip:+15550100@192.0.2.10:5060>',
      ...(options.auth
        ? [
            'Proxy-Authorization: Digest username="alice", realm="carrier", nonce="84a4cc6f", uri="sip:+15550199@203.0.113.20", response="7587245234b3434cc3412213e5f113a5"',
          ]
        : []),
      'Content-Type: application/sdp',
    ],
    options.sdp === false ? [] : SDP_OFFER,
  );
}

/** A response to the INVITE (or to `method` with that CSeq). */
export function response(
  status: string,
  options: {
    seq?: number;
    method?: string;
    sdp?: boolean;
    tag?: boolean;
    extra?: string[];
    branch?: string;
  } = {},
): string {
  const via = `SIP/2.0/UDP 192.0.2.10:5060;branch=${options.branch ?? 'z9hG4bK776asdhds'};rport=5060;received=192.0.2.10`;
  const to = options.tag === false ? TO : TO_TAGGED;
  return sipMessage(
    [
      `SIP/2.0 ${status}`,
      ...dialog(options.seq ?? 1, options.method ?? 'INVITE', to, via),
      ...(options.extra ?? []),
      ...(options.sdp ? ['Content-Type: application/sdp'] : []),
    ],
    options.sdp ? SDP_ANSWER : [],
  );
}

/** An in-dialog request from the caller (ACK, BYE, re-INVITE …). */
export function callerRequest(
  method: string,
  seq: number,
  options: { branch?: string; sdp?: readonly string[]; extra?: string[]; untagged?: boolean } = {},
): string {
  const via = `SIP/2.0/UDP 192.0.2.10:5060;branch=${options.branch ?? `z9hG4bK${method.toLowerCase()}${seq.toString()}`};rport`;
  return sipMessage(
    [
      `${method} sip:+15550199@203.0.113.20:5060 SIP/2.0`,
      ...dialog(seq, method, options.untagged ? TO : TO_TAGGED, via),
      'Max-Forwards: 70',
      ...(options.extra ?? []),
      ...(options.sdp ? ['Content-Type: application/sdp'] : []),
    ],
    options.sdp ?? [],
  );
}

/** An in-dialog request from the callee (its From is the INVITE's To). */
export function calleeRequest(method: string, seq: number, extra: string[] = []): string {
  return sipMessage([
    `${method} sip:+15550100@192.0.2.10:5060 SIP/2.0`,
    `Via: SIP/2.0/UDP 203.0.113.20:5060;branch=z9hG4bKcallee${seq.toString()}`,
    `From: ${TO_TAGGED}`,
    `To: ${FROM}`,
    `Call-ID: ${CALL_ID}`,
    `CSeq: ${seq.toString()} ${method}`,
    ...extra,
  ]);
}

/** A response by the callee to a request of the caller's (like 200 to BYE). */
export function responseToCaller(status: string, seq: number, method: string): string {
  return response(status, {
    seq,
    method,
    branch: `z9hG4bK${method.toLowerCase()}${seq.toString()}`,
  });
}

/** A response by the caller to a request of the callee's. */
export function responseToCallee(status: string, seq: number, method: string): string {
  return sipMessage([
    `SIP/2.0 ${status}`,
    `Via: SIP/2.0/UDP 203.0.113.20:5060;branch=z9hG4bKcallee${seq.toString()}`,
    `From: ${TO_TAGGED}`,
    `To: ${FROM}`,
    `Call-ID: ${CALL_ID}`,
    `CSeq: ${seq.toString()} ${method}`,
  ]);
}

/** Same text with LF line ends. */
export function toLf(text: string): string {
  return text.replace(/\r\n/g, '\n');
}

/** A REGISTER (not a call). */
export const REGISTER = sipMessage([
  'REGISTER sip:203.0.113.20 SIP/2.0',
  'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnashds7',
  'From: <sip:+15550100@203.0.113.20>;tag=a73kszlfl',
  'To: <sip:+15550100@203.0.113.20>',
  'Call-ID: 1j9FpLxk3uxtm8tn@192.0.2.10',
  'CSeq: 1 REGISTER',
  'Contact: <sip:+15550100@192.0.2.10:5060>',
  'Expires: 3600',
]);
