/// <reference lib="webworker" />
import type { TableReply, TableRequest } from './tableClient';
import { buffersIn, readTableAhead } from './tableJob';
import { hashKey } from './textKey';

/**
 * Reads a table off the page's thread: a 5 MB file takes a while, and the page must not freeze.
 * Says how far it got now and then; with the choices the page will use next, also reads the data
 * with them and splits it (tableJob.ts); then hands it all over (the arrays moved, not copied).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<TableRequest>) => {
  const reply = (message: TableReply, transfer: ArrayBuffer[] = []) =>
    scope.postMessage(message, transfer);
  const { ahead } = event.data;
  try {
    // A file's bytes, read as the page read them (UTF-8, as Blob.text() there).
    const text =
      typeof event.data.text === 'string' ? event.data.text : await event.data.text.text();
    const done = readTableAhead(text, ahead, (fraction) => reply({ kind: 'progress', fraction }));
    const key = hashKey(text);
    reply({ kind: 'done', ...done, key }, buffersIn(done));
  } catch (error) {
    reply({ kind: 'done', result: { ok: false, error: (error as Error).message } });
  }
};
