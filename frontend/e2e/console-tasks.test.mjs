// An agent's day in the console, task by task, from sign-in: goods received in part and in full, the proposed parcel
// shipped from the receipt's result, a parcel shipped by hand, a link revoked, the audit log (admins only), and the
// whole console in Danish on a phone.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startApplication, trackOrder } from './app.mjs';
import { launchBrowser, openConsole, seriousAccessibilityViolations } from './browser.mjs';

let app;
let browser;

before(async () => {
  // No customer is in their quiet hours here: the shipment reviews read the same at any hour the tests run (the
  // quiet-hours warning is checked in decisions.test.mjs, where customers are in them all day).
  app = await startApplication(['--leadline.notifications.quiet-hours=00:00-00:00']);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

function consolePage(user, viewport = { width: 1100, height: 900 }) {
  return openConsole(browser, app.baseUrl, user, { viewport });
}

async function openOrder(page, orderNumber) {
  await page.getByRole('button', { name: 'Orders', exact: true }).click();
  await page.getByLabel('Search orders').fill(orderNumber);
  await page.getByRole('button', { name: 'Find' }).click();
  await page.getByRole('button', { name: new RegExp(`^${orderNumber} — `) }).click();
  return page.locator(`.order-detail[data-order="${orderNumber}"]`);
}

test('an agent receives part of a purchase order, then the rest, and ships a proposed parcel from the result', async () => {
  const { context, page } = await consolePage('agent');
  try {
    await page.getByRole('button', { name: 'Goods received' }).click();
    await page.getByLabel('Purchase order', { exact: true }).selectOption('PO-BW-0877');
    await page.getByLabel('Part of it arrived (units per SKU)').check();
    // More than is still to come is refused at the review, next to the units, before anything can be recorded.
    const chairs = page.getByLabel(/^Units of CHAIR-AARHUS that arrived/);
    await chairs.fill('999');
    await page.getByRole('button', { name: 'Review' }).click();
    const tooMany = /^Purchase order PO-BW-0877 has only \d+ of CHAIR-AARHUS still to come\.$/;
    await page.getByText(tooMany).waitFor();
    const errorRed = await page.getByText(tooMany).evaluate((element) => getComputedStyle(element).color);
    // Under the chairs' own field, which it describes.
    assert.equal(await chairs.getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator(`#${await chairs.getAttribute('aria-describedby')}`).textContent(), tooMany);
    assert.equal(await page.getByRole('button', { name: 'Record the receipt' }).count(), 0);
    await page.getByLabel(/^Units of CHAIR-AARHUS that arrived/).fill('2');
    await page.getByRole('button', { name: 'Review' }).click();
    // Said in full before anything is recorded; editing the form takes the confirmation away.
    const review = page.getByTestId('receipt-review');
    assert.match(
      await review.textContent(),
      /^This records against PO-BW-0877 \(Baltic Woodcraft\), arrived .*: 2 × CHAIR-AARHUS\./,
    );
    // A step to read, not an error: not drawn in the error's red.
    assert.notEqual(await review.evaluate((element) => getComputedStyle(element).borderLeftColor), errorRed);
    await page.getByLabel(/^Units of CHAIR-AARHUS that arrived/).fill('3');
    assert.equal(await page.getByRole('button', { name: 'Record the receipt' }).count(), 0);
    await page.getByLabel(/^Units of CHAIR-AARHUS that arrived/).fill('2');
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByRole('button', { name: 'Record the receipt' }).click();
    const recorded = page.getByText(
      /^Recorded against PO-BW-0877: \d+ lines? (is|are) ready.* \d+ lines? keeps? waiting\.$/,
    );
    await recorded.waitFor();
    // The purchase order picker counts only the lines still waiting, no longer those the receipt readied.
    const [, keepWaiting] = (await recorded.textContent()).match(/ (\d+) lines? keeps? waiting\.$/);
    const option = page.getByLabel('Purchase order', { exact: true }).locator('option[value="PO-BW-0877"]');
    await option.filter({ hasText: new RegExp(`, ${keepWaiting} lines? waiting$`) }).waitFor({ state: 'attached' });
    // The orders whose lines keep waiting are named as links to them, not as the store's line ids.
    const waitingOrders = page
      .getByTestId('receipt-waiting-orders')
      .getByRole('link', { name: /^Open order DEMO-\d+$/ });
    assert.ok((await waitingOrders.count()) > 0);
    assert.doesNotMatch(await page.getByTestId('receipt-result').textContent(), /\/L\d/);
    await page.getByText(/: 2 × CHAIR-AARHUS, recorded by agent$/).waitFor();

    // A whole receipt with more units than lines wait for says what is left over: closing the purchase order, for the
    // shop's stock.
    await page.getByLabel('Purchase order', { exact: true }).selectOption('PO-BW-0878');
    await page.getByRole('button', { name: 'Review' }).click();
    const spare = await page.getByTestId('receipt-left-over').textContent();
    const [, tablesLeft] = spare.match(
      /^On the shelf once this is received, and taken by no line waiting here or on another purchase order \(a line takes all its units at once\); the purchase order closes, so they are for the shop’s stock, and orders placed later do not take them: .*?(\d+) × TABLE-RIGA-180/,
    );
    const tablesToCome = (await page.getByTestId('receipt-review').textContent()).match(
      /everything still to come \((?:.*, )?(\d+) × TABLE-RIGA-180/,
    )[1];
    assert.ok(Number(tablesLeft) > 0 && Number(tablesLeft) <= Number(tablesToCome), `${tablesLeft} of ${tablesToCome}`);
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();

    // The rest of another purchase order arrives: the result names the orders now ready, with links to them.
    await page.getByLabel('Purchase order', { exact: true }).selectOption('PO-NS-2041');
    await page.getByRole('button', { name: 'Review' }).click();
    const whole = await page.getByTestId('receipt-review').textContent();
    assert.match(whole, /everything still to come/);
    // It names the orders made ready and how many customers are told what, before anything is recorded.
    assert.match(whole, /\d+ lines? of \d+ orders? becomes? ready, oldest order first: DEMO-\d+/);
    const toldReady = await page
      .getByTestId('receipt-messages')
      .getByText(
        /^\d+ customers? (is|are) told the items that arrived are ready to ship, and a shipment is proposed: DEMO-\d+/,
      )
      .textContent();
    const [, readyCount] = toldReady.match(/^(\d+) /);
    const asked = (await page.getByTestId('receipt-messages').textContent()).match(
      /(\d+) customers? (?:is|are) asked whether to wait/,
    );
    await page.getByRole('button', { name: 'Record the receipt' }).click();
    const result = page.getByTestId('receipt-result');
    // The receipt proposes a shipment for as many orders as the review said would be told they are ready.
    await result
      .getByText(
        new RegExp(
          `^Recorded against PO-NS-2041: \\d+ lines? (is|are) ready; ${readyCount} orders? (has|have) a shipment proposed\\.`,
        ),
      )
      .waitFor();
    // As many customers are asked whether to wait for the rest as the review said (the demo has such orders).
    assert.ok(asked, 'the review names the customers asked whether to wait');
    await result
      .getByText(new RegExp(` ${asked[1]} customers? (is|are) asked whether to wait for the rest\\.`))
      .waitFor();
    // Everything ordered came: the result says the purchase order is closed, as it leaves the open ones.
    await result.getByText(/ Everything ordered has arrived: PO-NS-2041 is closed and leaves the list/).waitFor();
    // Every order the receipt proposed a shipment for is among the orders listed ready to ship, however many.
    const readyLinks = result.getByRole('link', { name: /^Open order / });
    await readyLinks.first().waitFor();
    assert.ok((await readyLinks.count()) >= Number(readyCount), `${await readyLinks.count()} of ${readyCount}`);
    const link = readyLinks.first();
    const orderNumber = (await link.textContent()).trim();
    await link.click();

    const order = page.locator(`.order-detail[data-order="${orderNumber}"]`);
    await order.getByRole('button', { name: 'Ship the proposed parcel' }).click();
    await order.getByLabel('Carrier').fill('PostNord');
    await order.getByLabel('Tracking number').fill('00370712345678');
    await order.getByRole('button', { name: 'Review' }).click();
    const shipReview = await order.getByTestId('shipment-review').textContent();
    assert.match(
      shipReview,
      new RegExp(
        `^This records a parcel of order ${orderNumber} with PostNord, tracking number 00370712345678, holding .+\\. The amount for these items, .+, is taken from the customer’s card`,
      ),
    );
    // It says how much is taken: the parcel's amount in the order's currency, never nothing, and exactly what the
    // order's charged figure gains once the shipment is recorded.
    const taken = shipReview.match(/The amount for these items, (.+), is taken/)[1];
    assert.match(taken, /[1-9][\d,]*\.\d{2}/);
    // The charged figure, not the part of it for extra parcels said after it.
    const cents = (text) => Math.round(Number(text.split(', of it')[0].replace(/[^\d.]/g, '')) * 100);
    const chargedBefore = cents(await order.getByText(/^Charged so far: /).textContent());
    await order.getByRole('button', { name: 'Record the shipment and tell the customer' }).click();
    await order
      .getByTestId('shipment-done')
      .getByText(`Shipment recorded for order ${orderNumber}`, { exact: false })
      .waitFor();
    assert.equal(cents(await order.getByText(/^Charged so far: /).textContent()), chargedBefore + cents(taken));
    await order.getByRole('cell', { name: '00370712345678' }).waitFor();
    await order
      .locator('[data-event="SHIPPED"]')
      .getByText('Shipped with PostNord, tracking number 00370712345678')
      .waitFor();
  } finally {
    await context.close();
  }
});

test('the address names the open order: it opens the order again, and is the console’s own on another tab', async () => {
  const customer = await trackOrder(app.baseUrl, app.links[0]);
  const { context, page } = await consolePage('agent');
  try {
    await (await openOrder(page, customer.number)).waitFor();
    const address = () => new URL(page.url()).pathname + new URL(page.url()).search;
    assert.equal(address(), `/console?order=${encodeURIComponent(customer.number)}`);

    await page.reload();
    await page.locator(`.order-detail[data-order="${customer.number}"]`).waitFor();
    assert.equal(address(), `/console?order=${encodeURIComponent(customer.number)}`);

    await page.getByRole('button', { name: 'Supplier delays' }).click();
    assert.equal(address(), '/console');
  } finally {
    await context.close();
  }
});

test('an agent ships an item by hand and revokes a link; an admin reads both in the audit log, an agent may not', async () => {
  const customer = await trackOrder(app.baseUrl, app.links[1]);
  const { context, page } = await consolePage('agent');
  try {
    // A backordered line whose goods have not come in, of a customer who chose one delivery: the review says both.
    const waiting = await trackOrder(app.baseUrl, app.links[3]);
    const [sofa, ...others] = waiting.lines;
    assert.deepEqual([sofa.source, sofa.status], ['BACKORDER', 'AWAITING_SUPPLIER']);
    // The lamp comes from its supplier in a parcel of its own: the one delivery is of what the shop sends.
    const rest = others.filter((line) => line.source !== 'DROPSHIP');
    assert.equal(rest.length, 1, 'the item that stays behind');
    assert.equal(others.length, 2, 'beside a dropshipped one');
    const unsent = await openOrder(page, waiting.number);
    await unsent.getByRole('button', { name: 'Ship by hand' }).click();
    await unsent.getByRole('checkbox', { name: new RegExp(`^${sofa.name} `) }).check();
    await unsent.getByLabel('Carrier').fill('DAO');
    // A tracking number with markup in it is refused beside its field before any review: it goes into the carrier's
    // link and the customer's messages as typed.
    await unsent.getByLabel('Tracking number').fill('<b>DAO 1</b>');
    await unsent.getByRole('button', { name: 'Review' }).click();
    await unsent
      .getByText("Letters and digits, with a space or '-' between them, at most 40 characters.", { exact: true })
      .waitFor();
    assert.equal(await unsent.getByLabel('Tracking number').getAttribute('aria-invalid'), 'true');
    assert.equal(await unsent.getByTestId('shipment-review').count(), 0);
    await unsent.getByLabel('Tracking number').fill('DAO-1');
    await unsent.getByRole('button', { name: 'Review' }).click();
    const caveats = await unsent.getByTestId('shipment-review').locator('p.caveat').allTextContents();
    // The customer may still choose how the rest travels (the shop has sent nothing yet): the parcel ends that.
    assert.ok(waiting.choice.open, 'the customer has a choice still open');
    assert.equal(caveats.length, 3);
    assert.equal(
      caveats[2],
      'The customer can still choose one delivery or items as they are ready; this parcel ends that choice.',
    );
    assert.equal(
      caveats[0],
      `${sofa.name} has not come in from the supplier yet: recording it as shipped says the goods left before a receipt was booked for them.`,
    );
    // Who chose one delivery is said as the order says it (the customer, at checkout or since, or the segment policy).
    const chosenBy = (await unsent.textContent()).match(
      /Delivery: .+?, (chosen by the customer(?: at checkout)?|set by the segment policy)/,
    );
    assert.ok(chosenBy, 'the order says who chose its delivery');
    assert.equal(
      caveats[1],
      `Everything was to come in one delivery (${chosenBy[1]}); ${rest[0].quantity > 1 ? `${rest[0].quantity} × ` : ''}${rest[0].name} stays behind and follows in a parcel of its own.`,
    );
    await unsent.getByRole('button', { name: 'Cancel', exact: true }).click();
    assert.equal(await unsent.getByTestId('shipment-review').count(), 0);

    const order = await openOrder(page, customer.number);
    await order.getByRole('button', { name: 'Ship by hand' }).click();
    // Nothing filled in: each field says what it lacks, next to it, and there is nothing to confirm.
    await order.getByRole('button', { name: 'Review' }).click();
    assert.equal(
      await order.locator(`#ship-${customer.number}-carrier-error`).textContent(),
      'Name the carrier the parcel leaves with.',
    );
    assert.equal(
      await order.locator(`#ship-${customer.number}-tracking-error`).textContent(),
      'Give the parcel’s tracking number.',
    );
    assert.equal(await order.getByTestId('shipment-review').count(), 0);
    // Nothing picked: said next to the items, nothing sent.
    await order.getByLabel('Carrier').fill('GLS');
    await order.getByLabel('Tracking number').fill('GLS-4711');
    await order.getByRole('button', { name: 'Review' }).click();
    await order.getByText('Pick at least one item to ship.').waitFor();
    const first = customer.lines[0];
    await order.getByRole('checkbox', { name: new RegExp(`^${first.name} `) }).check();
    await order.getByRole('button', { name: 'Review' }).click();
    // Items are said with how many of each, as the parcel holds them.
    const counted = (line) => `${line.quantity > 1 ? `${line.quantity} × ` : ''}${line.name}`;
    assert.match(await order.getByTestId('shipment-review').textContent(), new RegExp(`holding ${counted(first)}\\.`));
    // The customer's other open items the shop sends stay behind: the review names them.
    const behind = customer.lines
      .filter((line) => line !== first && !['SHIPPED', 'DELIVERED', 'CANCELLED', 'REFUNDED'].includes(line.status))
      .filter((line) => line.source !== 'DROPSHIP')
      .map(counted);
    assert.ok(behind.length > 0);
    const [, named] = /one delivery \((?:chosen|set) by [^)]+\); (.+?) stays? behind/.exec(
      await order.getByTestId('shipment-review').textContent(),
    );
    // Every item that stays behind is named, in order, and nothing else but the list's own words between them.
    const between = behind.reduce((left, name) => left.replace(name, '|'), named);
    assert.match(between, /^\|((, |; | and )\|)*$/, `${named} names ${behind.join(' / ')}`);
    await order.getByRole('button', { name: 'Record the shipment and tell the customer' }).click();
    await order.getByRole('cell', { name: 'GLS-4711' }).waitFor();
    // The agent goes on from what was done: the focus is on the outcome, not back at the top of the list.
    await page
      .waitForFunction(() => document.activeElement?.matches('[data-testid="shipment-done"]'), null, { timeout: 5000 })
      .catch(async () => {
        const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
        assert.fail(`the shipment's outcome has the focus, not ${focused}`);
      });

    await order.getByRole('button', { name: 'Revoke tracking link' }).click();
    assert.match(
      await order.getByTestId('revoke-review').textContent(),
      new RegExp(`^The tracking link of order ${customer.number} stops working at once\\.`),
    );
    await order.getByRole('button', { name: 'Revoke the link' }).click();
    await order.getByText(`The tracking link of order ${customer.number} no longer works.`).waitFor();
    assert.equal(await trackOrder(app.baseUrl, app.links[1]), null);
    // The order, read again, says the customer's link opens nothing, and offers no second revoking.
    await order.locator('button:disabled', { hasText: 'Revoke tracking link' }).waitFor();

    // Agents have no audit log: not on screen, and the API refuses them.
    assert.equal(await page.getByRole('button', { name: 'Audit log' }).count(), 0);
    const token = await page.evaluate(() => sessionStorage.getItem('leadline.console.token'));
    const refused = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ auditLog { action } }' }),
    });
    assert.equal((await refused.json()).errors[0].extensions.classification, 'FORBIDDEN');
  } finally {
    await context.close();
  }

  const admin = await consolePage('admin');
  try {
    await admin.page.getByRole('button', { name: 'Audit log' }).click();
    const log = admin.page.getByRole('table', { name: 'Every agent action' });
    const revoked = log.locator('tr[data-action="REVOKE_TRACKING_LINK"]').first();
    await revoked.waitFor();
    assert.match(
      await revoked.textContent(),
      new RegExp(`agentRevoked a tracking link${customer.number}tracking link: activetracking link: revoked`),
    );
    await log.locator('tr[data-action="RECORD_SHIPMENT"]').first().waitFor();
    // What was done reads in words, not as the store's records: the demo's purchase order.
    await admin.page.getByLabel('Only entries containing').fill('PO-BW-0877');
    const placed = log.locator('tr[data-action="PLACE_PURCHASE_ORDER"]').first();
    await placed.waitFor();
    const read = await placed.textContent();
    assert.match(read, /supplier: BALTIC-WOOD/);
    assert.match(read, /items: \d+ × CHAIR-AARHUS/);
    assert.match(read, /expected: \w{3} \d{1,2} \w{3}/);
    // A delay reads by what it delayed, not by its id alone: the demo's delay of the Bergen sofa.
    await admin.page.getByLabel('Only entries containing').fill('SOFA-BERGEN-2');
    const delayed = log.locator('tr[data-action="LOG_DELAY"]').last();
    await delayed.waitFor();
    assert.match(
      await delayed.locator('td[data-label="Concerns"]').textContent(),
      /^SOFA-BERGEN-2 at NORDIC-SOFA \(delay [0-9a-f]{8}…\)$/,
    );
    // Narrowed to a word: only the entries that contain it stay.
    await admin.page.getByLabel('Only entries containing').fill('revoked');
    const actions = await log.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.dataset.action));
    assert.ok(actions.length >= 1);
    assert.deepEqual([...new Set(actions)], ['REVOKE_TRACKING_LINK']);
    // In Danish, the facts read in Danish too: their names and the codes recorded.
    await admin.page.getByLabel('Language').selectOption('da');
    await admin.page.getByLabel('Kun poster, der indeholder').fill('');
    const danish = admin.page.getByRole('table', { name: 'Alle medarbejderhandlinger' });
    assert.match(
      await danish.locator('tr[data-action="REVOKE_TRACKING_LINK"]').first().textContent(),
      /sporingslink: aktivtsporingslink: tilbagekaldt/,
    );
    const placedInDanish = await danish.locator('tr[data-action="PLACE_PURCHASE_ORDER"]').first().textContent();
    assert.match(placedInDanish, /leverandør: [A-Z-]+/);
    assert.match(placedInDanish, /varer: \d+ × [A-Z-]+/);
    assert.match(placedInDanish, /forventet: \p{L}+\. \d{1,2}\. \p{L}+\./u);
  } finally {
    await admin.context.close();
  }
});

/** Nothing on the page is wider than the screen, but for what scrolls inside its own box (wide tables). */
async function fitsTheScreen(page, where) {
  const tooWide = await page.evaluate(() => ({
    by: document.documentElement.scrollWidth - window.innerWidth,
    what: [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
      .filter((element) => !element.closest('.scroll'))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
  }));
  assert.ok(tooWide.by <= 0, `${where}: the page scrolls sideways by ${tooWide.by} px: ${tooWide.what.join(', ')}`);
  // An order number or SKU broken at its hyphen reads as two: each stays on one line, its table scrolling instead, as
  // does what is marked to stay on one line (a purchase order's figures, say).
  const broken = await page.evaluate(() =>
    [...document.querySelectorAll('a, td, span, .nowrap')]
      .filter((element) => element.matches('.nowrap') || /^[A-Z0-9]+(-[A-Z0-9]+)+$/.test(element.textContent.trim()))
      .filter((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1;
      })
      .map((element) => element.textContent.trim()),
  );
  assert.deepEqual(broken, [], `${where}: codes broken across lines`);
}

test("an agent who picked Danish signs in on the shop's own form, in Danish, and is told a wrong password there", async () => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  try {
    await page.goto(`${app.baseUrl}/console`);
    await page.getByLabel('Language').selectOption('da');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('heading', { name: 'Log ind på konsollen' }).waitFor();
    // Under the shop's name, not a generic form.
    assert.match(await page.title(), /^Log ind · .+/);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'da');
    assert.deepEqual(await seriousAccessibilityViolations(page), []);

    // The form's own picker of languages.
    await page.getByRole('link', { name: 'Deutsch' }).click();
    await page.getByRole('heading', { name: 'Bei der Konsole anmelden' }).waitFor();
    await page.getByRole('link', { name: 'Dansk' }).click();
    await page.getByRole('heading', { name: 'Log ind på konsollen' }).waitFor();

    await page.getByLabel('Brugernavn').fill('agent');
    await page.getByLabel('Adgangskode').fill('wrong');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('alert').filter({ hasText: 'Brugernavnet eller adgangskoden er forkert.' }).waitFor();

    // The name is kept; only the password is typed again, where the cursor already is. Both fields point at the
    // refusal, for a screen reader on either.
    assert.equal(await page.getByLabel('Brugernavn').inputValue(), 'agent');
    for (const field of ['Brugernavn', 'Adgangskode']) {
      assert.equal(await page.getByLabel(field).getAttribute('aria-invalid'), 'true');
      assert.equal(await page.getByLabel(field).getAttribute('aria-describedby'), 'sign-in-error');
    }
    // The browser moves focus to an autofocus field when it next draws the page, not as it parses it.
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'password');
    await page.getByLabel('Adgangskode').fill('agent');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByText('Logget ind som agent').waitFor();
  } finally {
    await context.close();
  }
});

test('an agent switches the console to Danish on a phone: every word Danish, nothing wider than the screen', async () => {
  const { context, page } = await consolePage('agent', { width: 375, height: 800 });
  try {
    await page.getByLabel('Language').selectOption('da');
    await page.getByRole('heading', { name: 'Registrer en leverandørforsinkelse' }).waitFor();
    await page.getByText('Logget ind som agent').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Registrer en leverandørforsinkelse' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'da');

    const customer = await trackOrder(app.baseUrl, app.links[2]);
    await page.getByRole('button', { name: 'Ordrer', exact: true }).click();
    // Before any search, the newest orders.
    await page
      .getByRole('status')
      .filter({ hasText: /^De \d+ nyeste ordrer, nyeste først; søg for at finde andre$/ })
      .waitFor();
    await page.getByLabel('Søg ordrer').fill(customer.number);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('button', { name: new RegExp(`^${customer.number} — `) }).click();
    const order = page.locator(`.order-detail[data-order="${customer.number}"]`);
    await order.getByRole('columnheader', { name: 'Vare' }).waitFor();
    await order.getByRole('columnheader', { name: 'Forventet' }).waitFor();
    const text = await order.textContent();
    assert.doesNotMatch(text, /AWAITING_SUPPLIER|RESERVED|BACKORDER|AUTHORIZED|PLACED|ETA_MOVED/, 'no internal codes');
    assert.match(text, /Tider i din tidszone/);
    assert.match(text, /Trukket indtil nu: /);
    assert.match(text, /Ordre afgivet/);

    await fitsTheScreen(page, 'the order');
    assert.deepEqual(await seriousAccessibilityViolations(page), []);

    // The API's refusals are Danish too, with their figures, next to the field they concern.
    await page.getByRole('button', { name: 'Varemodtagelse', exact: true }).click();
    await page.getByLabel('Indkøbsordre', { exact: true }).selectOption('PO-BW-0878');
    await page.getByLabel('En del er kommet (enheder pr. varenummer)').check();
    const units = page.getByLabel(/^Enheder af TABLE-RIGA-180, der er kommet/);
    await units.fill('999');
    await page.getByRole('button', { name: 'Gennemse' }).click();
    const refused = /^Kun \d+ af TABLE-RIGA-180 mangler stadig på indkøbsordre PO-BW-0878\.$/;
    await page.getByText(refused).waitFor();
    assert.match(await page.locator(`#${await units.getAttribute('aria-describedby')}`).textContent(), refused);

    // Every tab, the forms' pickers of purchase orders among them, whose options name supplier, date and lines.
    const tabs = page.getByRole('navigation', { name: 'Leadline-konsol' }).getByRole('button');
    for (let index = 0; index < (await tabs.count()); index++) {
      const tab = tabs.nth(index);
      await tab.click();
      await page
        .locator(`nav.tabs button[aria-current="page"]`)
        .filter({ hasText: await tab.textContent() })
        .waitFor();
      await page.locator('section.panel h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      await fitsTheScreen(page, `the tab ${await tab.textContent()}`);
    }
  } finally {
    await context.close();
  }
});

test("an agent on the phone with a customer reads the customer's page as the customer does, in their language", async () => {
  // A customer who reads another language than the agent's, with their page open.
  const orders = await Promise.all(
    app.links.map(async (link) => ({ link, order: await trackOrder(app.baseUrl, link) })),
  );
  // (A link an earlier test revoked opens no order.)
  const { link, order: customer } = orders.find(({ order }) => order !== null && order.locale !== 'en');
  const theirs = await browser.newContext({ locale: 'en-GB' });
  const customerPage = await theirs.newPage();
  await customerPage.goto(link);
  const customerView = customerPage.locator('article.order');
  await customerView.locator('li[data-line]').first().waitFor();
  const { context, page } = await consolePage('agent');
  try {
    const order = await openOrder(page, customer.number);
    await order.getByRole('button', { name: "Show the customer's page" }).click();
    const view = order.getByTestId('customer-view');
    await view.locator('li[data-line]').first().waitFor();
    const hide = order.getByRole('button', { name: "Hide the customer's page" });
    assert.equal(await hide.getAttribute('aria-expanded'), 'true');

    // The same words as the customer's own page: the order's heading, its window, and every item as it stands. Its
    // headings sit below the console's "The customer's page" (h3): the order's an h4 here, an h1 on the page itself.
    assert.equal(await view.locator('h4').textContent(), await customerView.locator('h1').textContent());
    assert.equal(await view.locator('h1, h2, h3').count(), 0);
    assert.equal(
      await view.getByTestId('order-eta').textContent(),
      await customerView.getByTestId('order-eta').textContent(),
    );
    const items = (where) => where.locator('li[data-line] [data-heading="3"]').allTextContents();
    assert.deepEqual(await items(view), await items(customerView));
    assert.equal(await view.locator('li[data-line]').count(), customer.lines.length);
    // Every choice and button the customer has, none of them to use here: what the customer does there is theirs.
    const buttons = (where) => where.getByRole('button').evaluateAll((all) => all.map((button) => button.textContent));
    assert.deepEqual(await buttons(view), await buttons(customerView));
    // (The message settings at least: what else there is depends on what earlier tests did to the order.)
    const controls = view.locator('button, input, select, textarea');
    assert.ok((await controls.count()) > 0);
    const usable = await controls.evaluateAll((all) => all.filter((control) => !control.matches(':disabled')).length);
    assert.equal(usable, 0);

    // In the agent's language on request.
    await order.getByLabel('Language of the page').selectOption('en');
    await view.locator('h4', { hasText: `Order ${customer.number}` }).waitFor();
    assert.deepEqual(await seriousAccessibilityViolations(page), []);
  } finally {
    await context.close();
    await theirs.close();
  }
});
