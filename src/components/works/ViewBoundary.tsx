import { Component, type ReactNode } from 'react';
import type { WorkSession } from '../../works/session';
import { WorksContextForBoundary } from './context';

interface Props {
  /** What the view shows, in the learner's words: "The network diagram". */
  what: string;
  children: ReactNode;
}

/** A crash in one view becomes a message in its place, with the way back to the saved work. */
export class ViewBoundary extends Component<Props, { error: Error | null }> {
  static override contextType = WorksContextForBoundary;
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  private reload = () => {
    const session = this.context as WorkSession | null;
    if (session) session.reloadSaved();
    else window.location.reload();
  };

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="notice notice-error view-error" role="alert">
        <span>
          {this.props.what} stopped working ({error.message || error.name}). Your last saved work is
          safe.
        </span>
        <button type="button" onClick={this.reload}>
          Reload last saved work
        </button>
      </div>
    );
  }
}
