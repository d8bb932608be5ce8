import type { TableResult } from '../data';
import type { TrainingChoices } from './choices';
import { nextTask } from './client';
import { preparedOf, tableTextOf } from './selectors';
import { isTableRead, readingFor, rememberTable, tableFor } from './tables';
import { knowTextKey } from './textKey';

/** What the table worker says: how far it got, then the table (or why not) and the text's key. */
export type TableReply =
  { kind: 'progress'; fraction: number } | { kind: 'done'; result: TableResult; key?: string };

/**
 * Read a table in a Web Worker (on the page's thread where there is none, as in unit tests),
 * hearing the share read as it goes; the table is then kept (tables.ts) for the choices naming it.
 */
export function readTableOffThread(
  text: string,
  onProgress: (fraction: number) => void = () => {},
): Promise<TableResult> {
  if (isTableRead(text) || typeof Worker === 'undefined') return Promise.resolve(tableFor(text));
  const worker = new Worker(new URL('./tableWorker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve) => {
    const finish = (result: TableResult) => {
      worker.terminate();
      rememberTable(text, result);
      resolve(result);
    };
    worker.onmessage = (event: MessageEvent<TableReply>) => {
      if (event.data.kind === 'progress') onProgress(event.data.fraction);
      else {
        if (event.data.key) knowTextKey(text, event.data.key);
        finish(event.data.result);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish({
        ok: false,
        error: `The file could not be read: ${event.message || 'the reader stopped'}.`,
      });
    };
    worker.postMessage(text);
  });
}

/**
 * Work out ahead, each in a task of its own, what choosing these choices will need: the table's
 * reading (targets, classes, the packed points), then the split, scaled (selectors.ts keeps both).
 * The choice itself then finds them done, and the page never does all of it in one long task.
 */
export async function readAhead(next: TrainingChoices): Promise<void> {
  const text = tableTextOf(next);
  if (text === null) return;
  await nextTask();
  if (!readingFor(text, next.reading).ok) return;
  await nextTask();
  preparedOf(next);
  await nextTask();
}
