/**
 * Every keyboard shortcut of the app, once: the handlers test key presses with `matches`, the
 * buttons' tooltips and aria-keyshortcuts name the keys from here, and the "Keyboard shortcuts"
 * dialog lists them all. A shortcut without `matches` is handled by the focused control itself
 * (a number field, the samples, a diagram unit) and is listed here for the learner.
 */

/** A key press as the handlers see it (a KeyboardEvent has all of these). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export interface Shortcut {
  /** The keys as the learner reads them: "→", "Ctrl+Z". */
  keys: string;
  /** What the keys do, in the learner's words. */
  does: string;
  /** For aria-keyshortcuts (ARIA's key names), on the control that does the same. */
  aria?: string;
  /** Whether a key press is this shortcut. */
  matches?: (press: KeyPress) => boolean;
}

const plain = (p: KeyPress) => !p.ctrlKey && !p.metaKey && !p.altKey;
const command = (p: KeyPress) => (p.ctrlKey || p.metaKey) && !p.altKey;
const plainKey = (key: string) => (p: KeyPress) => plain(p) && p.key === key;

export const SHORTCUTS = {
  stepForward: {
    keys: '→',
    does: 'Step forward',
    aria: 'ArrowRight',
    matches: plainKey('ArrowRight'),
  },
  stepBack: { keys: '←', does: 'Step back', aria: 'ArrowLeft', matches: plainKey('ArrowLeft') },
  resetPass: { keys: 'Home', does: 'Reset pass', aria: 'Home', matches: plainKey('Home') },
  goToEnd: {
    keys: 'End',
    does: 'Go to the last step of the pass',
    aria: 'End',
    matches: plainKey('End'),
  },
  playPause: { keys: 'Space', does: 'Play or pause', aria: 'Space', matches: plainKey(' ') },
  undo: {
    keys: 'Ctrl+Z or ⌘Z',
    does: 'Undo',
    aria: 'Control+Z Meta+Z',
    matches: (p: KeyPress) => command(p) && !p.shiftKey && p.key.toLowerCase() === 'z',
  },
  redo: {
    keys: 'Ctrl+Shift+Z, Ctrl+Y or ⌘⇧Z',
    does: 'Redo',
    aria: 'Control+Shift+Z Control+Y Meta+Shift+Z Meta+Y',
    matches: (p: KeyPress) =>
      command(p) && ((p.shiftKey && p.key.toLowerCase() === 'z') || p.key.toLowerCase() === 'y'),
  },
  selectInDiagram: {
    keys: 'Tab, then Enter',
    does: 'Go to a unit, weight or bias of the diagram, then select it',
  },
  zoomDiagram: {
    keys: 'Ctrl + wheel',
    does: 'Zoom the diagram (the wheel alone once you have clicked it); drag to pan',
  },
  switchTab: {
    keys: '← →',
    does: 'On the tabs: switch between stepping through a pass and training',
    matches: (p: KeyPress) => plain(p) && (p.key === 'ArrowLeft' || p.key === 'ArrowRight'),
  },
  switchSample: { keys: '← → ↑ ↓', does: 'On the samples: show another sample in the diagram' },
  nudge: { keys: '↑ ↓ (Shift: ×10)', does: 'In a number field: nudge the value by a step' },
  commitField: {
    keys: 'Enter, Esc',
    does: 'In a number field: apply what you typed; or drop it and keep the value',
  },
  showShortcuts: {
    keys: '?',
    does: 'Show this list of keyboard shortcuts (Esc closes it)',
    aria: 'Shift+?',
    matches: (p: KeyPress) => plain(p) && p.key === '?',
  },
} as const satisfies Record<string, Shortcut>;

/** The dialog's sections, in the order a learner meets them. */
export const SHORTCUT_GROUPS: readonly { title: string; shortcuts: readonly Shortcut[] }[] = [
  {
    title: 'Step through a pass',
    shortcuts: [
      SHORTCUTS.stepForward,
      SHORTCUTS.stepBack,
      SHORTCUTS.resetPass,
      SHORTCUTS.goToEnd,
      SHORTCUTS.playPause,
    ],
  },
  { title: 'Your work (both tabs)', shortcuts: [SHORTCUTS.undo, SHORTCUTS.redo] },
  { title: 'Diagram', shortcuts: [SHORTCUTS.selectInDiagram, SHORTCUTS.zoomDiagram] },
  {
    title: 'Controls',
    shortcuts: [
      SHORTCUTS.switchTab,
      SHORTCUTS.switchSample,
      SHORTCUTS.nudge,
      SHORTCUTS.commitField,
    ],
  },
  { title: 'Help', shortcuts: [SHORTCUTS.showShortcuts] },
];

/** A control's tooltip with its key: "Step forward (→)". */
export function withKeys(shortcut: Shortcut, label: string = shortcut.does): string {
  return `${label} (${shortcut.keys})`;
}

/**
 * Does the focused element use this key itself (typing, a select, arrows in a radio group or the
 * tabs, Space on a button), so a page-wide shortcut must not fire?
 */
export function keyTakenByFocus(target: EventTarget | null, key: string): boolean {
  if (typeof Element === 'undefined' || !(target instanceof Element)) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  if (key.startsWith('Arrow') && target.closest('[role="radiogroup"], [role="tablist"]'))
    return true;
  // Space presses a focused button (a diagram edge or unit is one too).
  if (key === ' ' && (target.tagName === 'BUTTON' || target.getAttribute('role') === 'button'))
    return true;
  return false;
}
