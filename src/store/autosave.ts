/** The key of the single localStorage save used before the works database (migrated from once). */
export const STORAGE_KEY = 'backstep.work';
export const SHARE_PARAM = 'work';

/** The browser's localStorage, or null where there is none or it is blocked (reading it throws). */
export function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** The share-link fragment's payload, if the address has one: #work=… */
export function shareFragment(hash: string): string | null {
  const match = /^#?work=(.+)$/.exec(hash);
  return match ? (match[1] as string) : null;
}
