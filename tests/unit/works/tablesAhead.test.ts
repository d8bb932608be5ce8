import { describe, expect, it } from 'vitest';
import { realText } from '../../../src/data/realDatasets';
import { isTableRead } from '../../../src/training/tables';
import { readTablesNamedIn } from '../../../src/works/trainingSide';

/**
 * Before a saved or linked training is read, the tables it names are read (off the page's thread in
 * the browser; on it here, with no Worker): the datasets in the box it names and a CSV text a link
 * carries, so reading the training finds them done.
 */
describe('readTablesNamedIn', () => {
  it('reads the dataset in the box a save names, and the CSV a link carries', async () => {
    const carried = 'a,b,label\n1,2,x\n3,4,y\n5,6,x\n';
    expect(isTableRead(carried)).toBe(false);
    await readTablesNamedIn({
      app: 'backstep-training',
      version: 2,
      choices: { source: 'real', real: 'wine', csv: { name: 'mine.csv', text: carried } },
    });
    const wine = realText('wine');
    expect(wine?.length).toBeGreaterThan(10_000);
    expect(isTableRead(wine ?? '')).toBe(true);
    expect(isTableRead(carried)).toBe(true);
    expect(isTableRead(realText('iris') ?? 'not loaded')).toBe(false);
  });

  it('reads nothing for nothing saved', async () => {
    await expect(readTablesNamedIn(null)).resolves.toBeUndefined();
    await expect(readTablesNamedIn('{"choices":{"csv":null}}')).resolves.toBeUndefined();
  });
});
