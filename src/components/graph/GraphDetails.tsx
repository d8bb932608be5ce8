import { pathCount, pathsToRoot, type GraphShape, type GraphValues } from '../../engine';
import { formatNumber } from '../../math/format';
import {
  gateSentence,
  gradientOf,
  graphNodeTitle,
  productText,
  sumText,
  type GraphNodeLabel,
  type GraphWording,
} from '../../math/graph';
import type { NodeReached } from '../../store/graph';

/** Paths listed one by one; past this many only their count and sum are given. */
const LISTED_PATHS = 8;

interface Props {
  shape: GraphShape;
  values: GraphValues;
  labels: readonly GraphNodeLabel[];
  reached: readonly NodeReached[];
  node: number;
  wording: GraphWording;
  digits: number;
}

/**
 * The selected node: its value and ∂L/∂node; what its gate does with the gradient; where a value
 * feeds several nodes, its gradient as the sum of one labelled share per node it feeds (the += of
 * the backward pass); and every path from it to the loss with the product of the local
 * derivatives along it, whose sum is the same gradient (the network view's ∂L/∂w for a weight).
 */
export function GraphDetails(props: Props) {
  const { shape, values, labels, reached, node, wording, digits } = props;
  const n = (x: number) => formatNumber(x, digits);
  const info = shape.nodes[node];
  const label = labels[node];
  if (!info || !label) return null;
  const short = (k: number) => {
    const l = labels[k];
    return l ? l.name || l.op : '';
  };
  const name = short(node);
  const dName = gradientOf(wording.notation, name);
  const got = reached[node] ?? { value: false, grad: false };
  const value = values.value[node] as number;
  const grad = values.grad[node] as number;
  const numbers = got.grad && !Number.isNaN(grad);
  const locals = info.inputs.map((e) => values.local[e] as number);
  const shares = info.outputs.map((e) => {
    const to = shape.edges[e]?.to as number;
    const g = values.grad[to] as number;
    const l = values.local[e] as number;
    return { to, g, l, share: g * l };
  });
  const elsewhere = values.elsewhere[node] as number;
  const otherSamples = (info.kind === 'weight' || info.kind === 'bias') && shape.samples > 1;
  const count = pathCount(shape, node);
  const paths = numbers ? pathsToRoot(shape, values.local, node, LISTED_PATHS) : [];
  const pathSum = paths.reduce((s, p) => s + p.product, 0);

  return (
    <section className="graph-details" aria-label="Selected in the graph">
      <h3>{graphNodeTitle(label)}</h3>
      <p className="graph-numbers">
        <span data-testid="graph-selected-value">
          {name} = {got.value ? n(value) : 'not computed yet'}
        </span>
        {' · '}
        <span data-testid="graph-selected-grad">
          {dName} = {got.grad ? n(grad) : 'not reached by the backward pass yet'}
        </span>
      </p>
      {got.grad && (
        <p className="graph-gate" data-testid="graph-gate">
          {gateSentence(info, wording, grad, locals, digits)}
        </p>
      )}
      {numbers && (shares.length > 1 || otherSamples) && (
        <div className="graph-shares">
          <p>
            {name} feeds {shares.length} node{shares.length === 1 ? '' : 's'}
            {otherSamples ? ` here and the same ${name} in the other samples’ graphs` : ''}: its
            gradient is the sum of one share per use, each ∂{wording.notation.loss.text}/∂(what it
            feeds) × the local derivative (the += of the backward pass).
          </p>
          <ol data-testid="graph-shares">
            {shares.map((s) => (
              <li key={s.to}>
                via {short(s.to)}: {n(s.g)} × {productText([s.l], digits)} = {n(s.share)}
              </li>
            ))}
            {otherSamples && <li>via the other samples: {n(elsewhere)}</li>}
          </ol>
          <p data-testid="graph-shares-sum">
            {dName} ={' '}
            {sumText([...shares.map((s) => s.share), ...(otherSamples ? [elsewhere] : [])], digits)}{' '}
            = {n(grad)}
          </p>
        </div>
      )}
      {node !== shape.root && (
        <div className="graph-paths">
          <p>
            {count === 1 ? 'One path leads' : `${count.toLocaleString('en')} paths lead`} from{' '}
            {name} to the loss
            {numbers ? ': along each, the product of the local derivatives.' : '.'}
          </p>
          {numbers && (
            <>
              <ol data-testid="graph-paths">
                {paths.map((p, k) => (
                  <li key={k}>
                    <span className="graph-path-nodes">
                      {[name, ...p.edges.map((e) => short(shape.edges[e]?.to as number))].join(
                        ' → ',
                      )}
                    </span>
                    <br />
                    {productText(
                      p.edges.map((e) => values.local[e] as number),
                      digits,
                    )}{' '}
                    = <span data-testid="graph-path-product">{n(p.product)}</span>
                  </li>
                ))}
              </ol>
              <p data-testid="graph-path-sum">
                {count <= LISTED_PATHS
                  ? `${sumText(
                      paths.map((p) => p.product),
                      digits,
                    )} = ${n(pathSum)}`
                  : `The ${count.toLocaleString('en')} products add up to ${n(grad - elsewhere)}: the backward pass gets this sum without listing a path, each node adding up what comes back along its edges.`}
                {otherSamples
                  ? `; with the other samples’ share, ${n(elsewhere)}, ${dName} = ${n(grad)}`
                  : count <= LISTED_PATHS
                    ? ` = ${dName}`
                    : ''}
              </p>
            </>
          )}
        </div>
      )}
    </section>
  );
}
