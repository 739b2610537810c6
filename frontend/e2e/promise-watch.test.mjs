// The promise watch through the console: an in-stock line nobody shipped, placed ten days ago, is past its dispatch
// day; the watch re-projects it, the agent finds it in the Running late list with the order a click away, reads the
// move in the order's timeline, and the customer's page says it is running late with a window that has not passed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { shopCall, startApplication } from './app.mjs';
import { launchBrowser, seriousAccessibilityViolations, signInToConsole } from './browser.mjs';

let app;
let browser;

before(async () => {
  // A sweep every two seconds, so that the order this test places is moved while it watches.
  app = await startApplication(['--leadline.promise-watch.interval=2s']);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

const TODAY = new Date().toISOString().slice(0, 10);

test('an agent sees a line time has overtaken in the running-late list, and its customer a window not yet passed', async () => {
  const placedAt = new Date(Date.now() - 10 * 24 * 3600 * 1000).toISOString();
  const placed = await shopCall(
    app.baseUrl,
    'mutation($input: PlaceOrdersInput!) { placeOrders(input: $input) { orders { number trackingUrl } errors { code field message } } }',
    {
      input: {
        orders: [
          {
            number: 'LATE-1',
            placedAt,
            // From before the shop used Leadline: promised on its own day (an order confirmed now is promised from
            // now), so time has overtaken it.
            sendConfirmation: false,
            currency: 'DKK',
            customer: { name: 'Sofie Late', email: 'sofie@example.com', locale: 'en' },
            destination: { street: 'Nørregade 1', postalCode: '1165', city: 'København', country: 'DK' },
            lines: [{ sku: 'VASE-LATE', name: 'Late vase', quantity: 1, unitPrice: '329.00', source: 'STOCK' }],
          },
        ],
      },
    },
  );
  assert.deepEqual(placed.placeOrders.errors, []);
  const link = placed.placeOrders.orders[0].trackingUrl;

  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  try {
    await signInToConsole(page, app.baseUrl, 'agent');
    await page.getByRole('button', { name: 'Running late' }).click();
    await page.getByRole('heading', { name: 'Lines running late' }).waitFor();
    const row = page.getByTestId('running-late-line').filter({ hasText: 'LATE-1' });
    // Listed at once; moved (and the customer told) by the next sweep, which the list shows once reloaded.
    for (let tries = 0; !/Yes, of the new window/.test((await row.textContent()) ?? ''); tries++) {
      assert.ok(tries < 30, `LATE-1 was not moved: ${await row.textContent()}`);
      await page.getByRole('button', { name: 'Buy list' }).click();
      await page.getByRole('button', { name: 'Running late' }).click();
      await row.waitFor();
    }
    const text = await row.textContent();
    assert.match(text, /Sofie Late/);
    assert.match(text, /Late vase/);
    assert.match(text, /Our warehouse/);
    assert.deepEqual(await seriousAccessibilityViolations(page), []);

    await row.getByRole('link', { name: /LATE-1/ }).click();
    const moved = page.locator('[data-event="RUNNING_LATE"]');
    await moved.waitFor();
    // A vase in stock waits for our warehouse, not for a supplier: it says so.
    assert.match(await moved.textContent(), /Late vase: running late, it has not left our warehouse/);

    await page.goto(link);
    const told = page.locator('[data-event="RUNNING_LATE"]');
    await told.waitFor();
    assert.match(await told.textContent(), /Late vase is running late: it has not left our warehouse yet/);
    const tracked = await (
      await fetch(`${app.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          query: 'query($token: String!) { trackOrder(token: $token) { lines { eta { earliest latest } late } } }',
          variables: { token: new URL(link).pathname.split('/').pop() },
        }),
      })
    ).json();
    const eta = tracked.data.trackOrder.lines[0].eta;
    assert.ok(eta.latest >= TODAY, `the page's window ${eta.earliest}–${eta.latest} has passed`);
    assert.equal(tracked.data.trackOrder.lines[0].late, true);
  } finally {
    await context.close();
  }
});
