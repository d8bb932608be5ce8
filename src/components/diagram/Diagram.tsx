import { useApp } from '../../store/context';
import { layerSizes } from '../../store';

/** Placeholder: the network's shape from the store. Replaced by the full diagram. */
export function Diagram() {
  const network = useApp((s) => s.network);
  const sizes = layerSizes(network);
  return (
    <svg
      role="img"
      aria-label="Network diagram"
      viewBox={`0 0 ${sizes.length * 120} 300`}
      width="100%"
    >
      {sizes.map((n, l) =>
        Array.from({ length: n }, (_, u) => (
          <circle
            key={`${l}-${u}`}
            cx={60 + l * 120}
            cy={40 + u * 60}
            r={18}
            fill="#dbeafe"
            stroke="#1e3a8a"
          />
        )),
      )}
    </svg>
  );
}
