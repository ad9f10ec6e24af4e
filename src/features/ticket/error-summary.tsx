import type { FieldError } from '@/engine/ticket/check-draft';

interface ErrorSummaryProps {
  errors: readonly FieldError[];
  idFor: (error: FieldError) => string;
  labelFor: (error: FieldError) => string;
}

/** After a blocked export: what to fix, each a link that moves focus to the field. */
export function ErrorSummary({ errors, idFor, labelFor }: ErrorSummaryProps) {
  return (
    <section
      aria-labelledby="error-summary-heading"
      className="rounded-xl border-l-4 border-danger bg-danger-soft p-4 print:hidden"
    >
      <h2 id="error-summary-heading" tabIndex={-1} className="text-lg font-bold">
        {errors.length === 1 ? 'One thing to fix' : `${errors.length} things to fix`} before the
        request can go out
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {errors.map((error) => (
          <li key={idFor(error)}>
            <a
              href={`#${idFor(error)}`}
              className="text-accent underline"
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(idFor(error))?.focus();
              }}
            >
              {labelFor(error)}: {error.message}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
