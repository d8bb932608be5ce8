/** What one tab tells the others of the same browser. */
export type WorksMessage =
  /** A work's contents were saved as this revision. */
  | { kind: 'saved'; id: string; revision: number }
  /** The list changed: a work was added, renamed or deleted. */
  | { kind: 'listed' };

export interface WorksChannel {
  post(message: WorksMessage): void;
  listen(handler: (message: WorksMessage) => void): () => void;
}

/** Tabs of the same browser, over a BroadcastChannel (none where the browser has none). */
export function browserChannel(name = 'backstep.works'): WorksChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(name);
  return {
    post: (message) => channel.postMessage(message),
    listen(handler) {
      const onMessage = (event: MessageEvent<WorksMessage>) => handler(event.data);
      channel.addEventListener('message', onMessage);
      return () => channel.removeEventListener('message', onMessage);
    },
  };
}
