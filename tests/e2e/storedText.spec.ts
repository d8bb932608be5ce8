import { expect, test, type Page } from '@playwright/test';
import { openTraining } from './helpers';

/**
 * A CSV file's text is kept in the browser's storage apart from the work (IndexedDB store
 * 'backstep-texts', by key), as a Blob; texts stored before, as strings, still open.
 */

/** The stored texts: key → 'blob' or 'string', and each one's text. */
function storedTexts(page: Page) {
  return page.evaluate(async () => {
    // Opening a database that is not there would create it empty, without the app's store.
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('backstep-texts')) return [];
    const values = await new Promise<{ keys: IDBValidKey[]; values: unknown[] }>(
      (resolve, reject) => {
        const opening = indexedDB.open('backstep-texts');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const store = db.transaction('texts').objectStore('texts');
          const keys = store.getAllKeys();
          const all = store.getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            resolve({ keys: keys.result, values: all.result });
          };
        };
      },
    );
    const found: { key: string; kind: string; text: string }[] = [];
    for (const [i, value] of values.values.entries()) {
      const key = String(values.keys[i]);
      if (!key.startsWith('csv-')) continue;
      const kind = value instanceof Blob ? 'blob' : typeof value;
      found.push({ key, kind, text: value instanceof Blob ? await value.text() : String(value) });
    }
    return found;
  });
}

/** Put a text back as a plain string, as the app stored texts before. */
function storeAsString(page: Page, key: string, text: string) {
  return page.evaluate(
    ([key, text]) =>
      new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open('backstep-texts');
        opening.onsuccess = () => {
          const db = opening.result;
          const tx = db.transaction('texts', 'readwrite');
          tx.objectStore('texts').put(text, key);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [key, text] as const,
  );
}

test('a CSV file is stored as a Blob and opens again after a reload; one stored as a string too', async ({
  page,
}) => {
  const errors = await openTraining(page);
  const rows = Array.from({ length: 80 }, (_, i) => {
    const a = ((i * 7) % 13) / 3 - 2;
    const b = ((i * 5) % 11) / 3 - 2;
    return `${a.toFixed(3)},${b.toFixed(3)},${a * b > 0 ? 'same' : 'other'}`;
  });
  const text = `left,right,sign\n${rows.join('\n')}\n`;
  await page.getByText('Your own data (CSV)').click();
  await page.getByLabel('Load a CSV file…').setInputFiles({
    name: 'signs.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(text),
  });
  const summary = '40 training and 40 test points · 2 inputs · two classes';
  await expect(page.getByTestId('data-summary')).toHaveText(summary);
  await expect
    .poll(() => storedTexts(page).then((t) => t.map((s) => [s.kind, s.text])))
    .toEqual([['blob', text]]);

  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('csv');
  await expect(page.getByTestId('data-summary')).toHaveText(summary);

  const [stored] = await storedTexts(page);
  await storeAsString(page, stored?.key ?? '', text);
  expect((await storedTexts(page)).map((s) => s.kind)).toEqual(['string']);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('csv');
  await expect(page.getByTestId('data-summary')).toHaveText(summary);
  expect(errors).toEqual([]);
});
