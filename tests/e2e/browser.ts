import { existsSync } from 'node:fs';

/**
 * The Chromium the browser tests drive: $CHROMIUM_PATH, else the system Chromium. Playwright's own
 * browser download is not used (it does not work everywhere we run).
 */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function requireChromium(): string {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      [
        `No Chromium at ${chromiumPath}: the end-to-end tests need a browser and will not be skipped.`,
        'Install one (Debian/Ubuntu: sudo apt-get install -y chromium),',
        'or point CHROMIUM_PATH at a Chromium or Chrome binary, e.g. CHROMIUM_PATH=/usr/bin/google-chrome npm test.',
      ].join('\n'),
    );
  }
  return chromiumPath;
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
