import { describe, expect, it } from 'vitest';
import { edgePainter } from '../../../src/components/diagram/edgePaint';
import { selectColumnLook } from '../../../src/components/diagram/edgeScale';
import { createAppStore } from '../../../src/store';

/** An edge element as the painter sees it: what was last written on it, and how often. */
function fakeEdge() {
  const edge = {
    look: '',
    width: '',
    writes: 0,
    setAttribute(name: string, value: string) {
      if (name === 'data-look') edge.look = value;
      edge.writes++;
    },
    style: {
      setProperty(name: string, value: string) {
        if (name === '--w') edge.width = value;
        edge.writes++;
      },
    },
  };
  return edge;
}

type FakeEdge = ReturnType<typeof fakeEdge>;

/** Layer 2 of the 2-2-2 example: weights[from][to] and the two biases, attached to a painter. */
function paintedLayer2() {
  const painter = edgePainter();
  const weights = [0, 1].map((from) =>
    [0, 1].map((to) => {
      const edge = fakeEdge();
      painter.attach(from, to, edge as unknown as SVGGElement);
      return edge;
    }),
  );
  const biases = [0, 1].map((unit) => {
    const edge = fakeEdge();
    painter.attach(-1, unit, edge as unknown as SVGGElement);
    return edge;
  });
  return { painter, weights, biases, all: [...weights.flat(), ...biases] };
}

const writes = (edges: FakeEdge[]) => edges.map((edge) => edge.writes);

describe('the edge painter', () => {
  it('draws every edge first, then only the edges that look different', () => {
    const store = createAppStore();
    const { painter, weights, biases, all } = paintedLayer2();
    painter.show(selectColumnLook(store.getState(), 2));
    expect(writes(all)).toEqual([2, 2, 2, 2, 2, 2]); // data-look and --w
    // w = 0.4 of the largest |parameter| 0.6 (b₂⁽²⁾), positive.
    expect(weights[0]?.[0]).toMatchObject({ look: 'positive', width: '4.5px' });
    expect(biases[0]).toMatchObject({ look: 'positive', width: '7px' });

    // w₁₁⁽²⁾ = −0.4: its edge changes color, not width, and nothing else is touched.
    store.getState().setParameter({ kind: 'weight', layer: 2, from: 0, to: 0 }, -0.4);
    painter.show(selectColumnLook(store.getState(), 2));
    expect(weights[0]?.[0]).toMatchObject({ look: 'negative', width: '4.5px' });
    expect(writes(all)).toEqual([3, 2, 2, 2, 2, 2]);
    // −0.2: its width alone.
    store.getState().setParameter({ kind: 'weight', layer: 2, from: 0, to: 0 }, -0.2);
    painter.show(selectColumnLook(store.getState(), 2));
    expect(weights[0]?.[0]).toMatchObject({ look: 'negative', width: '2.5px' });
    expect(writes(all)).toEqual([4, 2, 2, 2, 2, 2]);
    // The same look again: nothing is written.
    painter.show(selectColumnLook(store.getState(), 2));
    expect(writes(all)).toEqual([4, 2, 2, 2, 2, 2]);
  });

  it('draws an edge attached later with the look shown, and lets go of one detached', () => {
    const store = createAppStore();
    const { painter, weights } = paintedLayer2();
    painter.show(selectColumnLook(store.getState(), 2));
    const late = fakeEdge();
    painter.attach(0, 0, null);
    painter.attach(0, 0, late as unknown as SVGGElement);
    expect(late).toMatchObject({ look: 'positive', width: '4.5px', writes: 2 });
    store.getState().setParameter({ kind: 'weight', layer: 2, from: 0, to: 0 }, 0);
    painter.show(selectColumnLook(store.getState(), 2));
    expect(late).toMatchObject({ look: 'zero', width: '0.75px' });
    expect(weights[0]?.[0]?.writes).toBe(2); // the detached one
  });

  it('draws every edge as pending when there is no look, and a dashed hairline is 1 px', () => {
    const { painter, all } = paintedLayer2();
    painter.show(undefined);
    expect(all.map((edge) => [edge.look, edge.width])).toEqual(
      Array.from({ length: 6 }, () => ['pending', '1px']),
    );
  });
});
