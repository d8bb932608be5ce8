import { useApp, useAppStoreApi } from '../../store/context';

/** "Computation graph": the pass as a graph of scalar operations instead of the network diagram. */
export function GraphToggle() {
  const store = useAppStoreApi();
  const on = useApp((s) => s.view.graph);
  return (
    <label className="inline-label graph-toggle">
      <input
        type="checkbox"
        checked={on}
        onChange={(event) => store.getState().setView({ graph: event.target.checked })}
      />
      Computation graph
    </label>
  );
}
