import { browserStorage } from '../../store/autosave';

/** Set once the first visit's tour was taken or declined: it is offered only until then. */
const TOUR_SEEN_KEY = 'backstep.tourSeen';

export function tourSeen(): boolean {
  try {
    return browserStorage()?.getItem(TOUR_SEEN_KEY) === '1';
  } catch {
    return false;
  }
}

export function markTourSeen(): void {
  try {
    browserStorage()?.setItem(TOUR_SEEN_KEY, '1');
  } catch {
    // Storage full or blocked: the offer comes back on the next visit, which does no harm.
  }
}
