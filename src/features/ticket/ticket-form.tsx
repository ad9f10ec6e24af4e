import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Button } from '@/components/ui/button';
import { ChoiceGroup } from '@/components/ui/choice-group';
import {
  checkDraft,
  FREQUENCY_LABELS,
  productLabel,
  type FieldError,
} from '@/engine/ticket/check-draft';
import type { TicketContext } from '@/engine/ticket/context';
import type { TicketDraft } from '@/engine/ticket/model';
import { FREQUENCIES, PRODUCTS } from '@/engine/vocabulary';
import { content } from '@/lib/content';
import { paths } from '@/lib/paths';
import { CallTimeFields } from './call-time-fields';
import { CodesFields } from './codes-fields';
import { DescriptionField } from './description-field';
import { DiagnosisSummary } from './diagnosis-summary';
import { ErrorSummary } from './error-summary';
import { EscalationAdvice } from './escalation-advice';
import { fieldId } from './field-ids';
import { ExportActions } from './export-actions';
import { NumberFields } from './number-fields';
import { RequestPreview } from './request-preview';
import { TriedSteps } from './tried-steps';

interface TicketFormProps {
  draft: TicketDraft;
  context: TicketContext;
  ticks: Readonly<Record<string, readonly string[]>>;
  onChange: (patch: Partial<TicketDraft>) => void;
  onClear: () => void;
  onToggleStep: (scope: string, id: string) => void;
  diagnosisHref: string | undefined;
}

/** Errors show once a field was left, or once an export was tried; never while still typing. */
export type Visibility = (field: FieldError['field'], row?: number) => boolean;

const FIELD_LABELS: Record<FieldError['field'], string> = {
  origin: 'Number you called from',
  destinations: 'Called number',
  timestamps: 'Failed call',
  codes: 'SIP response codes',
  errorText: 'Error messages',
  description: 'What happened',
};

export function TicketForm(props: TicketFormProps) {
  const { draft, context, onChange } = props;
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [attempted, setAttempted] = useState(false);
  const [confirmClear, setConfirmClear] = useState(false);
  const clearButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  // Focus follows the question: to the safe answer when it opens, back to its button after.
  const askToClear = (open: boolean) => {
    flushSync(() => setConfirmClear(open));
    (open ? keepButton : clearButton).current?.focus();
  };

  const report = checkDraft(draft, {
    content,
    context,
    ticks: props.ticks,
    now: new Date(),
    linkFor: (path) =>
      new URL(`${import.meta.env.BASE_URL}${path.slice(1)}`, window.location.href).href,
  });
  const visible: Visibility = (field, row) =>
    attempted || touched.has(fieldId(row === undefined ? { field } : { field, row }));
  const touch = (id: string) => setTouched((current) => new Set(current).add(id));
  const forgetRow = (field: 'destinations' | 'timestamps', index: number) =>
    setTouched((current) => {
      const next = new Set<string>();
      for (const id of current) {
        const row = id.startsWith(`${field}-`) ? Number(id.slice(field.length + 1)) - 1 : -1;
        if (row === -1) next.add(id);
        else if (row > index) next.add(fieldId({ field, row: row - 1 }));
        else if (row < index) next.add(id);
      }
      return next;
    });
  const errorFor = (field: FieldError['field'], row?: number) =>
    visible(field, row)
      ? report.errors.find((e) => e.field === field && (row === undefined || e.row === row))
          ?.message
      : undefined;

  const showErrors = () => {
    flushSync(() => setAttempted(true));
    document.getElementById('error-summary-heading')?.focus();
  };

  return (
    <div className="space-y-8">
      <DiagnosisSummary
        context={context}
        diagnosisHref={props.diagnosisHref}
        startHref={paths.home}
      />
      <EscalationAdvice escalation={report.escalation} />

      <form
        noValidate
        aria-label="Support request"
        onSubmit={(event) => event.preventDefault()}
        className="space-y-8 print:hidden"
      >
        <NumberFields
          draft={draft}
          report={report}
          onChange={onChange}
          touch={touch}
          forgetRow={forgetRow}
          errorFor={errorFor}
        />
        <CallTimeFields
          draft={draft}
          report={report}
          onChange={onChange}
          touch={touch}
          forgetRow={forgetRow}
          errorFor={errorFor}
        />
        <CodesFields
          draft={draft}
          report={report}
          onChange={onChange}
          touch={touch}
          forgetRow={forgetRow}
          errorFor={errorFor}
        />
        <ChoiceGroup
          name="frequency"
          legend="How often does it fail?"
          options={FREQUENCIES.map((value) => ({ value, label: FREQUENCY_LABELS[value] }))}
          value={report.effective.frequency}
          onChange={(frequency) => onChange({ frequency })}
        />
        <ChoiceGroup
          name="product"
          legend="Which service carries these calls?"
          hint="It changes what a 503 means: on least-cost routing, an occasional 503 is expected."
          options={PRODUCTS.map((value) => ({ value, label: productLabel(value, content) }))}
          value={report.effective.product}
          onChange={(product) => onChange({ product })}
        />
        <DescriptionField
          value={draft.description}
          error={errorFor('description')}
          onChange={(description) => onChange({ description })}
          onBlur={() => touch('description')}
        />
      </form>

      <TriedSteps
        procedure={content.procedure}
        outcome={context.outcome}
        ticks={props.ticks}
        onToggle={props.onToggleStep}
      />

      {attempted && report.errors.length > 0 ? (
        <ErrorSummary
          errors={report.errors}
          idFor={fieldId}
          labelFor={(error) =>
            error.row === undefined
              ? FIELD_LABELS[error.field]
              : `${FIELD_LABELS[error.field]} ${error.row + 1}`
          }
        />
      ) : null}
      <ExportActions
        ticket={report.ticket}
        onInvalid={showErrors}
        provider={content.config.provider}
      />
      <RequestPreview ticket={report.ticket} />

      <section aria-labelledby="clear-heading" className="border-t border-line pt-4 print:hidden">
        <h2 id="clear-heading" className="sr-only">
          Start over
        </h2>
        {confirmClear ? (
          <div
            role="group"
            aria-labelledby="clear-question"
            className="flex flex-wrap items-center gap-2"
          >
            <p id="clear-question">Clear everything typed in this form? Your ticked steps stay.</p>
            <Button
              variant="primary"
              onClick={() => {
                props.onClear();
                setTouched(new Set());
                setAttempted(false);
                setConfirmClear(false);
                document.querySelector<HTMLElement>('#main h1[data-page-heading]')?.focus();
              }}
            >
              Yes, clear the form
            </Button>
            <Button ref={keepButton} onClick={() => askToClear(false)}>
              Keep it
            </Button>
          </div>
        ) : (
          <Button ref={clearButton} variant="ghost" onClick={() => askToClear(true)}>
            Clear the form
          </Button>
        )}
      </section>
    </div>
  );
}
