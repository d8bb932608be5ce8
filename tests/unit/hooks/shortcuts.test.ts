import { describe, expect, it } from 'vitest';
import { SHORTCUT_GROUPS, SHORTCUTS, withKeys, type KeyPress } from '../../../src/hooks/shortcuts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('the keyboard shortcuts', () => {
  it('match the keys they list, and no modified ones', () => {
    expect(SHORTCUTS.stepForward.matches(press('ArrowRight'))).toBe(true);
    expect(SHORTCUTS.stepForward.matches(press('ArrowRight', { ctrlKey: true }))).toBe(false);
    expect(SHORTCUTS.playPause.matches(press(' '))).toBe(true);
    expect(SHORTCUTS.showShortcuts.matches(press('?', { shiftKey: true }))).toBe(true);
  });

  it('tell undo from redo', () => {
    expect(SHORTCUTS.undo.matches(press('z', { ctrlKey: true }))).toBe(true);
    expect(SHORTCUTS.undo.matches(press('Z', { metaKey: true, shiftKey: true }))).toBe(false);
    expect(SHORTCUTS.redo.matches(press('Z', { metaKey: true, shiftKey: true }))).toBe(true);
    expect(SHORTCUTS.redo.matches(press('y', { ctrlKey: true }))).toBe(true);
    expect(SHORTCUTS.redo.matches(press('y'))).toBe(false);
  });

  it('are all in the list the dialog shows, once each', () => {
    const listed = SHORTCUT_GROUPS.flatMap((group) => group.shortcuts);
    expect(new Set(listed)).toEqual(new Set(Object.values(SHORTCUTS)));
    expect(listed).toHaveLength(Object.values(SHORTCUTS).length);
    expect(withKeys(SHORTCUTS.stepBack)).toBe('Step back (←)');
  });
});
