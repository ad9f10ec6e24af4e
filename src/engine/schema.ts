import { z } from 'zod';
import { CONDITION_IDS, DESTINATION_SCOPES, FREQUENCIES, PRODUCTS } from './vocabulary.ts';

export {
  CONDITION_IDS,
  DESTINATION_SCOPES,
  FREQUENCIES,
  PRODUCTS,
  type DestinationScope,
  type Frequency,
  type Product,
  type SupportCondition,
} from './vocabulary.ts';

/**
 * The content format: what a support writer puts in `content/*.yaml`.
 *
 * Every object is strict, so a misspelt key is reported instead of silently ignored. Lists that must
 * not be empty (answers, fix steps) are allowed to be empty here on purpose: the graph validator
 * reports them as "dead end" / "outcome without steps" with a clearer sentence than zod would.
 */

export const CONTENT_SCHEMA_VERSION = 1;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = (what: string) =>
  z
    .string()
    .regex(SLUG, `${what} must be lowercase words joined by hyphens, like "sip-503-route-advance"`);

export const NodeIdSchema = slug('A node id').brand<'NodeId'>();
export const AnswerIdSchema = slug('An answer id').brand<'AnswerId'>();
export const StepIdSchema = slug('A step id').brand<'StepId'>();
export const ConditionIdSchema = slug('A condition id').brand<'ConditionId'>();

export type NodeId = z.infer<typeof NodeIdSchema>;
export type AnswerId = z.infer<typeof AnswerIdSchema>;
export type StepId = z.infer<typeof StepIdSchema>;
export type ConditionId = z.infer<typeof ConditionIdSchema>;

const Text = z.string().trim().min(1, 'Text must not be empty');
const Keywords = z
  .array(Text)
  .optional()
  .describe('Other words people use for this, for the symptom search (like "fast busy").');

const SchemaVersion = z.literal(CONTENT_SCHEMA_VERSION, {
  error: `schemaVersion must be ${CONTENT_SCHEMA_VERSION}`,
});

/** A SIP response code: 100–699, or "603+" (Network Blocked, ATIS-1000099), which is seen in the wild. */
export const SipCodeSchema = z.union([
  z.int().min(100, 'SIP codes run from 100 to 699').max(699, 'SIP codes run from 100 to 699'),
  z.literal('603+'),
]);
export type SipCode = z.infer<typeof SipCodeSchema>;

export const AnswerFactsSchema = z
  .strictObject({
    codes: z
      .array(SipCodeSchema)
      .min(1)
      .optional()
      .describe('SIP codes this answer names, like [503].'),
    product: z.enum(PRODUCTS).optional().describe('Which product carries the calls.'),
    frequency: z.enum(FREQUENCIES).optional().describe('How often the failure happens.'),
    destinations: z
      .enum(DESTINATION_SCOPES)
      .optional()
      .describe('Whether one destination or several fail.'),
  })
  .describe('What choosing this answer tells support. It prefills the support request.');
export type AnswerFacts = z.infer<typeof AnswerFactsSchema>;

export const AnswerSchema = z
  .strictObject({
    id: AnswerIdSchema.describe('Appears in the URL; keep it short and never reuse it.'),
    label: Text.describe('What the person picks, in their words.'),
    hint: Text.optional().describe('One line: what this looks like.'),
    next: NodeIdSchema.describe('The id of the question or outcome this answer leads to.'),
    facts: AnswerFactsSchema.optional(),
  })
  .describe('One answer to a question.');

export const AgentScriptSchema = z
  .strictObject({
    ask: Text.describe(
      'What the agent says to the caller, word for word, like "Do you hear a recording when the call fails?"',
    ),
    listenFor: z
      .array(Text)
      .min(1)
      .optional()
      .describe(
        'Words or signs in the caller\'s reply that point to an answer, like "not in service".',
      ),
  })
  .describe('For support agents only: the line to read to the caller and what to listen for.');
export type AgentScript = z.infer<typeof AgentScriptSchema>;

export const QuestionSchema = z
  .strictObject({
    id: NodeIdSchema,
    kind: z.literal('question'),
    title: Text.describe('The question, as a heading.'),
    help: Text.optional().describe('A sentence that helps the person choose.'),
    answers: z.array(AnswerSchema),
    script: AgentScriptSchema.optional(),
    keywords: Keywords,
  })
  .describe('A question with answers that lead to further nodes.');

const RETRY_ADVICE = ['retry', 'route-advance', 'fix-first', 'no-retry'] as const;
export const RetryAdviceSchema = z.enum(RETRY_ADVICE);
export type RetryAdvice = z.infer<typeof RetryAdviceSchema>;

export const FixStepSchema = z.strictObject({
  id: StepIdSchema.describe('Stable id: ticks are saved under it.'),
  text: Text.describe('One action, in the imperative.'),
  detail: Text.optional().describe('How to do it, or what to look for.'),
});

export const OutcomeSchema = z
  .strictObject({
    id: NodeIdSchema,
    kind: z.literal('outcome'),
    title: Text.describe('The diagnosis, as a heading.'),
    summary: Text.describe('What this means, in plain words.'),
    cause: Text.describe('Why it happens.'),
    steps: z.array(FixStepSchema).describe('Ordered fix steps the person can tick.'),
    retry: z.strictObject({
      advice: RetryAdviceSchema,
      note: Text.describe('Why retrying does or does not help here.'),
    }),
    support: z.strictObject({
      when: z
        .array(ConditionIdSchema)
        .min(1, 'List at least one condition from support.yaml')
        .describe('Ids of the support.yaml conditions that apply to this outcome.'),
      note: Text.optional().describe('Outcome-specific advice about contacting support.'),
      include: z
        .array(Text)
        .optional()
        .describe('Extra items for the support request, beyond the standard checklist.'),
    }),
    codes: z
      .array(z.int().min(100).max(699))
      .optional()
      .describe('SIP response codes this outcome explains.'),
    related: z
      .array(NodeIdSchema)
      .optional()
      .describe('Other outcomes worth a look if this one does not fit.'),
    keywords: Keywords,
  })
  .describe('A diagnosis with the steps that fix it.');

export const NodeSchema = z.discriminatedUnion('kind', [QuestionSchema, OutcomeSchema]);

export const TreeFileSchema = z
  .strictObject({
    schemaVersion: SchemaVersion,
    nodes: z.array(NodeSchema),
  })
  .describe('A file of decision-tree nodes (content/tree/*.yaml).');

/**
 * An origin a host page may embed from: scheme, host (optionally `*.` for every subdomain) and
 * port (optionally `*`). Plain http only for localhost, so production hosts can't be downgraded.
 */
export const ORIGIN_PATTERN =
  /^(?:https:\/\/(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*|http:\/\/(?:localhost|127\.0\.0\.1|\[::1\]))(?::(?:\d{1,5}|\*))?$/;

export const ConfigFileSchema = z
  .strictObject({
    schemaVersion: SchemaVersion,
    brand: z.strictObject({
      name: Text.describe('The product name shown in the header and page titles.'),
      tagline: Text.describe('One line under the name on the start page.'),
    }),
    provider: z.strictObject({
      name: Text.describe('The voice provider whose support people contact.'),
      supportEmail: z.email(),
      supportUrl: z.url({ protocol: /^https$/ }).optional(),
      supportPhone: Text.optional(),
      supportWebhook: z
        .url({
          protocol: /^https?$/,
          error: 'supportWebhook must be an https:// address (http:// only for localhost tests)',
        })
        .refine(
          (url) => url.startsWith('https://') || /^http:\/\/(localhost|127\.0\.0\.1)[:/]/.test(url),
          'supportWebhook must use https:// (http:// is only allowed for localhost)',
        )
        .optional()
        .describe(
          'Optional. Where "Send to support" POSTs a support request as JSON. Leave it out to offer copy, download and email only.',
        ),
    }),
    products: z.strictObject({
      lcr: Text.describe('Name of the least-cost-routing (LCR) termination product.'),
      direct: Text.describe('Name of the non-LCR product with guaranteed routes.'),
    }),
    defaultCountry: z
      .string()
      .regex(/^[A-Z]{2}$/, 'defaultCountry must be a two-letter ISO country code, like "US"'),
    embed: z
      .strictObject({
        allowedOrigins: z
          .array(
            z
              .string()
              .regex(
                ORIGIN_PATTERN,
                'each allowed origin must look like https://help.example.com (optionally https://*.example.com or a :port); http:// only for localhost',
              ),
          )
          .describe(
            'Sites allowed to show the troubleshooter in a frame (the /embed.js snippet). Each is an origin: https://help.example.com, https://*.example.com for every subdomain, http://localhost:* for local testing. Drives the frame-ancestors header and the loader.',
          ),
      })
      .default({ allowedOrigins: [] })
      .describe('Embedding in other sites, such as a help center.'),
  })
  .describe('Brand, provider and support contact (content/config.yaml).');

export const SupportFileSchema = z
  .strictObject({
    schemaVersion: SchemaVersion,
    conditions: z
      .array(
        z.strictObject({
          id: z
            .enum(CONDITION_IDS)
            .describe('One of the four conditions; the support request page checks each of them.'),
          text: Text,
          afterChecks: StepIdSchema.optional().describe(
            'A five-step-check step (procedure.yaml) whose checks must all be ticked before this condition holds.',
          ),
        }),
      )
      .min(1)
      .describe('When to contact support.'),
    checklist: z
      .array(z.strictObject({ id: StepIdSchema, text: Text, detail: Text.optional() }))
      .min(1)
      .describe('What every support request must include.'),
  })
  .describe('When to contact support and what to include (content/support.yaml).');

export const ProcedureFileSchema = z
  .strictObject({
    schemaVersion: SchemaVersion,
    title: Text,
    intro: Text,
    steps: z
      .array(
        z.strictObject({
          id: StepIdSchema,
          title: Text,
          checks: z.array(FixStepSchema).min(1),
        }),
      )
      .min(1),
  })
  .describe('The five-step check (content/procedure.yaml).');

const AnswerPathSchema = z
  .string()
  .regex(
    /^\/(?:[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*)?$/,
    'leadsTo must be a wizard path of answer ids, like "/never-connects/sip-code/503"',
  )
  .describe(
    'A wizard path: the answers from the start question, like "/never-connects/sip-code/503".',
  );

const CodeRetrySchema = z.strictObject({
  advice: RetryAdviceSchema.describe(
    'retry: the same call may work later; route-advance: try the next route now; fix-first: change something, then retry; no-retry: retrying will not help.',
  ),
  note: Text.optional().describe('Why, in one or two sentences.'),
});

export const CodeEntrySchema = z.strictObject({
  code: SipCodeSchema,
  phrase: Text.describe('The reason phrase from the IANA registry, like "Service Unavailable".'),
  oldPhrases: z
    .array(Text)
    .optional()
    .describe('Earlier names still seen in logs, like "Bad Identity-Info" for 436.'),
  rfc: z
    .string()
    .regex(/^RFC \d+$/, 'rfc must look like "RFC 3261"')
    .optional()
    .describe('The RFC that defines the code.'),
  source: Text.optional().describe('Where a code that is not in an RFC is defined.'),
  legacy: z
    .boolean()
    .optional()
    .describe('No longer registered, but still seen: accepted on input.'),
  meaning: Text.describe('What the code means for the call, in plain words.'),
  causes: z.array(Text).min(1).describe('The usual reasons for it, most likely first.'),
  retry: CodeRetrySchema,
  leadsTo: AnswerPathSchema.describe(
    'Where the troubleshooter picks up for this code: a path of answers from the start.',
  ),
  callout: z
    .strictObject({
      title: Text,
      text: Text,
      link: z.strictObject({ label: Text, leadsTo: AnswerPathSchema }).optional(),
    })
    .optional()
    .describe('A case important enough to show first on the code page.'),
  keywords: Keywords,
});

export const CodeClassSchema = z.strictObject({
  class: z.int().min(1).max(6),
  name: Text.describe('The class name, like "Client failure".'),
  meaning: Text.describe('What any code of this class means, for codes without their own entry.'),
  retry: CodeRetrySchema,
  leadsTo: AnswerPathSchema.describe('Where the troubleshooter picks up for an unlisted code.'),
});

export const Q850CauseSchema = z.strictObject({
  cause: z.int().min(0).max(127),
  name: Text.describe('The cause name from ITU-T Q.850, like "No circuit/channel available".'),
  meaning: Text.describe('What it means for the call, in plain words.'),
  sip: z
    .int()
    .min(100)
    .max(699)
    .optional()
    .describe(
      'The SIP response it typically maps to (RFC 3398). Leave out when it is not a failure.',
    ),
  sipNote: Text.optional().describe('How platforms differ from the typical mapping.'),
  aliases: z
    .array(
      z.string().regex(/^[A-Z][A-Z0-9_]+$/, 'aliases are upper-case names like NORMAL_CLEARING'),
    )
    .optional()
    .describe(
      'Names switches log for this cause, like NORMAL_TEMPORARY_FAILURE (FreeSWITCH; Asterisk adds AST_CAUSE_).',
    ),
});

export const CodeFamilySchema = z.strictObject({
  id: slug('A family id'),
  title: Text,
  intro: Text.describe('Why these codes belong together.'),
  guidance: z.array(Text).min(1).describe('What to check, for every code of the family.'),
  branch: AnswerPathSchema.describe('Every code of the family must lead into this branch.'),
  codes: z.array(SipCodeSchema).min(1),
});

export const CodesFileSchema = z
  .strictObject({
    schemaVersion: SchemaVersion,
    classes: z
      .array(CodeClassSchema)
      .describe(
        'The six classes, 1xx to 6xx. An unlisted code falls back to its class (RFC 3261 §21).',
      ),
    codes: z.array(CodeEntrySchema).describe('Every SIP response code the troubleshooter knows.'),
    families: z
      .array(CodeFamilySchema)
      .describe('Codes that share guidance, like the caller-identity (robocall) family.'),
    q850: z
      .array(Q850CauseSchema)
      .describe('ISDN/ISUP cause values seen in Reason headers, with the typical SIP mapping.'),
    afterAnswer: z
      .strictObject({
        answered: AnswerPathSchema.describe(
          'Where a pasted trace of an answered call leads (a later re-INVITE may have failed).',
        ),
        dropped: AnswerPathSchema.describe(
          'Where a pasted trace leads when an answered call was then cut off (a BYE with a Reason, a 481).',
        ),
      })
      .describe('Where the paste box sends traces whose call was answered.'),
  })
  .describe('SIP response codes, their meanings and Q.850 causes (content/codes.yaml).');

const FindingLink = z.strictObject({
  title: Text.describe(
    'What the finding is called in reports, like "Audio in one direction only".',
  ),
  leadsTo: AnswerPathSchema.describe('Where the troubleshooter picks up for this finding.'),
});

export const AnalyzerFileSchema = z
  .strictObject({
    schemaVersion: SchemaVersion,
    thresholds: z
      .strictObject({
        packetLossPercent: z
          .number()
          .gt(0)
          .max(100)
          .describe('A stream losing more than this share of its packets (%) is a problem.'),
        jitterMs: z
          .number()
          .gt(0)
          .describe('A stream whose mean jitter is above this (ms) is a problem.'),
        minStreamPackets: z
          .int()
          .min(1)
          .describe('Streams with fewer packets are too short to judge loss and jitter.'),
        mediaGraceSeconds: z
          .number()
          .min(0)
          .describe('Answered calls shorter than this (s) are not judged for missing audio.'),
        shortCallSeconds: z
          .number()
          .gt(0)
          .describe('An answered call shorter than this (s) counts as short.'),
        shortCallsMin: z.int().min(1).describe('At least this many short calls…'),
        shortCallsShare: z
          .number()
          .gt(0)
          .max(1)
          .describe('…making up at least this share (0–1) of answered calls make a finding.'),
        retransmissionsMin: z
          .int()
          .min(1)
          .describe('An INVITE retransmitted this many times without any answer is a finding.'),
        burstCallsPerSecond: z
          .int()
          .min(2)
          .describe('A second in which at least this many calls start is a peak.'),
      })
      .describe('The numbers that decide when something in a capture counts as a problem.'),
    findings: z
      .strictObject({
        'final-response': z.strictObject({ title: Text }),
        retransmissions: FindingLink,
        'no-audio': FindingLink,
        'one-way-audio': FindingLink,
        'media-address-mismatch': FindingLink,
        'codec-mismatch': FindingLink,
        'packet-loss': FindingLink,
        'high-jitter': FindingLink,
        'short-duration-calls': FindingLink,
        'call-rate-burst': FindingLink,
      })
      .describe(
        'Each kind of finding: its title and where it leads. A failed call leads where its code does (codes.yaml).',
      ),
  })
  .describe('What the capture analyzer counts as a problem (content/analyzer.yaml).');

export type Answer = z.infer<typeof AnswerSchema>;
export type Question = z.infer<typeof QuestionSchema>;
export type Outcome = z.infer<typeof OutcomeSchema>;
export type FixStep = z.infer<typeof FixStepSchema>;
export type ContentNode = z.infer<typeof NodeSchema>;
export type TreeFile = z.infer<typeof TreeFileSchema>;
export type Config = z.infer<typeof ConfigFileSchema>;
export type Support = z.infer<typeof SupportFileSchema>;
export type Procedure = z.infer<typeof ProcedureFileSchema>;
export type CodesFile = z.infer<typeof CodesFileSchema>;
export type AnalyzerFile = z.infer<typeof AnalyzerFileSchema>;
export type CodeEntry = z.infer<typeof CodeEntrySchema>;
export type CodeClass = z.infer<typeof CodeClassSchema>;
export type CodeFamily = z.infer<typeof CodeFamilySchema>;
export type Q850Cause = z.infer<typeof Q850CauseSchema>;

/** What every page needs of the codes: phrases and class names (the ticket and the start page). */
export interface Codes {
  classes: { class: number; name: string }[];
  codes: { code: SipCode; phrase: string }[];
}

/** The full codes reference: loaded only by the code pages, the paste box and the search. */
export type CodeReference = Omit<CodesFile, 'schemaVersion'>;

/** The validated, compiled content the app and the build work from. */
export interface Content {
  schemaVersion: typeof CONTENT_SCHEMA_VERSION;
  config: Config;
  startId: NodeId;
  /** Nodes in authoring order, keyed by id. */
  nodes: Record<string, ContentNode>;
  support: Support;
  procedure: Procedure;
  codes: Codes;
}

/** Every file kind, for the generated editor schema (`content/schema.json`). */
export const ContentFileSchema = z.union([
  TreeFileSchema,
  ConfigFileSchema,
  SupportFileSchema,
  ProcedureFileSchema,
  CodesFileSchema,
  AnalyzerFileSchema,
]);
