import type { Support } from '@/engine/schema';
import { RichText } from './ui/rich-text';

interface SupportChecklistProps {
  items: Support['checklist'];
  /** Outcome-specific items, after the standard ones. */
  extras?: readonly string[];
}

/** What every support request must include (content/support.yaml), as a list to work through. */
export function SupportChecklist({ items, extras = [] }: SupportChecklistProps) {
  return (
    <ul className="mt-2 space-y-2">
      {items.map((item) => (
        <li key={item.id} className="flex gap-2">
          <span aria-hidden="true" className="text-accent">
            ☐
          </span>
          <span>
            <RichText text={item.text} />
            {item.detail ? (
              <span className="block text-sm text-ink-muted">
                <RichText text={item.detail} />
              </span>
            ) : null}
          </span>
        </li>
      ))}
      {extras.map((extra) => (
        <li key={extra} className="flex gap-2">
          <span aria-hidden="true" className="text-accent">
            ☐
          </span>
          <RichText text={extra} />
        </li>
      ))}
    </ul>
  );
}
