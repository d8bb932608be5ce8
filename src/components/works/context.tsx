import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { SessionView, WorkSession } from '../../works/session';

const WorksContext = createContext<WorkSession | null>(null);

/** For the error boundary, a class component, which reads a context object directly. */
export const WorksContextForBoundary = WorksContext;

export function WorksProvider({
  session,
  children,
}: {
  session: WorkSession;
  children: ReactNode;
}) {
  return <WorksContext.Provider value={session}>{children}</WorksContext.Provider>;
}

/** The works session, or null where the app runs without one (a view rendered on its own). */
export function useWorkSession(): WorkSession | null {
  return useContext(WorksContext);
}

const EMPTY: SessionView = {
  workId: '',
  workName: '',
  saveProblem: null,
  notices: [],
  listVersion: 0,
};
const noSession = { getState: () => EMPTY, subscribe: () => () => {} };

export function useWorksView<T>(selector: (view: SessionView) => T): T {
  const session = useWorkSession();
  return useStore((session?.view ?? noSession) as WorkSession['view'], selector);
}
