import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
for (const [w, h] of [[1440, 900], [1280, 720], [390, 844]]) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  await page.goto('http://localhost:4551/');
  await page.getByRole('button', { name: 'Step forward' }).waitFor();
  console.log(w, await page.evaluate(() => [...document.querySelectorAll('.app-header > *')].map(e => { const r = e.getBoundingClientRect(); return `${e.className||e.tagName} x${r.x|0} w${r.width|0} y${r.y|0}`; })));
  await page.close();
}
await browser.close();
