import { recordToJson } from '../../works/records';
import type { WorkSession } from '../../works/session';
import { downloadText } from '../controls/download';

/** The open work, stepper and training, as the JSON file "Import JSON" reads back. */
export function exportOpenWork(session: WorkSession, name: string): void {
  downloadText(
    'backstep-network.json',
    recordToJson({ name, ...session.payload() }),
    'application/json',
  );
}
