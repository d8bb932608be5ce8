import { useShallow } from 'zustand/react/shallow';
import type { Notation } from '../../math';
import { formatNumber } from '../../math/format';
import type { Selection } from '../../store';
import { useApp, useAppStoreApi } from '../../store/context';

type UnitSelection = Extract<Selection, { kind: 'unit' }>;

/**
 * A selected unit's weights and bias as buttons: the keyboard's way to a weight (edges are too
 * many to be tab stops), and a list of what feeds the unit. Incoming for a weighted layer; for an
 * input, the weights it sends to layer 1.
 */
export function UnitParameters({ unit, notation }: { unit: UnitSelection; notation: Notation }) {
  const store = useAppStoreApi();
  const { layer, unit: j } = unit;
  const incoming = layer > 0;
  const weighted = incoming ? layer : 1;
  const values = useApp(
    useShallow((s) => {
      const params = s.network.layers[weighted - 1];
      if (!params) return [];
      return incoming
        ? [...params.weights.map((row) => row[j] ?? 0), params.biases[j] ?? 0]
        : (params.weights[j] ?? []);
    }),
  );
  const name = notation.text.unit('a', layer, j);

  return (
    <div className="unit-parameters">
      <p className="hint">
        {incoming
          ? `The weights into ${name} and its bias: select one to edit it.`
          : `The weights from input ${name} into layer 1: select one to edit it.`}
      </p>
      <ul className="parameter-buttons">
        {values.map((value, k) => {
          const isBias = incoming && k === values.length - 1;
          const symbol = isBias
            ? notation.text.bias(layer, j)
            : incoming
              ? notation.text.weight(layer, k, j)
              : notation.text.weight(1, j, k);
          return (
            <li key={k}>
              <button
                type="button"
                className="small"
                onClick={() =>
                  store
                    .getState()
                    .select(
                      isBias
                        ? { kind: 'bias', layer, unit: j }
                        : incoming
                          ? { kind: 'weight', layer, from: k, to: j }
                          : { kind: 'weight', layer: 1, from: j, to: k },
                    )
                }
              >
                {symbol} = {formatNumber(value, 4)}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
