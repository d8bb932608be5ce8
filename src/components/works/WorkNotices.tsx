import { useWorkSession, useWorksView } from './context';
import { exportOpenWork } from './exportWork';

/** What the works database has to say: a failed save (until one succeeds), links, conflicts, deletes. */
export function WorkNotices() {
  const session = useWorkSession();
  const notices = useWorksView((v) => v.notices);
  const saveProblem = useWorksView((v) => v.saveProblem);
  const workName = useWorksView((v) => v.workName);
  if (!session) return null;
  return (
    <>
      {saveProblem && (
        <div className="notice notice-error" role="alert">
          <span>
            Your work could not be saved: {saveProblem}. The app goes on working, but a reload would
            lose your changes. Keep them as a file:
          </span>
          <button type="button" onClick={() => exportOpenWork(session, workName)}>
            Export JSON
          </button>
        </div>
      )}
      {notices.map((notice) => (
        <div key={notice.id} className="notice" role={notice.tone}>
          <span>{notice.text}</span>
          <span className="row-buttons">
            {notice.action && (
              <button type="button" onClick={notice.action.run}>
                {notice.action.label}
              </button>
            )}
            <button type="button" onClick={() => session.dismiss(notice.id)}>
              Dismiss
            </button>
          </span>
        </div>
      ))}
    </>
  );
}
