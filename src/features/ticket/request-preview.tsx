import { formatText } from '@/engine/ticket/format-text';
import type { Ticket } from '@/engine/ticket/model';

/** The request exactly as it will be copied; also what the print view prints. */
export function RequestPreview({ ticket }: { ticket: Ticket | undefined }) {
  return (
    <section aria-labelledby="preview-heading" className="space-y-2">
      <h2 id="preview-heading" className="text-xl font-bold print:hidden">
        Preview
      </h2>
      {ticket ? (
        <pre
          aria-label="The support request as text"
          className="rounded-lg border border-line bg-surface p-4 font-mono text-sm break-words whitespace-pre-wrap print:border-0 print:p-0"
        >
          {formatText(ticket)}
        </pre>
      ) : (
        <p className="text-ink-muted print:hidden">
          The preview appears once the form is complete.
        </p>
      )}
    </section>
  );
}
