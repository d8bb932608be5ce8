import { createAppStore } from '../../../src/store';
import { learnerOf, toSaved } from '../../../src/store/persist';
import { createWorkbench } from '../../../src/training/workbench';
import { trainingSideOf } from '../../../src/works/trainingSide';
import { memoryBackend, type WorksBackend } from '../../../src/works/backend';
import type { WorksChannel, WorksMessage } from '../../../src/works/channel';
import { createWorksDatabase } from '../../../src/works/database';
import { startSession, type SessionDeps } from '../../../src/works/session';
import type { WorkRecord } from '../../../src/works/records';
import { loadTrainingChoices } from '../../../src/training/persist';
import { parseSavedText } from '../../../src/store/persist';

/** A database in memory with predictable ids and dates. */
export function memoryDatabase(backend: WorksBackend = memoryBackend()) {
  let id = 0;
  let minute = 0;
  return createWorksDatabase(backend, {
    newId: () => `work-${++id}`,
    now: () => new Date(Date.UTC(2026, 11, 5, 10, minute++)),
  });
}

/** Tabs of one browser: what one posts, the others hear (not itself). */
export function channelBus() {
  const handlers = new Set<(message: WorksMessage) => void>();
  return (): WorksChannel => {
    const mine = new Set<(message: WorksMessage) => void>();
    return {
      post: (message) => handlers.forEach((h) => !mine.has(h) && h(message)),
      listen(handler) {
        mine.add(handler);
        handlers.add(handler);
        return () => handlers.delete(handler);
      },
    };
  };
}

/** The default work as the serializers write it. */
export function defaultPayload() {
  return {
    stepper: JSON.stringify(toSaved(learnerOf(createAppStore().getState()))),
    training: null,
  };
}

/** A tab: stores loaded from the record, and a session that saves only when told (flush). */
export function openTab(
  db: SessionDeps['db'],
  record: WorkRecord,
  extra: Partial<SessionDeps> = {},
) {
  const loaded = record.stepper ? parseSavedText(record.stepper) : null;
  const app = createAppStore(loaded?.ok ? loaded.work : {});
  const bench = createWorkbench(loadTrainingChoices(record.training));
  const training = trainingSideOf(bench);
  const opened: string[] = [];
  const session = startSession({
    db,
    app,
    training,
    record,
    base: record.revision,
    delayMs: 60_000,
    openWork: (id) => opened.push(id),
    ...extra,
  });
  return { app, training, bench, session, opened };
}

export const setBias = (app: ReturnType<typeof createAppStore>, value: number) =>
  app.getState().setParameter({ kind: 'bias', layer: 1, unit: 0 }, value);
