import { notationFor } from '../../math/notations';
import { kindName } from '../../practice/names';
import { QUANTITY_KINDS, type PredictHelp } from '../../practice/types';
import { useApp, useAppStoreApi } from '../../store/context';
import { useShallow } from 'zustand/react/shallow';

const HELP_CHOICES: { value: PredictHelp; label: string }[] = [
  { value: 'symbols', label: 'the equation in symbols' },
  { value: 'numbers', label: 'the equation with the numbers' },
  { value: 'none', label: 'nothing' },
];

/** A checkbox for each kind of quantity predict first may ask for (here and in a lesson). */
export function AskedKinds({ legend }: { legend: string }) {
  const store = useAppStoreApi();
  const asked = useApp(useShallow((s) => s.predict.asked));
  const notation = useApp((s) => notationFor(s.notation, s.network));
  const toggle = (kind: (typeof QUANTITY_KINDS)[number], on: boolean) =>
    store.getState().setPredict({
      asked: on ? [...asked, kind] : asked.filter((k) => k !== kind),
    });
  return (
    <fieldset>
      <legend>{legend}</legend>
      {QUANTITY_KINDS.map((kind) => (
        <label key={kind} className="inline-label">
          <input
            type="checkbox"
            checked={asked.includes(kind)}
            onChange={(event) => toggle(kind, event.target.checked)}
          />
          {kindName(kind, notation)}
        </label>
      ))}
    </fieldset>
  );
}

/** What predict first asks for (each kind of quantity) and how much help it gives. */
export function PredictOptions() {
  const store = useAppStoreApi();
  const help = useApp((s) => s.predict.help);

  return (
    <details className="predict-options">
      <summary>What is asked, how much help</summary>
      <AskedKinds legend="Ask for" />
      <label className="inline-label">
        Help
        <select
          value={help}
          onChange={(event) => {
            const chosen = HELP_CHOICES.find((c) => c.value === event.target.value);
            if (chosen) store.getState().setPredict({ help: chosen.value });
          }}
        >
          {HELP_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">
        After a wrong answer the help goes up: the equation in symbols, then with the numbers.
      </p>
    </details>
  );
}
