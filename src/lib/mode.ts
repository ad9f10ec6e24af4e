import { createContext, use, type ReactNode } from 'react';
import type { Mode } from './mode-paths';

export {
  AGENT_PREFIX,
  addressInMode,
  modeOf,
  routerBasename,
  viewOf,
  type Mode,
  type View,
} from './mode-paths';

export const ModeContext = createContext<Mode>('customer');

export function useMode(): Mode {
  return use(ModeContext);
}

/** True in the embed view: the page lives in another site's frame (see `mode-paths`). */
export const EmbeddedContext = createContext(false);

export function useEmbedded(): boolean {
  return use(EmbeddedContext);
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
