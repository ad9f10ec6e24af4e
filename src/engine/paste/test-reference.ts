import type { PasteReference } from './types.ts';

/**
 * A small reference table for the paste tests: a few codes of every class, the six class
 * names and part of the Q.850 table (RFC 3398 typical mappings). The real table comes from
 * content/codes.yaml.
 */
export const testReference: PasteReference = {
  classes: [
    { class: 1, name: 'Provisional' },
    { class: 2, name: 'Success' },
    { class: 3, name: 'Redirection' },
    { class: 4, name: 'Client failure' },
    { class: 5, name: 'Server failure' },
    { class: 6, name: 'Global failure' },
  ],
  codes: [
    { code: 100, phrase: 'Trying' },
    { code: 180, phrase: 'Ringing' },
    { code: 183, phrase: 'Session Progress' },
    { code: 200, phrase: 'OK' },
    { code: 302, phrase: 'Moved Temporarily' },
    { code: 401, phrase: 'Unauthorized' },
    { code: 403, phrase: 'Forbidden' },
    { code: 404, phrase: 'Not Found' },
    { code: 407, phrase: 'Proxy Authentication Required' },
    { code: 408, phrase: 'Request Timeout' },
    { code: 436, phrase: 'Bad Identity Info', oldPhrases: ['Bad Identity-Info'] },
    { code: 480, phrase: 'Temporarily Unavailable' },
    { code: 481, phrase: 'Call/Transaction Does Not Exist' },
    { code: 486, phrase: 'Busy Here' },
    { code: 487, phrase: 'Request Terminated' },
    { code: 488, phrase: 'Not Acceptable Here' },
    { code: 500, phrase: 'Server Internal Error' },
    { code: 503, phrase: 'Service Unavailable' },
    { code: 504, phrase: 'Server Time-out' },
    { code: 603, phrase: 'Decline' },
    { code: '603+', phrase: 'Network Blocked' },
    { code: 607, phrase: 'Unwanted' },
    { code: 608, phrase: 'Rejected' },
  ],
  q850: [
    { cause: 1, name: 'Unallocated (unassigned) number', sip: 404 },
    { cause: 16, name: 'Normal call clearing', aliases: ['NORMAL_CLEARING'] },
    { cause: 17, name: 'User busy', sip: 486 },
    { cause: 19, name: 'No answer from user (alerted)', sip: 480 },
    { cause: 21, name: 'Call rejected', sip: 403 },
    {
      cause: 34,
      name: 'No circuit/channel available',
      sip: 503,
      aliases: ['NORMAL_CIRCUIT_CONGESTION'],
    },
    { cause: 41, name: 'Temporary failure', sip: 503, aliases: ['NORMAL_TEMPORARY_FAILURE'] },
    { cause: 102, name: 'Recovery on timer expiry', sip: 504 },
    { cause: 127, name: 'Interworking, unspecified', sip: 500 },
  ],
};
