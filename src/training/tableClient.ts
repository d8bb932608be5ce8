import { featuresFor, type TableResult } from '../data';
import type { TrainingChoices } from './choices';
import { nextTask } from './client';
import { preparedOf, rememberPrepared, scalingOf, tableTextOf } from './selectors';
import type { TableAhead, TableDone } from './tableJob';
import { bytesOfText } from './storedTexts';
import { isTableRead, readingFor, rememberReading, rememberTable, tableFor } from './tables';
import { knowTextKey } from './textKey';

/** What the page asks the table worker: a text, and the choices it will read it with next. */
export type TableRequest = { text: string | Blob; ahead?: TableAhead };

/** What the table worker says: how far it got, then the table (or why not) and the text's key. */
export type TableReply =
  { kind: 'progress'; fraction: number } | ({ kind: 'done'; key?: string } & TableDone);

/** The choices a table will be read with next, as the worker takes them. */
export function aheadOf(c: TrainingChoices): TableAhead {
  return {
    reading: c.reading,
    features: c.features,
    trainFraction: c.trainFraction,
    dataSeed: c.dataSeed,
    scaling: scalingOf(c),
  };
}

/**
 * Keep what the worker read: the table (tables.ts) and, read with the choices ahead, the data and
 * its split (selectors.ts), as though the page had worked them out itself.
 */
export function keepTableDone(text: string, done: TableDone, ahead?: TableAhead): void {
  rememberTable(text, done.result);
  if (!ahead || !done.reading) return;
  rememberReading(text, ahead.reading, done.reading);
  if (!done.reading.ok || !done.prepared) return;
  rememberPrepared(
    { ...ahead, features: [...ahead.features], dataset: done.reading.dataset },
    { ...done.prepared, features: featuresFor(done.prepared.rawInputs, ahead.features) },
  );
}

/**
 * Read a table in a Web Worker (on the page's thread where there is none, as in unit tests),
 * hearing the share read as it goes; the table is then kept (tables.ts) for the choices naming it.
 * With the choices it will be used with next (`next`), the worker also reads the data with them
 * and splits it, and the page keeps those too: none of it is done on the page's thread.
 */
export function readTableOffThread(
  text: string,
  onProgress: (fraction: number) => void = () => {},
  next?: TrainingChoices,
): Promise<TableResult> {
  if (isTableRead(text) || typeof Worker === 'undefined') return Promise.resolve(tableFor(text));
  const ahead = next && tableTextOf(next) === text ? aheadOf(next) : undefined;
  const worker = new Worker(new URL('./tableWorker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve) => {
    const finish = (done: TableDone) => {
      worker.terminate();
      keepTableDone(text, done, ahead);
      resolve(done.result);
    };
    worker.onmessage = (event: MessageEvent<TableReply>) => {
      if (event.data.kind === 'progress') onProgress(event.data.fraction);
      else {
        if (event.data.key) knowTextKey(text, event.data.key);
        finish(event.data);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish({
        result: {
          ok: false,
          error: `The file could not be read: ${event.message || 'the reader stopped'}.`,
        },
      });
    };
    // The file's bytes where the page has them: a Blob is passed by reference, a string copied.
    const request: TableRequest = { text: bytesOfText(text) ?? text, ahead };
    worker.postMessage(request);
  });
}

/**
 * Work out ahead, each in a task of its own, what choosing these choices will need: the table's
 * reading (targets, classes, the packed points), then the split, scaled (selectors.ts keeps both).
 * The choice itself then finds them done, and the page never does all of it in one long task.
 * (Already done when the worker read the table with these choices: then both are found kept.)
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
