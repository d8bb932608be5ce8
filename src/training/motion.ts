/** The browser's "reduce motion" media query, asked once; its `matches` follows the setting. */
let query: MediaQueryList | null | undefined;

/** Does the learner ask for reduced motion? (False where there is no matchMedia, as in tests.) */
export function prefersReducedMotion(): boolean {
  if (query === undefined)
    query =
      typeof matchMedia === 'undefined' ? null : matchMedia('(prefers-reduced-motion: reduce)');
  return query?.matches ?? false;
}
