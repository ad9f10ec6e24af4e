import { Link } from 'react-router';
import { Kbd } from '@/components/ui/kbd';
import type { Mode } from '@/lib/mode';
import { SHORTCUTS, useShortcutsEnabled } from '@/lib/shortcuts';
import { useHydrated } from '@/lib/use-hydrated';

/** The footer's list of single-key shortcuts, with the switch that turns them off and on. */
export function ShortcutList({ mode }: { mode: Mode }) {
  const [enabled, setEnabled] = useShortcutsEnabled();
  const hydrated = useHydrated();
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      {enabled ? (
        <p>
          Keyboard:{' '}
          {SHORTCUTS.map((shortcut, index) => (
            <span key={shortcut.key}>
              {index > 0 ? ' · ' : null}
              <Kbd>{shortcut.key}</Kbd>{' '}
              <Link to={shortcut.href} className="underline underline-offset-4">
                {shortcut.action}
              </Link>
            </span>
          ))}
          {mode === 'agent' ? (
            <>
              {' · '}
              <Kbd>?</Kbd> every key for agents
            </>
          ) : null}
        </p>
      ) : (
        <p>Single-key shortcuts are off.</p>
      )}
      {hydrated ? (
        <button
          type="button"
          className="min-h-11 text-accent underline underline-offset-4"
          onClick={() => setEnabled(!enabled)}
        >
          {enabled ? 'Turn shortcuts off' : 'Turn shortcuts on'}
        </button>
      ) : null}
    </div>
  );
}
