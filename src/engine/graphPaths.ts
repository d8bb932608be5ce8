import type { GraphShape } from './graph';

/**
 * The paths from a node to the loss (colah's "sum over paths"): ∂L/∂node is the sum, over every
 * path from the node to the root, of the product of the local derivatives along it. The backward
 * pass gets the same sum without listing them: each node adds up what comes back along its edges.
 */

/** A path to the root: its edges in order, and the product of their local derivatives. */
export interface GraphPath {
  edges: number[];
  product: number;
}

/** Every edge on some path from the node to the root: all the edges reachable from it. */
export function edgesToRoot(shape: GraphShape, node: number): Set<number> {
  const found = new Set<number>();
  const stack = [node];
  const seen = new Set<number>(stack);
  while (stack.length > 0) {
    const at = stack.pop() as number;
    for (const e of shape.nodes[at]?.outputs ?? []) {
      found.add(e);
      const to = (shape.edges[e] as { to: number }).to;
      if (!seen.has(to)) {
        seen.add(to);
        stack.push(to);
      }
    }
  }
  return found;
}

/** How many paths lead from the node to the root (a count, never listed: it grows as fan-out^depth). */
export function pathCount(shape: GraphShape, node: number): number {
  const count = new Float64Array(shape.nodes.length);
  count[shape.root] = 1;
  for (let k = shape.nodes.length - 1; k >= node; k--) {
    if (k === shape.root) continue;
    let total = 0;
    for (const e of shape.nodes[k]?.outputs ?? []) total += count[shape.edges[e]?.to ?? 0] ?? 0;
    count[k] = total;
  }
  return count[node] ?? 0;
}

/**
 * The first `limit` paths from the node to the root, in the order of the edges out of each node,
 * each with the product of the local derivatives `local` along it.
 */
export function pathsToRoot(
  shape: GraphShape,
  local: ArrayLike<number>,
  node: number,
  limit: number,
): GraphPath[] {
  const paths: GraphPath[] = [];
  const walk = (at: number, edges: number[], product: number) => {
    if (paths.length >= limit) return;
    if (at === shape.root) {
      paths.push({ edges, product });
      return;
    }
    for (const e of shape.nodes[at]?.outputs ?? []) {
      const to = (shape.edges[e] as { to: number }).to;
      walk(to, [...edges, e], product * (local[e] as number));
    }
  };
  walk(node, [], 1);
  return paths;
}
