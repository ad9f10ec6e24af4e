/**
 * Fixed vocabularies shared by the content schema, the session store and the support request.
 * Kept apart from schema.ts so browser code can use them without pulling in zod.
 */

/** The four reasons to contact support; the support request page evaluates each one. */
export const CONDITION_IDS = [
  'reproducible',
  'persistent-5xx-6xx',
  'many-destinations',
  'audio-after-network-checks',
] as const;
export type SupportCondition = (typeof CONDITION_IDS)[number];

export const FREQUENCIES = ['every-time', 'often', 'sometimes', 'once'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const PRODUCTS = ['lcr', 'direct', 'unsure'] as const;
export type Product = (typeof PRODUCTS)[number];

export const DESTINATION_SCOPES = ['one', 'several'] as const;
export type DestinationScope = (typeof DESTINATION_SCOPES)[number];
