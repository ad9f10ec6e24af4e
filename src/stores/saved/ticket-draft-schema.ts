import * as z from 'zod/mini';
import { FREQUENCIES, PRODUCTS } from '@/engine/vocabulary';

/**
 * How a saved support request draft must look when read back. Limits are generous on purpose: the
 * form lets people type past a field's limit (it shows the error instead of cutting text), and a
 * draft saved like that must still load.
 */
const Typed = z.string().check(z.maxLength(50_000));
const Rows = z.array(Typed).check(z.minLength(1), z.maxLength(100));

export const TicketDraftSchema = z.strictObject({
  trail: z.array(z.string().check(z.regex(/^[a-z0-9-]{1,80}$/))).check(z.maxLength(100)),
  country: z.string().check(z.regex(/^[A-Z]{2}$/)),
  origin: Typed,
  destinations: Rows,
  timestamps: Rows,
  timeZone: z.string().check(z.minLength(1), z.maxLength(100)),
  codes: z.nullable(Typed),
  errorText: Typed,
  frequency: z.nullable(z.enum(FREQUENCIES)),
  product: z.nullable(z.enum(PRODUCTS)),
  description: Typed,
});
