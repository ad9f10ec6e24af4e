/** SIP reading for the capture analyzer: messages from bytes or text logs, SDP, and calls. */
export { createCallTracker, sipUser } from './calls.ts';
export type { CallMessage, CallRecord, CallTracker, SdpSeen } from './calls.ts';
export { createSipStreamFramer, looksLikeSip, parseSipMessages } from './message.ts';
export type { SipParseOptions, SipParseResult, SipStreamFramer } from './message.ts';
export { parseSdp } from './sdp.ts';
export { readSipLog } from './text-log.ts';
export type { LoggedMessage, SipLogResult } from './text-log.ts';
