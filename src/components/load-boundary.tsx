import { Component, type ReactNode } from 'react';

interface LoadBoundaryProps {
  /** Shown instead when the part fails, typically because its code couldn't be downloaded. */
  fallback: ReactNode;
  children: ReactNode;
}

/**
 * Keeps a failure inside an optional, lazily loaded part of a page (a stale deploy, a dropped
 * connection) from taking the whole page down: the part is replaced by its fallback.
 */
export class LoadBoundary extends Component<LoadBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
