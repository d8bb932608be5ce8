import { useEffect } from 'react';
import type { LandscapeParameter, Network } from '../../engine';
import { parameterLabel, type Notation } from '../../math';
import { LANDSCAPE_SIDES, type LandscapeSide } from '../../store/types';

/** A parameter's key in the panel's lists: 'w 2 0 1', 'b 1 0'. */
export const keyOf = (p: LandscapeParameter) =>
  p.kind === 'weight' ? `w ${p.layer} ${p.from} ${p.to}` : `b ${p.layer} ${p.unit}`;

/** Every weight and bias of the network, layer by layer, each layer's weights then its biases. */
export function parametersOf(network: Network): LandscapeParameter[] {
  return network.layers.flatMap((layer, l) => [
    ...layer.weights.flatMap((row, from) =>
      row.map((_, to): LandscapeParameter => ({ kind: 'weight', layer: l + 1, from, to })),
    ),
    ...layer.biases.map((_, unit): LandscapeParameter => ({ kind: 'bias', layer: l + 1, unit })),
  ]);
}

/**
 * Weights and biases the learner selects on the diagram (the stepper's edges): while the panel
 * picks on the diagram it listens, and each one selected is its next parameter.
 */
export interface DiagramPicks {
  /** Starts listening (the diagram's selection is cleared first); returns how to stop. */
  listen(onPick: (p: LandscapeParameter) => void): () => void;
}

/** Which parameter the next pick on the diagram sets, or null when not picking. */
export type Picking = 'x' | 'y' | null;

interface ParameterPicksProps {
  parameters: LandscapeParameter[];
  first: LandscapeParameter;
  second: LandscapeParameter;
  side: LandscapeSide;
  notation: Notation;
  onFirst(p: LandscapeParameter): void;
  onSecond(p: LandscapeParameter): void;
  onSide(side: LandscapeSide): void;
  /** Null where the tab's diagram has no edges to click (the Train tab's is a picture). */
  diagram: DiagramPicks | null;
  picking: Picking;
  onPicking(picking: Picking): void;
}

/**
 * The landscape's two parameters, from two lists or by clicking two edges of the diagram ("Pick on
 * the diagram": the next two weights or biases selected are the first and the second; Escape or
 * the button again cancels), and the grid's side.
 */
export function ParameterPicks(props: ParameterPicksProps) {
  const { parameters, notation, diagram, picking, onPicking } = props;
  const byKey = new Map(parameters.map((p) => [keyOf(p), p]));

  useEffect(() => {
    if (!picking || !diagram) return;
    const stop = diagram.listen((p) => {
      if (picking === 'x') {
        props.onFirst(p);
        onPicking('y');
      } else {
        props.onSecond(p);
        onPicking(null);
      }
    });
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onPicking(null);
    };
    document.addEventListener('keydown', onKey);
    return () => {
      stop();
      document.removeEventListener('keydown', onKey);
    };
    // The callbacks are the panel's, new each render; what picking listens for is this.
  }, [picking, diagram]); // eslint-disable-line react-hooks/exhaustive-deps

  const list = (
    label: string,
    value: LandscapeParameter,
    onChange: (p: LandscapeParameter) => void,
  ) => (
    <label className="landscape-pick">
      {label}
      <select
        value={keyOf(value)}
        onChange={(event) => {
          const p = byKey.get(event.target.value);
          if (p) onChange(p);
        }}
      >
        {parameters.map((p) => (
          <option key={keyOf(p)} value={keyOf(p)}>
            {parameterLabel(p, notation)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <>
      <div className="landscape-controls">
        {list('First parameter', props.first, props.onFirst)}
        {list('Second parameter', props.second, props.onSecond)}
        {diagram && (
          <button
            type="button"
            aria-pressed={picking !== null}
            onClick={() => onPicking(picking ? null : 'x')}
          >
            Pick on the diagram
          </button>
        )}
        <label className="landscape-pick">
          Grid
          <select
            value={props.side}
            onChange={(event) => {
              const side = LANDSCAPE_SIDES.find((s) => s === Number(event.target.value));
              if (side) props.onSide(side);
            }}
          >
            {LANDSCAPE_SIDES.map((r) => (
              <option key={r} value={r}>
                {r} × {r}
              </option>
            ))}
          </select>
        </label>
      </div>
      {picking && (
        <p className="hint landscape-picking" role="status">
          Click the {picking === 'x' ? 'first' : 'second'} parameter&apos;s edge in the diagram (or
          focus it and press Enter); a bias is the edge from its unit&apos;s bias. Escape cancels.
        </p>
      )}
    </>
  );
}
