import { memo, useLayoutEffect, useRef } from 'react';
import { followVisibility, showWhenSeen } from './onScreen';
import { texSource } from './render';
import { followWidth } from './fitting';

/**
 * One typeset equation. The markup is set outside React's rendering and updated in place (showTex):
 * while a weight is dragged only the numbers that changed are touched, before the frame is painted
 * if the equation is on screen, and when the page is idle if it is not (showWhenSeen).
 */
export const Tex = memo(function Tex({ tex, display = false }: { tex: string; display?: boolean }) {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const stopVisibility = followVisibility(element);
    // A display equation is laid out again when its box changes width (refit).
    const stopWidth = display ? followWidth(element) : undefined;
    return () => {
      stopVisibility();
      stopWidth?.();
    };
  }, [display]);
  useLayoutEffect(() => {
    if (ref.current) {
      const fallback = display ? () => texSource(tex, display, true) : undefined;
      showWhenSeen(ref.current, texSource(tex, display), fallback);
    }
  }, [tex, display]);
  if (!display) return <span ref={ref} className="tex" />;
  // The box around a display equation is not rendered while it is out of view (styles.css): the
  // equation inside it is still measured at its true size when it is fitted (fitting.ts).
  return (
    <span className="tex-view">
      <span ref={ref} className="tex tex-display" />
    </span>
  );
});
