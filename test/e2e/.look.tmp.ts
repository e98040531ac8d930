import { startServer, launchBrowser, newPage } from './harness.ts';
const server = await startServer();
const browser = await launchBrowser();
try {
  const { page, errors } = await newPage(browser);
  page.on('pageerror', (e) => console.log('STACK', e.stack));
  await page.goto(server.url + '/?v=table&sel=vinaros&lang=ca');
  await page.waitForTimeout(2500);
  await page.screenshot({ path: '/tmp/webcore-shots/table.png' });
  console.log('errors', errors);
} finally {
  await browser.close();
  await server.stop();
}
