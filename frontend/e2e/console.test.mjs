// An agent signs in to the console, logs a supplier delay with preview and confirm, watches it apply, and the
// customer's page then shows the new window and the reason.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { oneDeliveryWindow, startApplication, trackOrder } from './app.mjs';
import { assertStackedOnPhone, launchBrowser, seriousAccessibilityViolations, signInToConsole } from './browser.mjs';

let app;
let browser;

before(async () => {
  app = await startApplication();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

async function sofaOrder() {
  for (const link of app.links) {
    const order = await trackOrder(app.baseUrl, link);
    const sofa = order.lines.find((line) => line.sku === 'SOFA-OSLO-3');
    if (sofa) {
      return { link, sofa, orderNumber: order.number };
    }
  }
  throw new Error('No demo order with the Oslo sofa');
}

/** The day of the month of a date as the English page writes it. */
function dayOf(date) {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

test('an agent logs a delay once and the customer sees the new window and the reason, then the goods in', async () => {
  const { link, sofa, orderNumber } = await sofaOrder();
  // The customer has their page open while the agent works: it follows the order by itself.
  const customer = await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 900 } });
  const customerPage = await customer.newPage();
  await customerPage.goto(link);
  await customerPage.locator('li[data-sku="SOFA-OSLO-3"]').waitFor();
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  let delayed;
  try {
    // Without signing in, the console shows nothing but the way in: the authorization server's sign-in form,
    // then back to the console with a token.
    await signInToConsole(page, app.baseUrl, 'agent');
    assert.equal(new URL(page.url()).pathname, '/console');

    await page.getByRole('heading', { name: 'Log a supplier delay' }).waitFor();
    // Nothing of the demo is overtaken by time yet: the list says so, and where the lines a delay moved are.
    await page.getByRole('button', { name: 'Running late' }).click();
    await page
      .getByText(
        'No open line has been overtaken by time. Lines a delay has moved past their promise are under Orders, “Late against promise”.',
      )
      .waitFor();
    await page.getByRole('button', { name: 'Supplier delays' }).click();
    await page.getByRole('heading', { name: 'Log a supplier delay' }).waitFor();
    const po = page.getByLabel('Purchase order', { exact: true });
    await po.waitFor();
    const options = await po.locator('option').allTextContents();
    assert.ok(
      options.some((text) => text.startsWith('PO-NS-2041 — Nordic Sofa Works, expected ')),
      `PO-NS-2041 is offered among ${options}`,
    );
    // Days late that are no whole number: said beside the field, which takes the focus from the button pressed, as
    // a refusal of the API's would.
    const days = page.getByRole('spinbutton', { name: 'Days late' });
    await days.fill('-3');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.locator('#delay-days-error').waitFor();
    assert.equal(await days.evaluate((field) => field === document.activeElement), true);
    // A delay that would reach no open line (a SKU nobody waits for) says so and offers nothing to confirm.
    await page.getByRole('radio', { name: 'One SKU at a supplier' }).check();
    const sku = page.getByRole('combobox', { name: 'SKU', exact: true });
    await sku.fill('NO-SUCH-SKU');
    await page.getByRole('spinbutton', { name: 'Days late' }).fill('10');
    await page.getByRole('button', { name: 'Preview' }).click();
    assert.match(
      await page.getByTestId('preview-nothing').textContent(),
      /^No line on a purchase order and no dropshipped line waits for what you chose/,
    );
    assert.equal(await page.getByRole('button', { name: /^Confirm and tell/ }).count(), 0);
    // The field offers the SKUs a delay could reach at the supplier chosen, as they are written: a dropshipping
    // supplier's items customers wait for, a supplier's SKUs on open purchase orders (asked as the supplier changes).
    const offers = (code) =>
      page.waitForFunction(
        (expected) => [...document.querySelector('[list="delay-skus"]').list.options].some((o) => o.value === expected),
        code,
      );
    await page.getByLabel('Supplier', { exact: true }).selectOption('RHEIN-LICHT');
    await offers('LAMP-RHEIN');
    // A shorter delay on goods the demo already delayed longer moves their dates earlier, and says why.
    await page.getByLabel('Supplier', { exact: true }).selectOption('BALTIC-WOOD');
    await offers('CHAIR-AARHUS');
    await sku.fill('CHAIR-AARHUS');
    await page.getByRole('spinbutton', { name: 'Days late' }).fill('1');
    await page.getByRole('button', { name: 'Preview' }).click();
    assert.match(await page.getByTestId('preview-earlier').textContent(), /^Some dates move earlier: days late count/);
    await page.getByRole('radio', { name: 'One purchase order' }).check();
    // A shorter delay on the purchase order those chairs wait for moves none of them: the preview counts them apart,
    // so what moves and what keeps its dates add up to the lines the picker says are waiting.
    await po.selectOption('PO-BW-0877');
    const [, waiting] = (await po.locator('option[value="PO-BW-0877"]').textContent()).match(/(\d+) lines? waiting$/);
    await page.getByRole('button', { name: 'Preview' }).click();
    const kept = await page.getByText(/keeps? (its|their) dates/).textContent();
    const [, keptCount] = kept.match(/(\d+) (more )?(waiting )?lines?/);
    const moved = (await page.getByTestId('preview-figures').count())
      ? Number((await page.getByTestId('preview-figures').textContent()).match(/, (\d+) lines?,/)[1])
      : 0;
    assert.equal(moved + Number(keptCount), Number(waiting), kept);

    await po.selectOption('PO-NS-2041');
    await page.getByRole('spinbutton', { name: 'Days late' }).fill('10');
    await page.getByLabel('Reason the customer reads').selectOption('SUPPLIER_BEHIND');
    await page.getByLabel('Internal note (agents only)').fill('Factory called, new date confirmed');
    assert.deepEqual(await seriousAccessibilityViolations(page), []);

    await page.getByRole('button', { name: 'Preview' }).click();
    const figures = await page.getByTestId('preview-figures').textContent();
    const orders = Number(figures.match(/^(\d+) orders?/)[1]);
    assert.ok(orders >= 1, `the preview counts affected orders: ${figures}`);
    assert.match(figures, /\d+ customers? to tell/);
    const sampleRows = await page.locator('.preview tbody tr').count();
    assert.ok(sampleRows >= 1 && sampleRows <= Math.min(5, orders), `a sample of affected orders (${sampleRows} rows)`);
    // The lines the sample leaves out (the demo's purchase order reaches more than a sample shows) are counted under it.
    const lines = Number(figures.match(/, (\d+) lines?,/)[1]);
    assert.ok(lines > sampleRows, `more lines (${lines}) than the sample shows (${sampleRows})`);
    assert.ok(
      (await page.getByTestId('preview-more').textContent()).startsWith(
        `And ${lines - sampleRows} more line${lines - sampleRows === 1 ? '' : 's'}, not listed here.`,
      ),
    );
    // Before telling anyone, the agent can read every line, each with the window its customer will read.
    await page.getByRole('button', { name: `List all ${lines} lines` }).click();
    await page
      .locator('.preview tbody tr')
      .nth(lines - 1)
      .waitFor();
    assert.equal(await page.locator('.preview tbody tr').count(), lines);
    assert.equal(await page.getByTestId('preview-more').count(), 0);
    const window = await page.locator('.preview tbody tr').last().locator('td').last().textContent();
    assert.match(window, /\d/, `the last line's window: ${window}`);

    // A preview belongs to the input it was made for: changing the form takes the confirmation away.
    await page.getByRole('spinbutton', { name: 'Days late' }).fill('20');
    await page.getByTestId('preview-stale').waitFor();
    assert.equal(await page.getByRole('button', { name: /^Confirm and tell/ }).count(), 0);
    await page.getByRole('spinbutton', { name: 'Days late' }).fill('10');
    await page.getByRole('button', { name: /^Confirm and tell \d+ customers?$/ }).waitFor();

    await page.getByRole('button', { name: /^Confirm and tell \d+ customers?$/ }).click();
    // The keyboard goes on from the delay's progress as it appears, not from the top of the page.
    await page.waitForFunction(() => document.activeElement?.id === 'progress-title');
    await page.getByText(`Done: `, { exact: false }).waitFor({ timeout: 30_000 });
    // Its heading says so too, not that it is still being applied, and so does its progress bar.
    assert.equal(await page.locator('#progress-title').textContent(), 'The delay is applied');
    await page.getByRole('progressbar', { name: 'The delay is applied' }).waitFor();
    // It counts what moved apart from what it checked: every order the purchase order reaches is checked.
    const done = (await page.getByTestId('delay-progress').textContent()).match(
      new RegExp(`^Done: ${lines} lines? in (\\d+) orders? moved, ${orders} orders? checked;`),
    );
    assert.ok(done, await page.getByTestId('delay-progress').textContent());
    // The orders moved are those the preview's customers to tell are in, and no more than those checked.
    const told = Number(figures.match(/(\d+) customers? to tell/)[1]);
    assert.ok(Number(done[1]) >= told && Number(done[1]) <= orders, `${done[1]} orders moved, ${told} to tell`);
    assert.equal(await page.locator('progress').getAttribute('value'), String(orders));
    // The list of delays keeps the agents' note and names the orders the delay reached, each a link to it.
    const logged = page
      .getByRole('table', { name: 'Delays logged' })
      .getByRole('row')
      .filter({ hasText: 'PO-NS-2041' });
    await logged.getByText('Note: Factory called, new date confirmed').waitFor();
    await logged.getByText('Orders it reached').click();
    const reached = logged.getByRole('link', { name: /^Open order / });
    assert.ok((await reached.count()) >= 1 && (await reached.count()) <= 5, `${await reached.count()} orders named`);
    // The demo's own delays, one product each, name their supplier as agents know it.
    const demoDelays = await page.getByRole('table', { name: 'Delays logged' }).textContent();
    assert.match(demoDelays, / at (Nordic Sofa Works|Baltic Woodcraft)/);
    assert.doesNotMatch(demoDelays, / at [A-Z]+-[A-Z]+/);
    // On a phone each delay is read row by row, its reason on the screen, not past a sideways scroll.
    await assertStackedOnPhone(
      page,
      page.locator('#past-delays-title ~ .scroll').first(),
      page.getByRole('table', { name: 'Delays logged' }).locator('td[data-label="Reason"]').first(),
      'Reason',
    );

    // No reload: the customer's page took the new window and the reason from the live update, not the note.
    const afterDelay = await trackOrder(app.baseUrl, link);
    delayed = afterDelay.lines.find((line) => line.sku === 'SOFA-OSLO-3');
    assert.ok(delayed.eta.latest > sofa.eta.latest, `the sofa moved from ${sofa.eta.latest} to ${delayed.eta.latest}`);
    const item = customerPage.locator('li[data-sku="SOFA-OSLO-3"]');
    await item.getByText('Later than first promised', { exact: false }).waitFor();
    // Its date in bold, or the one delivery's where it waits for that.
    const shownDelayed = oneDeliveryWindow(afterDelay, delayed) ?? delayed.eta;
    assert.ok((await item.getByTestId('line-eta').textContent()).includes(dayOf(shownDelayed.latest)));
    await customerPage
      .locator('[data-event="ETA_MOVED"]')
      .getByText("Reason: The supplier's production is behind schedule.", { exact: false })
      .waitFor();
    assert.doesNotMatch(await customerPage.locator('main').textContent(), /Factory called/);

    // The order, found by its number, shows the move with the internal note that only agents read.
    await page.getByRole('button', { name: 'Orders' }).click();
    await page.getByLabel('Search orders').fill(orderNumber);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('button', { name: new RegExp(`^${orderNumber} — `) }).click();
    await page.getByText('Note: Factory called, new date confirmed', { exact: false }).waitFor();
    // Its sofa's supplier is named as agents know it, beside the purchase order the sofa waits for.
    await page
      .locator('.order-detail tr[data-line]')
      .filter({ hasText: 'SOFA-OSLO-3' })
      .getByRole('cell', { name: 'Nordic Sofa Works / PO-NS-2041', exact: true })
      .waitFor();
    // On a phone the items are read row by row, each value named by its column, with no sideways scroll.
    await assertStackedOnPhone(
      page,
      page.locator('.order-detail .scroll').first(),
      page.locator('.order-detail tr[data-line]').filter({ hasText: 'SOFA-OSLO-3' }).locator('td[data-label="Status"]'),
      'Status',
    );

    // The customer changes their mind on their own page; the agent's open order shows it by itself.
    const token = new URL(link).pathname.split('/').pop();
    const chosen = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        query:
          'mutation($token: String!) { chooseDelivery(input: { token: $token, preference: SHIP_AS_AVAILABLE }) { errors { code } } }',
        variables: { token },
      }),
    });
    assert.deepEqual((await chosen.json()).data.chooseDelivery.errors, []);
    await page
      .locator('.order-detail [data-event="CHOICE_MADE"]')
      .getByText('Delivery changed to items as they are ready', { exact: false })
      .waitFor();

    // A German customer's delay reads in the agent's language, with the words the customer read.
    await page.getByLabel('Search orders').fill('DEMO-1002');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('button', { name: /^DEMO-1002 — / }).click();
    // Its money, as the customer sees it: the total of what is not cancelled, and what was charged.
    assert.match(
      await page.getByTestId('order-money').textContent(),
      /^Order total \(cancelled and refunded items left out\): €[\d,]+\.\d{2}\. Charged so far: €[\d,]+\.\d{2}$/,
    );
    await page
      .locator('.order-detail tr[data-line]')
      .first()
      .getByRole('cell', { name: /^€[\d,]+\.\d{2}$/ })
      .waitFor();
    await page
      .locator('.order-detail [data-event="ETA_MOVED"]')
      .getByText(
        "Reason: The supplier's production is behind schedule. (the customer read: “Die Produktion des Lieferanten ist im Verzug.”)",
        { exact: false },
      )
      .waitFor();

    // Goods arrive for the delayed purchase order: its lines become ready.
    await page.getByRole('button', { name: 'Goods received' }).click();
    await page.getByLabel('Purchase order', { exact: true }).selectOption('PO-NS-2041');
    await page.getByRole('button', { name: 'Review' }).click();
    // The receipt is said in full before it is recorded.
    assert.match(await page.getByTestId('receipt-review').textContent(), /^This records against PO-NS-2041 /);
    await page.getByRole('button', { name: 'Record the receipt' }).click();
    await page
      .getByText(
        /^Recorded against PO-NS-2041: \d+ lines? (is|are) ready; \d+ orders? (has|have) a shipment proposed\./,
      )
      .waitFor();
  } finally {
    await context.close();
  }

  try {
    // Its goods in, the sofa is ready and expected as goods leaving now, sooner than the delay had it; the page
    // follows by itself again.
    const readied = await trackOrder(app.baseUrl, link);
    const ready = readied.lines.find((line) => line.sku === 'SOFA-OSLO-3');
    assert.equal(ready.status, 'READY');
    assert.ok(
      ready.eta.latest < delayed.eta.latest,
      `the sofa is expected by ${ready.eta.latest}, not ${delayed.eta.latest}`,
    );
    const item = customerPage.locator('li[data-sku="SOFA-OSLO-3"]');
    await item.locator('.status').getByText('Ready to ship').waitFor();
    await item.getByText('Later than first promised').waitFor({ state: 'detached' });
    const shownReady = oneDeliveryWindow(readied, ready) ?? ready.eta;
    assert.ok((await item.getByTestId('line-eta').textContent()).includes(dayOf(shownReady.latest)));
  } finally {
    await customer.close();
  }
});

test("an admin sees the messages sent and every template rendered in the customers' languages", async () => {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  try {
    await signInToConsole(page, app.baseUrl, 'admin');

    // A customer asks for a one-time code: it goes out at once, whatever the hour.
    const token = new URL(app.links[0]).pathname.split('/').pop();
    const asked = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        query:
          'mutation($token: String!) { requestVerificationCode(input: { token: $token, channel: EMAIL }) { sentTo } }',
        variables: { token },
      }),
    });
    assert.ok((await asked.json()).data.requestVerificationCode.sentTo);

    await page.getByRole('button', { name: 'Messages' }).click();
    await page.getByRole('heading', { name: 'Messages to customers' }).waitFor();
    // No SMS or e-mail provider in the embedded default: messages stay in the outbox, as rendered.
    const code = page
      .getByRole('list', { name: 'Messages to customers' })
      .locator('li', { hasText: 'one-time code' })
      .first();
    await code.waitFor();
    assert.match(await code.textContent(), /E-mail to .*@example\.com/);
    // Said in the agent's words, not the API's codes.
    assert.match(await code.textContent(), /Status: not sent \(no channel configured\)/);
    assert.doesNotMatch(await code.textContent(), /VERIFICATION_CODE|OUTBOX/);
    // Orders background work could not change are named here; none in a healthy store.
    await page.getByRole('heading', { name: 'Orders set aside' }).waitFor();
    await page.getByText('No order is set aside.').waitFor();

    const templates = page.getByRole('list', { name: 'Message templates' });
    // Each template is named in words, and its languages by their own names.
    // Each begins with a capital, as the line it starts (the words are for mid-sentence elsewhere).
    await templates.getByText('Past the promised date', { exact: true }).first().waitFor();
    assert.doesNotMatch(await templates.textContent(), /PAST_PROMISE|READY_TO_SHIP/);
    assert.match(await templates.textContent(), /Order SAMPLE-1042 will arrive later than promised/);
    await page.getByLabel('Template language').selectOption({ label: 'Deutsch' });
    await templates.getByText('Bestellung SAMPLE-1042 kommt später als zugesagt').waitFor();
    assert.match(await templates.textContent(), /SMS, [12] segments?/);
    assert.deepEqual(await seriousAccessibilityViolations(page), []);

    // The order's own page lists what its customer was sent, that order's only.
    const { number } = await trackOrder(app.baseUrl, app.links[0]);
    await page.goto(`${app.baseUrl}/console?order=${encodeURIComponent(number)}`);
    const sent = page.getByRole('list', { name: 'Messages to the customer' });
    await sent.locator('li', { hasText: 'one-time code' }).first().waitFor();
    for (const line of await sent.locator('li').allTextContents()) {
      assert.match(line, new RegExp(`order ${number}`));
    }
  } finally {
    await context.close();
  }
});

test("the browser's Back goes to the tab before, not out of the console to the sign-in page", async () => {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  try {
    await signInToConsole(page, app.baseUrl, 'agent');
    await page.getByRole('button', { name: 'Buy list' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'What customers bought that no purchase order covers' })
      .waitFor();
    await page.getByRole('button', { name: 'Purchasing' }).click();
    await page.getByRole('heading', { level: 1, name: 'Open purchase orders' }).waitFor();
    // The window's title names the tab; the keyboard's first stop goes past the language, sign-out and the tabs.
    assert.equal(await page.title(), 'Purchasing – Leadline console');
    const skip = page.getByRole('link', { name: 'Skip to the tab’s content' });
    await skip.focus();
    assert.equal(await skip.isVisible(), true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'tab-content');

    await page.goBack();
    await page
      .getByRole('heading', { level: 1, name: 'What customers bought that no purchase order covers' })
      .waitFor();
    assert.equal(new URL(page.url()).pathname, '/console');
    // And once more to the tab the console opened on, whose entry the sign-in's return rewrote.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Log a supplier delay' }).waitFor();
    await page.goForward();
    await page.goForward();
    await page.getByRole('heading', { level: 1, name: 'Open purchase orders' }).waitFor();
  } finally {
    await context.close();
  }
});

test('the console API answers nothing without an agent token', async () => {
  const response = await fetch(`${app.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: '{ purchaseOrders { number } }' }),
  });
  const body = await response.json();
  assert.equal(body.data, null);
  assert.equal(body.errors[0].extensions.classification, 'UNAUTHORIZED');
});
