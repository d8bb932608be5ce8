import type { Page } from '@playwright/test';

/** What the app stored in the browser's works database (IndexedDB), read from the page. */

interface StoredWork {
  id: string;
  name: string;
  stepper: string;
  training: string | null;
}

function readWorks(page: Page): Promise<StoredWork[]> {
  return page.evaluate(
    () =>
      new Promise<StoredWork[]>((resolve, reject) => {
        const opening = indexedDB.open('backstep');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          if (!db.objectStoreNames.contains('works')) {
            db.close();
            resolve([]);
            return;
          }
          const reading = db.transaction('works').objectStore('works').getAll();
          reading.onerror = () => reject(reading.error);
          reading.onsuccess = () => {
            db.close();
            resolve(reading.result as StoredWork[]);
          };
        };
      }),
  );
}

/** Every stored work: name → the stepper's saved text. */
export async function storedWorks(page: Page): Promise<Record<string, string>> {
  return Object.fromEntries((await readWorks(page)).map((w) => [w.name, w.stepper]));
}

/** The `work` part of the stepper's save of the work open in this tab, or null. */
export async function savedOpenWork(page: Page): Promise<Record<string, unknown> | null> {
  const open = await page.evaluate(() => sessionStorage.getItem('backstep.open'));
  const work = (await readWorks(page)).find((w) => w.id === open);
  if (!work?.stepper) return null;
  return (JSON.parse(work.stepper) as { work: Record<string, unknown> }).work;
}

/** The Train tab's save (choices, and its work: network, η, run) of the work open in this tab, or null. */
export async function savedOpenTraining(
  page: Page,
): Promise<{ choices: Record<string, unknown>; work?: { network: unknown } } | null> {
  const open = await page.evaluate(() => sessionStorage.getItem('backstep.open'));
  const work = (await readWorks(page)).find((w) => w.id === open);
  return work?.training ? JSON.parse(work.training) : null;
}
