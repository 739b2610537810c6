// Tokens here last 12 seconds: the console renews its token by itself while the sign-in server's session lasts, and
// when that session is gone it says so at once, keeps what the agent typed and brings them back to it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startApplication } from './app.mjs';
import { launchBrowser, signInToConsole } from './browser.mjs';

let app;
let browser;

before(async () => {
  app = await startApplication(['--leadline.console.access-token-ttl=12s']);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

const token = (page) => page.evaluate(() => sessionStorage.getItem('leadline.console.token'));

test('an agent works across token renewals without noticing, and is told when the session really ends', async () => {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  try {
    await signInToConsole(page, app.baseUrl, 'agent');
    const first = await token(page);
    await page.getByLabel('Internal note (agents only)').fill('Half-written note about the sofa');

    // The token is renewed before it runs out, in the background: no reload, the input stays as typed.
    await page.waitForFunction((old) => sessionStorage.getItem('leadline.console.token') !== old, first, {
      timeout: 30_000,
    });
    assert.equal(new URL(page.url()).pathname, '/console');
    assert.equal(await page.getByLabel('Internal note (agents only)').inputValue(), 'Half-written note about the sofa');

    // Requests after the first token's end go out with the new one and answer.
    await page.waitForFunction((old) => JSON.parse(atob(old.split('.')[1])).exp * 1000 < Date.now(), first, {
      timeout: 30_000,
      polling: 500,
    });
    await page.getByRole('button', { name: 'Orders' }).click();
    await page.getByLabel('Search orders').fill('DEMO-1001');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.locator('.found li').first().waitFor();
    await page.getByText('Signed in as agent').waitFor();

    // The sign-in server forgets the agent (its session cookie is gone): at the next renewal the console says the
    // session ended, at once and plainly; what is on screen is greyed, out of reach.
    await page.getByRole('button', { name: 'Supplier delays' }).click();
    await page.getByLabel('Internal note (agents only)').fill('Note typed before the session ended');
    await context.clearCookies();
    await page.getByRole('heading', { name: 'Your session ended — sign in again.' }).waitFor({ timeout: 30_000 });
    assert.equal(await page.getByText('Signed in as agent').count(), 0);
    assert.equal(await page.locator('.stale[inert]').count(), 1);

    // Signing in again brings the agent back to the delay form as they left it.
    await page.getByRole('button', { name: 'Sign in again' }).click();
    await page.locator('input[name="username"]').fill('agent');
    await page.locator('input[name="password"]').fill('agent');
    await page.locator('button[type="submit"]').click();
    await page.getByText('Signed in as agent').waitFor();
    assert.equal(new URL(page.url()).pathname, '/console');
    assert.equal(
      await page.getByLabel('Internal note (agents only)').inputValue(),
      'Note typed before the session ended',
    );
  } finally {
    await context.close();
  }
});

test('signing out ends the session at the sign-in server too: the next agent at the desk is asked for a password', async () => {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  try {
    await signInToConsole(page, app.baseUrl, 'agent');
    await page.getByRole('button', { name: 'Sign out' }).click();
    // Back on the console, signed out; signing in asks who is there rather than letting the last agent back in.
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/console');
    assert.equal(await token(page), null);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('input[name="username"]').fill('admin');
    await page.locator('input[name="password"]').fill('admin');
    await page.locator('button[type="submit"]').click();
    await page.getByText('Signed in as admin').waitFor();
  } finally {
    await context.close();
  }
});
