import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The text of a PDF as poppler's pdftotext reads it, with the page's layout kept (a table row is
 * one line). A test that needs it fails, with how to install it, where pdftotext is missing.
 */
export function pdfText(pdf: Buffer): string {
  return pdftotext(pdf, ['-layout']);
}

/** A word of a PDF with its box, in points from its page's top left. */
export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  pageWidth: number;
  pageHeight: number;
}

/** Every word of a PDF where pdftotext finds it on its page (pdftotext -bbox). */
export function pdfWords(pdf: Buffer): PdfWord[] {
  const words: PdfWord[] = [];
  let page = { index: 0, width: NaN, height: NaN };
  const tags =
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const m of pdftotext(pdf, ['-bbox']).matchAll(tags)) {
    if (m[1] !== undefined) {
      page = { index: page.index + 1, width: Number(m[1]), height: Number(m[2]) };
      continue;
    }
    words.push({
      page: page.index,
      text: m[7] ?? '',
      xMin: Number(m[3]),
      yMin: Number(m[4]),
      xMax: Number(m[5]),
      yMax: Number(m[6]),
      pageWidth: page.width,
      pageHeight: page.height,
    });
  }
  return words;
}

function pdftotext(pdf: Buffer, options: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'backstep-pdf-'));
  try {
    const file = join(dir, 'sheet.pdf');
    writeFileSync(file, pdf);
    const run = spawnSync('pdftotext', [...options, '-enc', 'UTF-8', file, '-'], {
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
