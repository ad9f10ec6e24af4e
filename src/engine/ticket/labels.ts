import type { Content, Frequency, Product } from '../schema.ts';

/**
 * How the support request's choices read to people. Apart from check-draft.ts so that code which
 * only shows a draft (agent mode's case notes) needn't load the phone-number library.
 */
export const FREQUENCY_LABELS: Record<Frequency, string> = {
  'every-time': 'Every time',
  often: 'Often, but not every time',
  sometimes: 'Now and then',
  once: 'It happened once',
};

export function productLabel(product: Product, content: Pick<Content, 'config'>): string {
  return product === 'unsure' ? 'Not sure' : content.config.products[product];
}
