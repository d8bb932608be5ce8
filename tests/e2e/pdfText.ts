import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The text of a PDF as poppler's pdftotext reads it, with the page's layout kept (a table row is
 * one line). A test that needs it fails, with how to install it, where pdftotext is missing.
 */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'backstep-pdf-'));
  try {
    const file = join(dir, 'sheet.pdf');
    writeFileSync(file, pdf);
    const run = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], {
      encoding: 'utf8',
    });
    if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        [
          'pdftotext is missing: the worksheet test reads the printed PDF with it.',
          'Install poppler-utils (Debian/Ubuntu: sudo apt-get install -y poppler-utils).',
        ].join('\n'),
      );
    }
    if (run.error) throw run.error;
    if (run.status !== 0) throw new Error(`pdftotext failed (${run.status}): ${run.stderr}`);
    return run.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
