import { useId, useRef, useState, type KeyboardEvent, type SubmitEvent } from 'react';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { formatClock, formatElapsed } from '@/engine/case-notes';
import { useClock } from './use-clock';
import { sessionStore, useSession, useSessionLoaded } from '@/stores/session';
import { CALL_LIMITS, type CallNote } from '@/stores/call-schema';
import {
  addNote,
  endCall,
  removeNote,
  restoreNote,
  setNoteDraft,
  startCall,
  type AddNoteResult,
} from './call-actions';

export const NOTE_FIELD_ID = 'call-note';

const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The call timer, its end and restart, and the agent's timestamped notes. */
export function CallPanel() {
  const call = useSession((state) => state.call);
  const loaded = useSessionLoaded();
  const now = useClock();
  const [confirmNew, setConfirmNew] = useState(false);
  const [status, setStatus] = useState('');

  if (!loaded || call === null) {
    return (
      <section aria-labelledby="call-heading" className="space-y-2">
        <h2 id="call-heading" className="text-lg font-bold">
          Call
        </h2>
        <p className="text-ink-muted">The call timer starts once the page has loaded.</p>
      </section>
    );
  }

  const zone = timeZone();
  const end = call.endedAt ?? Math.max(now, call.startedAt);
  const newCall = () => {
    startCall(sessionStore, Date.now());
    setConfirmNew(false);
    setStatus('New call started. The timer is at zero and the notes are empty.');
  };

  return (
    <section aria-labelledby="call-heading" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="call-heading" className="text-lg font-bold">
          Call
        </h2>
        <p className="text-sm text-ink-muted">
          Started {formatClock(call.startedAt, zone)}
          {call.endedAt === null ? null : `, ended ${formatClock(call.endedAt, zone)}`}
        </p>
      </div>
      <p className="flex items-center gap-3">
        <span
          role="timer"
          aria-label={call.endedAt === null ? 'Call time' : 'Call length'}
          className="font-mono text-3xl font-bold tabular-nums"
        >
          {formatElapsed(end - call.startedAt)}
        </span>
        {call.endedAt === null ? (
          <Button onClick={() => endCall(sessionStore, Date.now())}>End call</Button>
        ) : null}
        {confirmNew ? null : (
          <Button
            onClick={() => {
              if (call.notes.length === 0 && call.noteDraft.trim() === '') newCall();
              else setConfirmNew(true);
            }}
          >
            New call
          </Button>
        )}
      </p>
      {confirmNew ? (
        <div
          role="group"
          aria-labelledby="new-call-question"
          className="rounded-lg border border-warning bg-warning-soft p-3"
        >
          <p id="new-call-question" className="font-semibold">
            Start a new call? The timer restarts and this call’s {noteCount(call.notes.length)} are
            cleared. Copy the case notes first if you need them.
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button variant="primary" onClick={newCall} ref={focusOnMount}>
              Start a new call
            </Button>
            <Button onClick={() => setConfirmNew(false)}>Keep this call</Button>
          </div>
        </div>
      ) : null}
      <NoteForm noteDraft={call.noteDraft} onStatus={setStatus} />
      <NoteList notes={call.notes} startedAt={call.startedAt} zone={zone} onStatus={setStatus} />
      <p role="status" className="sr-only">
        {status}
      </p>
    </section>
  );
}

/** Moves focus to an element when it appears (the confirmation's first button). */
function focusOnMount(element: HTMLElement | null): void {
  element?.focus();
}

function noteCount(count: number): string {
  return count === 1 ? '1 note' : `${String(count)} notes`;
}

const NOTE_ERRORS: Record<Exclude<AddNoteResult, 'added'>, (length: number) => string> = {
  empty: () => 'Type the note first.',
  'too-long': (length) =>
    `A note can be up to ${String(CALL_LIMITS.noteLength)} characters; this one has ${String(length)}. Split it in two.`,
  full: () =>
    `This call has ${String(CALL_LIMITS.notes)} notes, the most it can keep. Copy the case notes and start a new call.`,
  'no-call': () =>
    'The call hasn’t started yet. Wait a moment for the page to load, then add the note.',
};

function NoteForm({
  noteDraft,
  onStatus,
}: {
  noteDraft: string;
  onStatus: (text: string) => void;
}) {
  const hintId = useId();
  const [error, setError] = useState<string | undefined>();
  const add = () => {
    const result = addNote(sessionStore, noteDraft, Date.now());
    if (result === 'added') {
      setError(undefined);
      onStatus('Note added.');
      return;
    }
    setError(NOTE_ERRORS[result](noteDraft.trim().length));
  };
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    add();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      add();
    }
    if (event.key === 'Escape') event.currentTarget.blur();
  };
  const errorId = `${hintId}-error`;
  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-label="Add a note">
      <label htmlFor={NOTE_FIELD_ID} className="block font-semibold">
        Note
      </label>
      <p id={hintId} className="text-sm text-ink-muted">
        Enter adds it with the time; Shift+Enter starts a new line; Esc leaves the box.
      </p>
      <textarea
        id={NOTE_FIELD_ID}
        rows={3}
        value={noteDraft}
        onChange={(event) => {
          setNoteDraft(sessionStore, event.target.value);
          if (error !== undefined) setError(undefined);
        }}
        onKeyDown={onKeyDown}
        aria-describedby={error === undefined ? hintId : `${errorId} ${hintId}`}
        aria-invalid={error === undefined ? undefined : true}
        className={inputClass}
      />
      {error === undefined ? null : (
        <p id={errorId} className="flex gap-1 text-sm font-medium text-danger">
          <span aria-hidden="true">⚠</span>
          <span>{error}</span>
        </p>
      )}
      <Button type="submit">Add note</Button>
    </form>
  );
}

function NoteList({
  notes,
  startedAt,
  zone,
  onStatus,
}: {
  notes: CallNote[];
  startedAt: number;
  zone: string;
  onStatus: (text: string) => void;
}) {
  const [removed, setRemoved] = useState<CallNote | undefined>();
  const undoRef = useRef<HTMLButtonElement>(null);
  return (
    <div className="space-y-2">
      {notes.length === 0 ? (
        <p className="text-sm text-ink-muted">No notes yet.</p>
      ) : (
        <ol aria-label="Notes" className="space-y-2">
          {notes.map((note) => {
            const clock = formatClock(note.at, zone);
            return (
              <li key={note.id} className="rounded-lg border border-line bg-surface p-3">
                <div className="flex items-baseline justify-between gap-2 text-sm text-ink-muted">
                  <span>
                    <time dateTime={new Date(note.at).toISOString()}>{clock}</time> · +
                    {formatElapsed(note.at - startedAt)}
                  </span>
                  <button
                    type="button"
                    className="min-h-11 px-2 text-accent underline underline-offset-4"
                    aria-label={`Delete the note from ${clock}`}
                    onClick={() => {
                      removeNote(sessionStore, note.id);
                      setRemoved(note);
                      onStatus(`Note from ${clock} deleted.`);
                      requestAnimationFrame(() => undoRef.current?.focus());
                    }}
                  >
                    Delete
                  </button>
                </div>
                <p className="break-words whitespace-pre-wrap">{note.text}</p>
              </li>
            );
          })}
        </ol>
      )}
      {removed === undefined ? null : (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          Note deleted.
          <Button
            ref={undoRef}
            onClick={() => {
              restoreNote(sessionStore, removed);
              setRemoved(undefined);
              onStatus('Note restored.');
            }}
          >
            Undo
          </Button>
        </p>
      )}
    </div>
  );
}
