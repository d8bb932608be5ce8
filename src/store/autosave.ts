import type { AppStore } from './appStore';
import { decodeShare, learnerOf, parseSavedText, toSaved } from './persist';
import type { LearnerState } from './types';

export const STORAGE_KEY = 'backstep.work';
export const SHARE_PARAM = 'work';

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The browser's localStorage, or null where there is none or it is blocked (reading it throws). */
export function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export interface Startup {
  /** The autosaved work, or null for the default example. */
  saved: LearnerState | null;
  /** The work a share link carries, opened over the saved work (which stays one undo away). */
  linked: LearnerState | null;
  /** Something the learner must be told (a damaged save or link), or null. */
  notice: string | null;
}

/** The share-link fragment's payload, if the address has one: #work=… */
export function shareFragment(hash: string): string | null {
  const match = /^#?work=(.+)$/.exec(hash);
  return match ? (match[1] as string) : null;
}

/**
 * What to open: a share link first, else the autosaved work, else a fresh start. A save that
 * cannot be read is set aside under its own key (never deleted) and the learner is told.
 */
export function loadStartup(
  storage: KeyValueStore | null,
  hash: string,
  now = new Date(),
): Startup {
  const notices: string[] = [];
  let linked: LearnerState | null = null;
  const fragment = shareFragment(hash);
  if (fragment) {
    const loaded = decodeShare(fragment);
    if (loaded.ok) linked = loaded.work;
    else
      notices.push(
        `This share link could not be opened: ${loaded.error} Your own saved work is shown instead.`,
      );
  }
  let text: string | null = null;
  try {
    text = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    notices.push('Saved work is not available in this browser (storage is blocked).');
  }
  if (text !== null) {
    const loaded = parseSavedText(text);
    if (loaded.ok) return { saved: loaded.work, linked, notice: notices.join(' ') || null };
    const aside = `${STORAGE_KEY}.unreadable.${now.toISOString()}`;
    try {
      storage?.setItem(aside, text);
      storage?.removeItem(STORAGE_KEY);
    } catch {
      // Keeping the bad copy is a courtesy; failing to is no reason to stop the app.
    }
    notices.push(
      `Your saved work could not be read (${loaded.error}) A copy was kept in this browser's storage under "${aside}". Starting from the default example.`,
    );
  }
  return { saved: null, linked, notice: notices.join(' ') || null };
}

export function saveNow(store: AppStore, storage: KeyValueStore): boolean {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(toSaved(learnerOf(store.getState()))));
    return true;
  } catch {
    return false;
  }
}

/** Save the work a moment after every change; returns the function that stops saving. */
export function startAutosave(
  store: AppStore,
  storage: KeyValueStore,
  delayMs = 250,
): { flush: () => void; stop: () => void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    saveNow(store, storage);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (learnerChanged(state, previous)) {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    }
  });
  return {
    flush,
    stop: () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    },
  };
}

function learnerChanged(a: LearnerState, b: LearnerState): boolean {
  return (
    a.network !== b.network ||
    a.samples !== b.samples ||
    a.sampleIndex !== b.sampleIndex ||
    a.learningRate !== b.learningRate ||
    a.stepIndex !== b.stepIndex ||
    a.granularity !== b.granularity ||
    a.selection !== b.selection ||
    a.notation !== b.notation ||
    a.view !== b.view ||
    a.exampleId !== b.exampleId ||
    a.history !== b.history
  );
}
