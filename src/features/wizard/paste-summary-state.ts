import * as z from 'zod/mini';

/**
 * What the paste box understood, carried to the step it leads to in the history entry's state
 * (so it survives a reload and Back, and never goes into the address or storage). History state
 * outlives releases and anything on the page can write it, so it is checked before use.
 */
const PasteSummarySchema = z.object({
  code: z.string(),
  phrase: z.string(),
  registered: z.boolean(),
  /** The phrase as written in the paste, when it differs from the registered one. */
  writtenPhrase: z.optional(z.string()),
  q850: z.optional(
    z.object({
      cause: z.number(),
      name: z.optional(z.string()),
      typicalSip: z.optional(z.number()),
    }),
  ),
  /** The code came from a Q.850 cause's typical mapping, not from a SIP response. */
  typical: z.boolean(),
  /** Reason headers as written (cleaned and shortened by the reader). */
  reasons: z.array(z.string()),
  notes: z.array(z.string()),
  /** Other codes in the paste, worth a look. */
  others: z.array(z.object({ code: z.string(), phrase: z.string() })),
});

export type PasteSummary = z.infer<typeof PasteSummarySchema>;

const StateSchema = z.object({ pasted: PasteSummarySchema });

/** The summary in a location's state, if there is a well-formed one. */
export function readPasteSummary(state: unknown): PasteSummary | undefined {
  const parsed = StateSchema.safeParse(state);
  return parsed.success ? parsed.data.pasted : undefined;
}
