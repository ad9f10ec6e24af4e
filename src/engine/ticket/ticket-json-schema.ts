import { z } from 'zod';
import { SipCodeSchema } from '../schema.ts';
import { CONDITION_IDS, FREQUENCIES, PRODUCTS } from '../vocabulary.ts';
import { LIMITS, TICKET_FORMAT, TICKET_FORMAT_VERSION, type Verdict } from './model.ts';

/**
 * The zod schema of the JSON export (ticket-json.ts). Full zod, so it is for tests, scripts and the
 * generated docs/support-request.schema.json, not for browser code.
 */

/** Every verdict once: a verdict added to model.ts fails to compile here until it is listed. */
const VERDICT_SET: Record<Verdict, true> = {
  'contact-support': true,
  'try-first': true,
  'called-party': true,
  'not-yet': true,
};
const VERDICTS = Object.keys(VERDICT_SET) as [Verdict, ...Verdict[]];

const IdTitle = (what: string) =>
  z
    .strictObject({
      id: z.string().describe(`Stable id of the ${what}, as in the troubleshooter's URLs.`),
      title: z.string().describe(`The ${what}'s title, as shown to the person.`),
    })
    .describe(`The ${what}.`);

const PhoneNumber = z.strictObject({
  e164: z
    .string()
    .regex(/^\+[1-9]\d{1,14}$/)
    .describe('The number in E.164 format, like "+19195550100".'),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .describe('ISO 3166 country of the number, when it belongs to a single country.'),
  display: z
    .string()
    .describe('The number in international format for people, like "+1 919 555 0100".'),
});

const Timestamp = z
  .strictObject({
    utc: z.iso.datetime().describe('The instant in ISO 8601 UTC, like "2026-11-24T19:05:00Z".'),
    local: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
      .describe('The same instant as wall-clock time in timeZone, like "2026-11-24 14:05:00".'),
    timeZone: z.string().describe('IANA time zone of local, like "America/New_York".'),
    offset: z
      .string()
      .regex(/^[+-]\d{2}:\d{2}$/)
      .describe('The zone\'s offset from UTC at that instant, like "-05:00".'),
  })
  .describe('One failed call.');

const SipCode = z
  .strictObject({
    code: SipCodeSchema.describe('The SIP response code: a number from 100 to 699, or "603+".'),
    phrase: z.string().describe('The reason phrase, like "Service Unavailable".'),
    known: z.boolean().describe('False for an unregistered code; phrase is then its class name.'),
    class: z.int().min(1).max(6).describe('The code class, 1 to 6 (the first digit).'),
  })
  .describe('A SIP response code the person saw.');

const Condition = z
  .strictObject({
    id: z.enum(CONDITION_IDS).describe('Which condition, by its id in content/support.yaml.'),
    text: z.string().describe('The condition, like "Calls fail to several destinations."'),
    holds: z.boolean().describe('Whether the condition holds for this request.'),
    reason: z.string().describe('Why it does or does not hold.'),
  })
  .describe('One of the conditions under which to contact support.');

/** The JSON export, exactly: every object is strict, every field described. */
export const TicketJsonSchema = z
  .strictObject({
    format: z.literal(TICKET_FORMAT).describe('Always "call-troubleshooter/support-request".'),
    version: z
      .literal(TICKET_FORMAT_VERSION)
      .describe('Format version; it changes only on incompatible changes.'),
    preparedAt: z.iso.datetime().describe('When the request was prepared, ISO 8601 UTC.'),
    brand: z.string().describe('Name of the troubleshooter that prepared the request.'),
    provider: z
      .strictObject({
        name: z.string().describe('The voice provider, like "Example Voice".'),
        supportEmail: z.email().describe("The provider's support email address."),
      })
      .describe('The provider the request is addressed to.'),
    diagnosis: z
      .strictObject({
        category: IdTitle('category').optional(),
        outcome: IdTitle('outcome').optional(),
        answers: z
          .array(
            z
              .strictObject({
                question: z.string().describe('The question, as asked.'),
                answer: z.string().describe('The answer chosen.'),
              })
              .describe('One question and its answer.'),
          )
          .describe('The questions asked on the way, in order; empty without a diagnosis.'),
        link: z
          .url({ protocol: /^https?$/ })
          .optional()
          .describe('Absolute link to the diagnosis in the troubleshooter.'),
      })
      .describe('What the troubleshooter found; every part is absent when none was chosen.'),
    numbers: z
      .strictObject({
        originating: PhoneNumber.describe('The number the calls were made from.'),
        destinations: z
          .array(PhoneNumber.describe('A number that was called.'))
          .min(1)
          .max(LIMITS.rows)
          .describe('The numbers that were called.'),
      })
      .describe('Phone numbers involved.'),
    failedCalls: z
      .strictObject({
        timeZone: z.string().describe('IANA time zone the person wrote the times in.'),
        times: z.array(Timestamp).min(1).max(LIMITS.rows).describe('The failed calls, as given.'),
      })
      .describe('When calls failed.'),
    codes: z.array(SipCode).describe('SIP response codes seen; may be empty.'),
    errorText: z
      .string()
      .max(LIMITS.errorText)
      .describe('Error messages as the person copied them; empty when none.'),
    frequency: z
      .strictObject({
        id: z.enum(FREQUENCIES).describe('How often, as an id.'),
        label: z.string().describe('How often, in words.'),
      })
      .optional()
      .describe('How often the failure happens; absent when not given.'),
    product: z
      .strictObject({
        id: z.enum(PRODUCTS).describe('"lcr", "direct" or "unsure".'),
        label: z.string().describe('The product name.'),
      })
      .optional()
      .describe('Which product carries the calls; absent when not given.'),
    description: z
      .string()
      .max(LIMITS.description)
      .describe('What happened, as the person wrote it.'),
    tried: z
      .array(
        z
          .strictObject({
            id: z.string().describe('Stable id of the step.'),
            text: z.string().describe('The step, as shown.'),
            source: z
              .enum(['procedure', 'fix-step'])
              .describe('"procedure" for the five-step check, "fix-step" for a diagnosis step.'),
          })
          .describe('A step the person ticked as done.'),
      )
      .describe('Steps already tried; may be empty.'),
    escalation: z
      .strictObject({
        verdict: z.enum(VERDICTS).describe("The troubleshooter's verdict on contacting support."),
        headline: z.string().describe('The verdict in words, like "Contact support".'),
        cautions: z
          .array(z.string().describe('One caution.'))
          .describe('Reasons to wait or look elsewhere, most important first.'),
        conditions: z.array(Condition).describe('The conditions checked.'),
      })
      .describe('Whether to contact support now, and why.'),
  })
  .describe('A support request for a failed SIP call, exported by the call troubleshooter.');
