import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppStore } from '../store/appStore';
import { learnerOf, parseSavedText, toSaved } from '../store/persist';
import type { WorksChannel } from './channel';
import type { Journal } from './journal';
import { storageProblem, type WorksDatabase } from './database';
import { copyName, type WorkPayload, type WorkRecord } from './records';
import { csvKeysIn } from '../training/persist';
import { collectTexts, ensureText } from './texts';

/** A notice about the works, with at most one thing to do about it. */
export interface WorkNotice {
  id: number;
  text: string;
  tone: 'status' | 'alert';
  action?: { label: string; run: () => void };
}

/** What the views show of the session. */
export interface SessionView {
  /** The work open in this tab. */
  workId: string;
  workName: string;
  /** Why the last save failed, until one succeeds. */
  saveProblem: string | null;
  notices: WorkNotice[];
  /** Raised whenever the list of works may have changed. */
  listVersion: number;
}

/** A notice to show after another work has been opened, with the work to go back to. */
export interface PendingNotice {
  text: string;
  backTo: string | null;
  tone?: WorkNotice['tone'];
}

/** The Train tab's work as the session saves it (the workbench, wired in boot.tsx). */
export interface TrainingSide {
  /** The Train tab's work as trainingToJson writes it. */
  serialize(): string;
  /** Show another tab's newer save in place (this tab had changed nothing). */
  adopt(text: string | null): void;
  /** Load what reading that save needs first (a dataset in the box, a CSV text it names). */
  prepare?(text: string | null): Promise<void>;
  /** Store apart the texts the save names by key, before it (a CSV file's: once per text). */
  storeTexts?(): Promise<void>;
  /** Calls back on any change; returns the function that stops listening. */
  subscribe(listener: () => void): () => void;
}

export interface SessionDeps {
  db: WorksDatabase;
  app: AppStore;
  training: TrainingSide;
  /** The open work; `base` is the revision stored (0: not stored yet, the first flush writes it). */
  record: WorkRecord;
  base: number;
  channel?: WorksChannel | null;
  /** Where pagehide writes unsaved changes synchronously (see journal.ts). */
  journal?: Journal | null;
  delayMs?: number;
  /** Show another work in this tab (the page loads it afresh), with a notice. */
  openWork: (id: string, notice?: PendingNotice) => void;
  /** The work this tab shows changed without a new load (a copy was made): remember it. */
  onCurrent?: (id: string) => void;
}

export interface WorkSession {
  view: StoreApi<SessionView>;
  db: WorksDatabase;
  /** Save now if anything changed since the last save; false when the save failed. */
  flush(): Promise<boolean>;
  /** The page is going away: keep unsaved changes in the journal at once, and save them. */
  hide(): void;
  /** The work as the serializers write it, now. */
  payload(): WorkPayload;
  notify(text: string, tone?: WorkNotice['tone'], action?: WorkNotice['action']): void;
  dismiss(id: number): void;
  /** Save this work, then open another; nothing happens if the save failed. */
  open(id: string, notice?: PendingNotice): Promise<boolean>;
  /** Add a work (an import) and open it beside this one. */
  openAsNew(name: string, payload: WorkPayload, text: string): Promise<void>;
  /** Open this work's last saved revision, dropping what was not saved (after a crash). */
  reloadSaved(): void;
  rename(id: string, name: string): Promise<void>;
  duplicate(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  /**
   * Delete the stored texts nothing names any more (works/texts.ts): after startup, and by itself
   * after a save that names other texts than the last, and after a work is deleted.
   */
  sweepTexts(): Promise<void>;
  stop(): void;
}

export function startSession(deps: SessionDeps): WorkSession {
  const { db, app, training, channel = null, journal = null, delayMs = 250 } = deps;
  let meta = deps.record;
  let base = deps.base;
  let stopped = false;
  let nextNotice = 1;
  const view = createStore<SessionView>(() => ({
    workId: meta.id,
    workName: meta.name,
    saveProblem: null,
    notices: [],
    listVersion: 0,
  }));

  const payload = (): WorkPayload => ({
    stepper: JSON.stringify(toSaved(learnerOf(app.getState()))),
    training: training.serialize(),
  });
  // What this tab last wrote (or read), as it would write it: a flush writes only a difference.
  let saved: WorkPayload | null = base > 0 ? payload() : null;
  const changed = (now: WorkPayload) =>
    saved === null || now.stepper !== saved.stepper || now.training !== saved.training;

  const notify: WorkSession['notify'] = (text, tone = 'status', action) => {
    const notice = { id: nextNotice++, text, tone, action };
    view.setState((s) => ({ notices: [...s.notices, notice] }));
  };
  const dismiss = (id: number) =>
    view.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  const listChanged = (tellOthers: boolean) => {
    view.setState((s) => ({ listVersion: s.listVersion + 1 }));
    if (tellOthers) channel?.post({ kind: 'listed' });
  };

  let timer: ReturnType<typeof setTimeout> | null = null;
  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  /** Keep both: this tab's work becomes a copy beside the newer one another tab saved. */
  async function keepBoth(theirs: WorkRecord, mine: WorkPayload) {
    const names = (await db.list()).map((r) => r.name);
    const copy = await db.create(copyName(theirs.name, names), mine);
    meta = copy;
    base = copy.revision;
    saved = mine;
    view.setState({ workId: copy.id, workName: copy.name, saveProblem: null });
    deps.onCurrent?.(copy.id);
    listChanged(true);
    notify(
      `“${theirs.name}” was also changed in another tab. Both are kept: the other tab's version stays “${theirs.name}”, and this tab's is saved as “${copy.name}”, open here.`,
      'alert',
      { label: 'Open the other version', run: () => void open(theirs.id) },
    );
  }

  /** The texts this tab's work named when it last swept. */
  let sweptFor: string | null = null;
  async function sweepTexts(): Promise<void> {
    try {
      const mine = csvKeysIn(payload().training);
      sweptFor = mine.join();
      const named = [...mine];
      for (const { entry } of journal?.pending() ?? []) {
        named.push(...csvKeysIn(entry.payload.training));
      }
      await collectTexts(db, named);
    } catch {
      // Best effort: a text left over is swept next time.
    }
  }

  async function saveIfChanged(): Promise<boolean> {
    clearTimer();
    if (stopped) return true;
    const now = payload();
    if (!changed(now)) return true;
    try {
      await training.storeTexts?.();
      const outcome = await db.save(meta, base, now);
      if (outcome.kind === 'conflict') {
        await keepBoth(outcome.theirs, now);
      } else {
        meta = outcome.record;
        base = meta.revision;
        saved = now;
        journal?.clear();
        view.setState({ saveProblem: null, workName: meta.name });
        channel?.post({ kind: 'saved', id: meta.id, revision: base });
        listChanged(base === 1);
      }
      // This work names other texts now (another file, or none): the one before may be unnamed.
      if (sweptFor !== null && csvKeysIn(now.training).join() !== sweptFor) void sweepTexts();
      return true;
    } catch (error) {
      view.setState({ saveProblem: storageProblem(error) });
      return false;
    }
  }

  // One save at a time, in order: each starts from the revision the one before it wrote.
  let queue: Promise<boolean> = Promise.resolve(true);
  const enqueue = (job: () => Promise<boolean>) => (queue = queue.then(job, job));
  const flush = () => enqueue(saveIfChanged);

  /** Show the newer revision another tab saved (this tab had changed nothing). */
  async function adopt(): Promise<boolean> {
    const record = await db.get(meta.id);
    if (!record || record.revision <= base) return true;
    const stepper = record.stepper === '' ? null : parseSavedText(record.stepper);
    if (stepper && !stepper.ok) return true; // Unreadable: keep this tab's; its next save is a copy.
    await training.prepare?.(record.training);
    if (stepper) app.setState({ ...stepper.work, past: [], future: [] });
    training.adopt(record.training);
    meta = record;
    base = record.revision;
    saved = payload();
    view.setState({ workName: meta.name });
    return true;
  }

  const onChange = () => {
    clearTimer();
    timer = setTimeout(() => void flush(), delayMs);
  };
  const unsubscribe = [app.subscribe(onChange), training.subscribe(onChange)];
  const unlisten = channel?.listen((message) => {
    listChanged(false);
    if (message.kind !== 'saved' || message.id !== meta.id || message.revision <= base) return;
    // Changed here too: saving now finds the newer revision and keeps both.
    void enqueue(() => (changed(payload()) ? saveIfChanged() : adopt()));
  });

  async function attempt(what: string, job: () => Promise<void>) {
    try {
      await job();
    } catch (error) {
      notify(`Could not ${what}: ${storageProblem(error)}.`, 'alert');
    }
  }

  async function open(id: string, notice?: PendingNotice): Promise<boolean> {
    if (!(await flush())) return false;
    stopped = true;
    clearTimer();
    deps.openWork(id, notice);
    return true;
  }

  return {
    view,
    db,
    flush,
    hide() {
      const now = payload();
      if (stopped || !changed(now)) return;
      journal?.write({ id: meta.id, name: meta.name, base, payload: now });
      void flush();
    },
    payload,
    notify,
    dismiss,
    open,
    openAsNew: (name, work, text) =>
      attempt('add the work', async () => {
        const record = await db.create(name, work);
        listChanged(true);
        await open(record.id, { text, backTo: meta.id });
      }),
    reloadSaved() {
      stopped = true;
      clearTimer();
      deps.openWork(meta.id);
    },
    rename: (id, name) =>
      attempt('rename the work', async () => {
        const renamed = await db.rename(id, name);
        if (renamed && id === meta.id) view.setState({ workName: renamed.name });
        listChanged(true);
      }),
    duplicate: (id) =>
      attempt('duplicate the work', async () => {
        if (id === meta.id && !(await flush())) return;
        await db.duplicate(id);
        listChanged(true);
      }),
    remove: (id) =>
      attempt('delete the work', async () => {
        if (id === meta.id) return; // The open work stays: open another one to delete it.
        // Its texts, kept with the undo: the sweep may delete them once no stored work names them.
        const before = await db.get(id);
        const texts: { key: string; text: string }[] = [];
        for (const key of csvKeysIn(before?.training ?? null)) {
          const text = await db.getText(key);
          if (text !== undefined) texts.push({ key, text });
        }
        const record = await db.remove(id);
        if (!record) return;
        listChanged(true);
        void sweepTexts();
        const noticeId = nextNotice;
        notify(`Deleted “${record.name}”.`, 'status', {
          label: 'Undo delete',
          run: () =>
            void attempt('bring the work back', async () => {
              for (const { key, text } of texts) await ensureText(db, key, text);
              await db.restore(record);
              dismiss(noticeId);
              listChanged(true);
            }),
        });
      }),
    sweepTexts,
    stop() {
      stopped = true;
      clearTimer();
      unsubscribe.forEach((u) => u());
      unlisten?.();
    },
  };
}
