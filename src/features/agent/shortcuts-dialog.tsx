import { Kbd } from '@/components/ui/kbd';
import { Dialog } from './dialog';
import { SHORTCUTS } from '@/lib/shortcuts';
import { AGENT_SHORTCUTS } from './use-agent-keys';

/** Every key agent mode answers to, from `?`. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <p className="text-ink-muted">
        None of these act while you type in a box. Esc closes this list.
      </p>
      <table className="mt-3 w-full text-left">
        <thead>
          <tr>
            <th scope="col" className="py-1 pr-4">
              Key
            </th>
            <th scope="col" className="py-1">
              What it does
            </th>
          </tr>
        </thead>
        <tbody>
          {AGENT_SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.action} className="border-t border-line">
              <td className="py-2 pr-4 whitespace-nowrap">
                <Keys keys={shortcut.keys} joiner={'joiner' in shortcut ? shortcut.joiner : ' '} />
                {'alternative' in shortcut ? (
                  <>
                    {' or '}
                    <Keys keys={shortcut.alternative} joiner="+" />
                  </>
                ) : null}
              </td>
              <td className="py-2">{shortcut.action}</td>
            </tr>
          ))}
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.key} className="border-t border-line">
              <td className="py-2 pr-4">
                <Kbd>{shortcut.key}</Kbd>
              </td>
              <td className="py-2">Go to {shortcut.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}

function Keys({ keys, joiner = ' ' }: { keys: readonly string[]; joiner?: string }) {
  return (
    <>
      {keys.map((key, index) => (
        <span key={key}>
          {index > 0 ? joiner : null}
          {key === '…' ? '…' : <Kbd>{key}</Kbd>}
        </span>
      ))}
    </>
  );
}
