import { SupportChecklist } from '@/components/support-checklist';
import { content } from '@/lib/content';

/** Before the page is interactive (or without JavaScript): what to send, and where. */
export function StaticGuidance() {
  const { provider } = content.config;
  return (
    <section aria-labelledby="include-heading" className="space-y-3">
      <h2 id="include-heading" className="text-xl font-bold">
        What to include
      </h2>
      <SupportChecklist items={content.support.checklist} />
      <p>
        The form that checks and formats all of this loads with JavaScript. Without it, email{' '}
        <a href={`mailto:${provider.supportEmail}`} className="font-semibold text-accent underline">
          {provider.supportEmail}
        </a>{' '}
        with the items above.
      </p>
    </section>
  );
}
