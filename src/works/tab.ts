import type { PendingNotice } from './session';

const CURRENT_KEY = 'backstep.open';
const NOTICE_KEY = 'backstep.notice';

/** What one tab remembers across its own reloads (sessionStorage): its work, a notice to show. */
export interface TabMemory {
  currentId(): string | null;
  setCurrentId(id: string): void;
  takePendingNotice(): string | null;
  setPendingNotice(notice: PendingNotice | null): void;
}

export function tabMemory(): TabMemory {
  let storage: Storage | null;
  try {
    storage = window.sessionStorage;
  } catch {
    storage = null; // Blocked: every load opens the most recent work.
  }
  const safely = <T>(job: (s: Storage) => T, fallback: T): T => {
    try {
      return storage ? job(storage) : fallback;
    } catch {
      return fallback;
    }
  };
  return {
    currentId: () => safely((s) => s.getItem(CURRENT_KEY), null),
    setCurrentId: (id) => safely((s) => s.setItem(CURRENT_KEY, id), undefined),
    takePendingNotice: () =>
      safely((s) => {
        const text = s.getItem(NOTICE_KEY);
        s.removeItem(NOTICE_KEY);
        return text;
      }, null),
    setPendingNotice: (notice) =>
      safely(
        (s) => (notice ? s.setItem(NOTICE_KEY, JSON.stringify(notice)) : s.removeItem(NOTICE_KEY)),
        undefined,
      ),
  };
}

/** The notice the previous load left for this one, if it is one. */
export function readPendingNotice(tab: TabMemory): PendingNotice[] {
  const text = tab.takePendingNotice();
  if (!text) return [];
  try {
    const raw = JSON.parse(text) as Partial<PendingNotice>;
    if (typeof raw.text !== 'string') return [];
    const tone = raw.tone === 'alert' ? 'alert' : 'status';
    return [{ text: raw.text, tone, backTo: typeof raw.backTo === 'string' ? raw.backTo : null }];
  } catch {
    return [];
  }
}
