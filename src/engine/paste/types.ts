import type { SipCode } from '../schema.ts';

/** One reason-value of a Reason header (RFC 3326), like `Q.850;cause=34;text="No circuit/channel available"`. */
export interface ReasonHeader {
  /** As written but normalised: 'Q.850', 'SIP', 'STIR', or any other token upper-cased. */
  protocol: string;
  cause: number;
  /** The text="..." parameter, unquoted, if present. */
  text?: string;
  /** The single reason-value as written, trimmed (one per comma-separated value). */
  raw: string;
}

/** A SIP response found in a paste. */
export interface PastedResponse {
  /** As written, 100–699. */
  code: number;
  /** Reason phrase as written (may be ''). */
  phrase: string;
  /** 1-based line of the status line in the (unescaped, and if too long cut) input. */
  line: number;
  /** CSeq method, upper-case, if the message had a CSeq header. */
  method?: string;
  /** CSeq sequence number, if the message had a CSeq header that starts with one. */
  cseq?: number;
  /** Call-ID (or compact i:) if present. */
  callId?: string;
  /** Reason headers inside this response. */
  reasons: ReasonHeader[];
}

/** A SIP request found in a paste. */
export interface PastedRequest {
  /** The method of the request line, like 'INVITE'. */
  method: string;
  /** 1-based line of the request line in the (unescaped, and if too long cut) input. */
  line: number;
  callId?: string;
  reasons: ReasonHeader[];
}

/** What `parsePaste` extracted from a paste: no interpretation, no tables. */
export interface PasteParse {
  /** Every SIP response found, in order (1xx included). */
  responses: PastedResponse[];
  requests: PastedRequest[];
  /** Reason headers not inside any message (e.g. the paste is just a Reason header). */
  looseReasons: ReasonHeader[];
  /** Codes mentioned in free text, distinct, first-seen order (only when no SIP structure was found). */
  textCodes: { code: SipCode; index: number }[];
  /**
   * Every mention of a code in free text, in order, repeats included, with the 1-based line
   * it is on (only when no SIP structure was found).
   */
  textMentions: { code: SipCode; index: number; line: number }[];
  /** Q.850 causes (0–127) mentioned in free text like "cause 34", "Q.850 cause=34", distinct (free text only). */
  textQ850: number[];
  /** Three-digit-looking codes outside 100–699 that were clearly meant as codes, distinct. */
  invalidCodes: string[];
  /** The input was longer than MAX_PASTE_LENGTH: only its end was read. */
  truncated: boolean;
}

/** The tables `understandPaste` looks codes and causes up in. */
export interface PasteReference {
  /** Registered codes (+ legacy ones); 603+ has phrase 'Network Blocked'. */
  codes: readonly {
    code: SipCode;
    phrase: string;
    oldPhrases?: readonly string[] | undefined;
  }[];
  /** 1..6, e.g. { class: 4, name: 'Client failure' }. */
  classes: readonly { class: number; name: string }[];
  /** sip = typical SIP mapping (RFC 3398); absent for 16 Normal call clearing. */
  q850: readonly {
    cause: number;
    name: string;
    sip?: number | undefined;
    /** Names switches log for the cause, like NORMAL_TEMPORARY_FAILURE. */
    aliases?: readonly string[] | undefined;
  }[];
}

/** Where the chosen code came from. */
export type UnderstandingSource =
  'code' | 'status-line' | 'messages' | 'sip-reason' | 'stir-reason' | 'q850-typical' | 'text';

/** What the app understood of a paste: a code to diagnose from, or why there is none. */
export type Understanding =
  | {
      ok: true;
      /** The code to diagnose from. */
      code: SipCode;
      /** Registered phrase, or for an unregistered code `${className} (not a registered code)`. */
      phrase: string;
      registered: boolean;
      /**
       * Phrase as written in the paste, only when it differs from the registered and old
       * phrases; cleaned of control characters and cut short.
       */
      writtenPhrase?: string;
      source: UnderstandingSource;
      /**
       * Where the call was when it went wrong: 'setup' (it never got answered), 'answered' (it
       * was answered; a later change may have failed) or 'dropped' (answered, then lost or ended
       * by the other side with an error).
       */
      phase: 'setup' | 'answered' | 'dropped';
      /** The Q.850 cause seen; name/typicalSip from the table when known. */
      q850?: { cause: number; name?: string; typicalSip?: number };
      /**
       * All Reason headers that belong to the chosen response (or loose ones, or the BYE's);
       * `raw`, `text` and `protocol` cleaned of control characters and cut to 60 characters.
       */
      reasons: ReasonHeader[];
      /** Other codes worth offering as alternatives, distinct, excluding `code`. */
      others: SipCode[];
      /** Short user-facing sentences. */
      notes: string[];
    }
  | {
      ok: false;
      /** One or two user-facing sentences: what was (not) understood and what to paste instead. */
      reason: string;
    };
