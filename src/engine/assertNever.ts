/**
 * The default of a `switch` over a closed set of ids (activations, losses): it compiles only when
 * every case is handled, so adding an id to a registry points at each switch that needs it.
 */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}
