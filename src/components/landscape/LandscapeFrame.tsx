import { useId, type ReactNode } from 'react';

/**
 * The panel's frame: a region named by its heading "Loss landscape", with a button that shows or
 * hides what is inside (the landscape is computed only while it is shown).
 */
export function LandscapeFrame({
  open,
  onToggle,
  children,
}: {
  open: boolean;
  onToggle: (open: boolean) => void;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="landscape-panel" aria-labelledby={`${id}-title`}>
      <div className="landscape-head">
        <h2 id={`${id}-title`}>Loss landscape</h2>
        <button
          type="button"
          className="landscape-toggle"
          aria-expanded={open}
          onClick={() => onToggle(!open)}
        >
          {open ? 'Hide the loss landscape' : 'Show the loss landscape'}
        </button>
      </div>
      {open && children}
    </section>
  );
}
