import { it } from 'vitest';
import { networkLayout } from '../../../src/layout/networkLayout';
it('x', () => {
  for (const sizes of [[2,2,2],[1,1,1,1],[2,3,3],[3,4,4,2],[4,4,4,4],[4,4,4,4,4,4,4,4,4,4],[5,5,5],[8,8,2]]) {
    const t = performance.now();
    const l = networkLayout(sizes, { edgeLabels: true });
    const leaders = [...l.edges.flat(), ...l.biasEdges.flat()].filter(e => e.leader).length;
    console.log(sizes.join('-'), l.columnGap, l.width, l.height, leaders, Math.round(performance.now() - t) + 'ms');
  }
}, 60000);
