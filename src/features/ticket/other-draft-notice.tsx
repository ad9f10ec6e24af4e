import { Button } from '@/components/ui/button';

interface OtherDraftNoticeProps {
  /** What the saved draft was written about. */
  savedAbout: string;
  onStartNew: () => void;
  onKeep: () => void;
}

/** A saved draft about another diagnosis: say so before its details go out under this one. */
export function OtherDraftNotice({ savedAbout, onStartNew, onKeep }: OtherDraftNoticeProps) {
  return (
    <section
      aria-labelledby="other-draft-heading"
      className="rounded-xl border-l-4 border-warning bg-warning-soft p-4 print:hidden"
    >
      <h2 id="other-draft-heading" className="font-bold">
        You have a saved request about another diagnosis
      </h2>
      <p className="mt-1">
        It was about “{savedAbout}”. The form below still holds its numbers, times and description.
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button variant="primary" onClick={onStartNew}>
          Start a new request
        </Button>
        <Button onClick={onKeep}>Use those details for this diagnosis</Button>
      </div>
    </section>
  );
}
