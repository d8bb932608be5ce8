import { useEffect, useId, useState, type FormEvent } from 'react';
import { fileNameOf, recordToJson, type WorkRecord } from '../../works/records';
import { downloadText } from '../controls/download';
import { useWorkSession, useWorksView } from './context';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const when = (iso: string) => dateFormat.format(new Date(iso));

/** Every work in this browser: open, rename, duplicate, export, delete (undoably). */
export function SavedWork() {
  const session = useWorkSession();
  const listVersion = useWorksView((v) => v.listVersion);
  const openId = useWorksView((v) => v.workId);
  const [works, setWorks] = useState<WorkRecord[] | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const headingId = useId();

  useEffect(() => {
    if (!session) return;
    let live = true;
    session.db.list().then(
      (list) => live && setWorks(list),
      () => live && setWorks([]),
    );
    return () => {
      live = false;
    };
  }, [session, listVersion]);

  if (!session) return null;

  const exportWork = (work: WorkRecord) => {
    // The open work may have changes a moment too new for the database: export what is shown.
    const contents = work.id === openId ? { ...work, ...session.payload() } : work;
    downloadText(fileNameOf(work), recordToJson(contents), 'application/json');
  };

  const rename = (event: FormEvent<HTMLFormElement>, work: WorkRecord) => {
    event.preventDefault();
    const name = new FormData(event.currentTarget).get('name');
    setRenaming(null);
    if (typeof name === 'string') void session.rename(work.id, name);
  };

  return (
    <section className="saved-work" aria-labelledby={headingId}>
      <h3 id={headingId}>Saved work</h3>
      {works === null ? (
        <p className="hint">Reading saved work…</p>
      ) : works.length === 0 ? (
        <p className="hint">Nothing saved in this browser yet.</p>
      ) : (
        <ul aria-label="Saved work" className="saved-work-list">
          {works.map((work) => (
            <li key={work.id} aria-current={work.id === openId ? 'true' : undefined}>
              {renaming === work.id ? (
                <form className="row-buttons" onSubmit={(event) => rename(event, work)}>
                  <input name="name" aria-label="New name" defaultValue={work.name} autoFocus />
                  <button type="submit">Save name</button>
                  <button type="button" onClick={() => setRenaming(null)}>
                    Cancel
                  </button>
                </form>
              ) : (
                <span className="work-name">{work.name}</span>
              )}
              <span className="hint">
                {work.id === openId ? 'Open here · ' : ''}saved {when(work.updated)} · revision{' '}
                {work.revision}
              </span>
              <span className="row-buttons">
                {work.id !== openId && (
                  <button type="button" onClick={() => void session.open(work.id)}>
                    Open
                  </button>
                )}
                <button type="button" onClick={() => setRenaming(work.id)}>
                  Rename
                </button>
                <button type="button" onClick={() => void session.duplicate(work.id)}>
                  Duplicate
                </button>
                <button type="button" onClick={() => exportWork(work)}>
                  Export
                </button>
                {work.id !== openId && (
                  <button type="button" onClick={() => void session.remove(work.id)}>
                    Delete
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
