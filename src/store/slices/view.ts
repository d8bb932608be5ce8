import type { Slice, ViewActions } from '../actions';
import { isNotationId } from '../../math/notations';
import { LIMITS } from '../limits';
import { HIDEABLE_PANELS } from '../types';

/** Where the learner looks: the selection, the notation, view options and the shown sample. */
export const createViewSlice: Slice<ViewActions> = (set, get) => ({
  select(selection) {
    set({ selection });
  },
  setNotation(notation) {
    if (isNotationId(notation)) set({ notation });
  },
  setView(view) {
    const digits =
      view.digits === undefined
        ? get().view.digits
        : Math.max(LIMITS.minDigits, Math.min(LIMITS.maxDigits, Math.round(view.digits)));
    set({ view: { ...get().view, ...view, digits } });
  },
  setHidden(panel, hide) {
    const hidden = get().view.hidden.filter((p) => p !== panel);
    // In the order of HIDEABLE_PANELS, so the same choice always saves the same.
    const next = HIDEABLE_PANELS.filter((p) => (p === panel ? hide : hidden.includes(p)));
    set({ view: { ...get().view, hidden: next } });
  },
  setSampleIndex(index) {
    if (Number.isInteger(index) && index >= 0 && index < get().samples.length)
      set({ sampleIndex: index });
  },
});
