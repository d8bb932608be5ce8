import { memo, useLayoutEffect, useRef } from 'react';
import { texSource } from './render';
import { showTex } from './typeset';

/**
 * One typeset equation. The markup is set outside React's rendering and updated in place (showTex):
 * while a weight is dragged only the numbers that changed are touched, before the frame is painted.
 */
export const Tex = memo(function Tex({ tex, display = false }: { tex: string; display?: boolean }) {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    if (ref.current) showTex(ref.current, texSource(tex, display));
  }, [tex, display]);
  return <span ref={ref} className={display ? 'tex tex-display' : 'tex'} />;
});
