import type { DraftReport, FieldName } from '@/engine/ticket/check-draft';
import type { TicketDraft } from '@/engine/ticket/model';

/** What each part of the form gets: the draft, its check, and ways to change and leave fields. */
export interface SectionProps {
  draft: TicketDraft;
  report: DraftReport;
  onChange: (patch: Partial<TicketDraft>) => void;
  /** Marks a field as left, so its error may show. */
  touch: (fieldId: string) => void;
  /** A row was removed: the rows after it move up, and so does whether they were left. */
  forgetRow: (field: 'destinations' | 'timestamps', index: number) => void;
  /** The error to show now, if any. */
  errorFor: (field: FieldName, row?: number) => string | undefined;
}
