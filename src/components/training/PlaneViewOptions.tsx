import { layerSizes } from '../../store';
import { useApp } from '../../store/context';
import type { UnitRef } from '../../training/protocol';
import { usePlotView, useTrainingKit } from './kit';

/** How the learner reads a unit: "input x₁²", "hidden layer 2, unit 3". */
export function unitName(ref: UnitRef, inputNames: readonly string[]): string {
  return ref.layer === 0
    ? `input ${inputNames[ref.unit] ?? ref.unit + 1}`
    : `hidden layer ${ref.layer}, unit ${ref.unit + 1}`;
}

const keyOf = (ref: UnitRef | null) => (ref ? `${ref.layer}:${ref.unit}` : '');

/**
 * What the big picture shows — the output, or any input or hidden unit at full size (as pointing
 * at a unit in the diagram does) — and whether it is discretized to two colors, as Playground's
 * "Discretize output".
 */
export function PlaneViewOptions({ inputNames }: { inputNames: readonly string[] }) {
  const { controller } = useTrainingKit();
  const view = usePlotView();
  const hidden = useApp((s) => layerSizes(s.network).slice(1, -1).join());
  const units: UnitRef[] = [
    ...inputNames.map((_, unit) => ({ layer: 0, unit })),
    ...(hidden ? hidden.split(',').map(Number) : []).flatMap((n, l) =>
      Array.from({ length: n }, (_, unit) => ({ layer: l + 1, unit })),
    ),
  ];
  const shown = units.some((u) => keyOf(u) === keyOf(view.focus)) ? keyOf(view.focus) : '';
  return (
    <div className="plane-options">
      <label className="inline-label">
        Show
        <select
          value={shown}
          onChange={(e) =>
            controller.setView({
              focus: units.find((u) => keyOf(u) === e.target.value) ?? null,
            })
          }
        >
          <option value="">the network&apos;s output</option>
          {units.map((u) => (
            <option key={keyOf(u)} value={keyOf(u)}>
              {unitName(u, inputNames)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-label">
        <input
          type="checkbox"
          checked={view.discretize}
          onChange={(e) => controller.setView({ discretize: e.target.checked })}
        />
        Discretize (two colors)
      </label>
    </div>
  );
}
