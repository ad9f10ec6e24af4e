import * as z from 'zod/mini';
import { CALL_LIMITS } from '@/stores/call-limits';

/**
 * Epoch milliseconds. Any number reads back (a clock set wrong must not cost the notes); the case
 * notes write "unknown time" for one that isn't a date.
 */
const Time = z.number();

export const CallNoteSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/)),
  at: Time,
  text: z.string().check(z.minLength(1), z.maxLength(CALL_LIMITS.noteLength)),
});

export const CallVisitSchema = z.strictObject({
  at: Time,
  /** A wizard address, relative to the mode: `/`, `/never-connects/sip-code`. */
  path: z.string().check(z.regex(/^\//), z.maxLength(CALL_LIMITS.pathLength)),
});

export const CallSchema = z.strictObject({
  startedAt: Time,
  endedAt: z.nullable(Time),
  notes: z.array(CallNoteSchema).check(z.maxLength(CALL_LIMITS.notes)),
  noteDraft: z.string().check(z.maxLength(CALL_LIMITS.noteDraft)),
  visits: z.array(CallVisitSchema).check(z.maxLength(CALL_LIMITS.visits)),
});

export type Call = z.infer<typeof CallSchema>;
export type CallNote = z.infer<typeof CallNoteSchema>;
export type CallVisit = z.infer<typeof CallVisitSchema>;
