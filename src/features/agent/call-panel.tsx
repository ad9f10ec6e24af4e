import { useId, useRef, useState, type KeyboardEvent, type SubmitEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { formatClock, formatElapsed } from '@/engine/case-notes';
import { paths } from '@/lib/paths';
import { CALL_LIMITS } from '@/stores/call-limits';
import type { CallNote } from '@/stores/saved/call-schema';
import { sessionStore, useSession, useSessionLoaded } from '@/stores/session';
import {
  addNote,
  endCall,
  hasCaseData,
  newCall,
  removeNote,
  restoreNote,
  setNoteDraft,
  type AddNoteResult,
} from './call-actions';
import { useClock } from './use-clock';

export const NOTE_FIELD_ID = 'call-note';

const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The call timer, its end and restart, and the agent's timestamped notes. */
export function CallPanel() {
  const call = useSession((state) => state.call);
  const loaded = useSessionLoaded();
  const now = useClock();
  const hasData = useSession(hasCaseData);
  const [confirmNew, setConfirmNew] = useState(false);
  const [status, setStatus] = useState('');
  const newCallButton = useRef<HTMLButtonElement>(null);
  const navigate = useNavigate();
  const { pathname } = useLocation();

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
  const startNewCall = () => {
    newCall(sessionStore, Date.now());
    setConfirmNew(false);
    setStatus('New call started. The timer is at zero and the notes are empty.');
    // The next caller starts at the first question, which takes focus like any new step.
    if (normalizePath(pathname) === paths.home) focusHeading();
    else void navigate(paths.home);
  };
  const keepCall = () => {
    setConfirmNew(false);
    requestAnimationFrame(() => newCallButton.current?.focus());
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
          <Button
            onClick={() => {
              endCall(sessionStore, Date.now());
              setStatus('Call ended. The timer has stopped.');
              // The button goes away; New call is what comes next.
              requestAnimationFrame(() => newCallButton.current?.focus());
            }}
          >
            End call
          </Button>
        ) : null}
        {confirmNew ? null : (
          <Button
            ref={newCallButton}
            onClick={() => {
              if (hasData) setConfirmNew(true);
              else startNewCall();
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
            Start a new call? The timer restarts, and this call’s {noteCount(call.notes.length)},
            ticked steps and support request are cleared. Copy the case notes first if you need
            them.
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button variant="primary" onClick={startNewCall} ref={focusOnMount}>
              Start a new call
            </Button>
            <Button onClick={keepCall}>Keep this call</Button>
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

/** Where a step's heading is, for focus after a new call on the start page itself. */
function focusHeading(): void {
  document.querySelector<HTMLElement>('#main h1[data-page-heading]')?.focus();
}

/** `/a/b/` and `/a/b` are one page. */
function normalizePath(pathname: string): string {
  return pathname.replace(/\/+$/, '') || '/';
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
              // The Undo button goes away; the note box is where work goes on.
              requestAnimationFrame(() => document.getElementById(NOTE_FIELD_ID)?.focus());
            }}
          >
            Undo
          </Button>
        </p>
      )}
    </div>
  );
}
