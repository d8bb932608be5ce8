/// <reference lib="webworker" />
import { readTable, tableTransferables } from '../data';
import type { TableReply } from './tableClient';
import { hashKey } from './textKey';

/**
 * Reads a table off the page's thread: a 5 MB file takes a while, and the page must not freeze.
 * Says how far it got now and then, then hands the table's arrays over (moved, not copied).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<string>) => {
  const reply = (message: TableReply, transfer: ArrayBuffer[] = []) =>
    scope.postMessage(message, transfer);
  try {
    const result = readTable(event.data, (fraction) => reply({ kind: 'progress', fraction }));
    const key = hashKey(event.data);
    reply({ kind: 'done', result, key }, result.ok ? tableTransferables(result.table) : []);
  } catch (error) {
    reply({ kind: 'done', result: { ok: false, error: (error as Error).message } });
  }
};
