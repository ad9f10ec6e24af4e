import type { AgentScript } from '@/engine/schema';

/** What the agent says to the caller, and what in the reply points to which answer. */
export function AgentScriptView({ script }: { script: AgentScript }) {
  return (
    <div className="mt-5 rounded-xl border-l-4 border-accent bg-accent-soft p-4">
      <p className="text-sm font-semibold tracking-wide text-accent uppercase">Ask the caller</p>
      <p className="mt-1 text-lg font-medium">“{script.ask}”</p>
      {script.listenFor ? (
        <>
          <p className="mt-3 text-sm font-semibold tracking-wide text-accent uppercase">
            Listen for
          </p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {script.listenFor.map((hint) => (
              <li key={hint}>{hint}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
