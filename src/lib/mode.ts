import { createContext, use, type ReactNode } from 'react';
import type { Mode } from './mode-paths';

export { AGENT_PREFIX, addressInMode, modeOf, routerBasename, type Mode } from './mode-paths';

export const ModeContext = createContext<Mode>('customer');

export function useMode(): Mode {
  return use(ModeContext);
}

/**
 * What agent mode adds to the wizard's pages. Provided by agent mode's layout (which loads the
 * scripts on demand); null in the customer view, which never sees any of it.
 */
export interface AgentAssist {
  /** What to say and listen for on a question, drawn by agent mode itself. */
  script: (questionId: string) => ReactNode;
}

export const AgentAssistContext = createContext<AgentAssist | null>(null);

export function useAgentAssist(): AgentAssist | null {
  return use(AgentAssistContext);
}
