// A customer decides from the tracking page in a real browser: wait or split (at a cost, with a one-time code), and
// cancelling a late item with a one-time code.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { placeOrder, startApplication, trackOrder } from './app.mjs';
import { launchBrowser, openConsole, seriousAccessibilityViolations } from './browser.mjs';

let app;
let browser;

before(async () => {
  // Every customer is in their quiet hours all day here, so that what an agent reads about them is the same at any
  // hour the tests run; one-time codes are never held back.
  app = await startApplication(['--leadline.notifications.quiet-hours=00:00-23:59:59.999999999']);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

async function demoOrder(language, minLines = 3) {
  for (const link of app.links) {
    const order = await trackOrder(app.baseUrl, link);
    if (order.locale === language && order.lines.length >= minLines) {
      return { link, order };
    }
  }
  throw new Error(`No demo order of ${minLines}+ lines in ${language}`);
}

async function open(link) {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 900 } });
  const page = await context.newPage();
  await page.goto(link);
  return { page, close: () => context.close() };
}

describe('wait for everything, or ship what is ready', () => {
  test('in English: shipping now shows the parcels, waiting again shows one delivery, and both are kept', async () => {
    // The cushion in stock, the sofa bought in, the lamp sent by its supplier.
    const { link, order } = await demoOrder('en');
    const fromShop = order.lines.filter((line) => line.source !== 'DROPSHIP');
    const dropshipped = order.lines.filter((line) => line.source === 'DROPSHIP');
    assert.equal(dropshipped.length, 1);
    const { page, close } = await open(link);
    try {
      await page.getByRole('group', { name: 'How should we deliver?' }).waitFor();
      const wait = page.getByRole('radio', { name: /Wait and get one delivery around/ });
      const split = page.getByRole('radio', { name: /^Ship each item as it is ready, in 2 parcels/ });
      assert.equal(await wait.isChecked(), true);
      assert.match(await page.locator('.choice').textContent(), /No extra shipping cost/);
      // Before choosing, each option says which items go in which parcel.
      const offered = page.getByTestId('split-parcels').locator('li');
      assert.equal(await offered.count(), 2);
      assert.match(await offered.first().textContent(), new RegExp(`^Parcel 1, around .*: ${order.lines[0].name}$`));
      const together = await page.getByTestId('wait-parcels').textContent();
      for (const line of fromShop) {
        assert.ok(together.includes(line.name), `${line.name} in ${together}`);
      }
      // The lamp is in neither option: its supplier sends it in a parcel of its own, and the page says so.
      assert.ok(!together.includes(dropshipped[0].name), together);
      assert.match(
        await page.getByTestId('supplier-parcel').textContent(),
        new RegExp(`^Sent by its supplier in a parcel of its own, whichever you choose: ${dropshipped[0].name}, around `),
      );

      // A smaller phone's screen, where the answer falls below the options and the parcels they list.
      await page.setViewportSize({ width: 375, height: 667 });
      await split.check();
      await page.getByText('Saved. You can change your mind until we send the first item.').waitFor();
      // It comes into view to be read.
      await page.waitForFunction(() => {
        const said = document.querySelector('.choice-status').getBoundingClientRect();
        return said.top >= 0 && said.bottom <= window.innerHeight + 1;
      });
      // The chosen option lists its parcels, once: not again under "Your parcels" while the choice is open.
      const parcels = page.getByTestId('split-parcels').locator('li');
      assert.equal(await parcels.count(), 2);
      assert.match(await parcels.first().textContent(), new RegExp(`^Parcel 1, around .*: ${order.lines[0].name}$`));
      assert.equal(await page.getByTestId('parcels').count(), 0);
      assert.match(await page.getByTestId('order-eta').textContent(), /as they are ready/);
      await page.locator('[data-event="CHOICE_MADE"]').getByText('Delivery set to ship items as they are ready').waitFor();

      await page.reload();
      await page.getByRole('group', { name: 'How should we deliver?' }).waitFor();
      assert.equal(await page.getByRole('radio', { name: /Ship each item as it is ready/ }).isChecked(), true);

      // By keyboard: the arrow key moves to the other option, which is only looked at (the reservation of the
      // extra shipping is not let go) until the customer saves it; the keyboard then goes back to it.
      await page.getByRole('radio', { name: /Ship each item as it is ready/ }).focus();
      await page.keyboard.press('ArrowUp');
      const waiting = page.getByRole('radio', { name: /Wait and get one delivery around/ });
      assert.equal(await waiting.isChecked(), true);
      assert.equal(await page.getByText('Saved. You can change your mind until we send the first item.').count(), 0);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.getByText('Saved. You can change your mind until we send the first item.').waitFor();
      assert.equal(await waiting.isChecked(), true);
      await page.waitForFunction((radio) => radio === document.activeElement, await waiting.elementHandle());
      await page.getByTestId('parcels').waitFor({ state: 'detached' });
      // The shop's items in one delivery and the lamp on its own: two parcels, not "one delivery".
      assert.match(await page.getByTestId('order-eta').textContent(), /^Your order arrives in 2 parcels, the last /);
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
    } finally {
      await close();
    }
  });

  test('in German: the same choice, in the customer’s words', async () => {
    const { link } = await demoOrder('de');
    const { page, close } = await open(link);
    try {
      await page.getByRole('group', { name: 'Wie sollen wir liefern?' }).waitFor();
      await page.getByRole('radio', { name: /^Jeden Artikel senden, sobald er bereit ist, in \d Paketen/ }).check();
      await page.getByText('Gespeichert.', { exact: false }).waitFor();
      assert.equal(await page.getByTestId('split-parcels').locator('li').count(), 2);
      await page.getByText(/^Vom Lieferanten in einem eigenen Paket versandt, ganz gleich, was Sie wählen: /).waitFor();
      await page.locator('[data-event="CHOICE_MADE"]').getByText('Lieferung auf Versand nach Verfügbarkeit gestellt').waitFor();
    } finally {
      await close();
    }
  });
});

describe('ready items first at a cost', () => {
  test('an admin sets the fee; the customer reserves it with a code; the second parcel takes it, the first does not', async () => {
    const admin = await openConsole(browser, app.baseUrl, 'admin', { viewport: { width: 1100, height: 900 } });
    try {
      const page = admin.page;
      await page.getByRole('button', { name: 'Policies' }).click();
      await page.getByLabel('Segment', { exact: true }).fill('PARCEL-FEE');
      // A fee in each currency the shop sells in; one finer than its currency allows is refused next to it, before
      // any review.
      const fees = page.getByRole('group', { name: 'Fee per extra parcel (empty: the shop’s fee)' });
      await fees.getByLabel('DKK', { exact: true }).fill('49.00');
      await fees.getByLabel('EUR', { exact: true }).fill('7.005');
      const review = page.getByRole('form', { name: 'Define a segment policy' }).getByRole('button', { name: 'Review' });
      await review.click();
      await fees.getByText('EUR has 2 decimals.').waitFor();
      assert.equal(await fees.getByLabel('EUR', { exact: true }).getAttribute('aria-invalid'), 'true');
      assert.equal(await page.getByTestId('policy-review').count(), 0);
      // A decimal comma is read as a point.
      await fees.getByLabel('EUR', { exact: true }).fill('7,00');
      await review.click();
      assert.match(
        await page.getByTestId('policy-review').textContent(),
        /^This defines segment PARCEL-FEE: .*fee per extra parcel: DKK\s49\.00, €7\.00, PLN\s0\.00 \(the shop’s fee\), £0\.00 \(the shop’s fee\)\. It applies to orders placed from now on\./,
      );
      await page.getByRole('button', { name: 'Save the policy' }).click();
      await page.getByText('Policy of segment PARCEL-FEE saved.').waitFor();
      const row = (segment) =>
        page.getByRole('row').filter({ has: page.getByRole('cell', { name: segment, exact: true }) });
      await row('PARCEL-FEE')
        .getByRole('cell', { name: /^DKK\s49\.00, €7\.00, PLN\s0\.00 \(the shop’s fee\), £0\.00 \(the shop’s fee\)$/ })
        .waitFor();
      // A segment without a fee of its own shows the shop's, which this shop left at nothing.
      await row('B2C')
        .getByRole('cell', { name: /^DKK\s0\.00 \(the shop’s fee\), €0\.00 \(the shop’s fee\), PLN\s0\.00 \(the shop’s fee\)/ })
        .waitFor();
      // Editing starts from the policy in force, and its review says what it replaces and for which orders.
      await page.getByRole('button', { name: 'Edit the policy of segment PARCEL-FEE' }).click();
      assert.equal(await page.getByLabel('Segment', { exact: true }).inputValue(), 'PARCEL-FEE');
      assert.equal(await fees.getByLabel('DKK', { exact: true }).inputValue(), '49.00');
      await review.click();
      assert.match(
        await page.getByTestId('policy-review').textContent(),
        /^This replaces the policy of segment PARCEL-FEE: .* orders placed before keep the terms they were placed under\./,
      );
      await page.getByTestId('policy-review').getByRole('button', { name: 'Cancel' }).click();
      // The keyboard is back on the button that asked for the review, not at the top of the page.
      await page.waitForFunction((button) => button === document.activeElement, await review.elementHandle());
    } finally {
      await admin.context.close();
    }
    const placed = await placeOrder(app.baseUrl, {
      number: 'FEE-2201',
      customer: { name: 'Freja Lund', email: 'freja@example.com', locale: 'en', segment: 'PARCEL-FEE' },
      lines: [
        { sku: 'VASE-GLASS', name: 'Glass vase', quantity: 1, unitPrice: '329.00', source: 'STOCK' },
        { sku: 'SOFA-OSLO-3', name: 'Oslo sofa', quantity: 1, unitPrice: '8999.00', source: 'BACKORDER', supplier: 'NORDIC-SOFA' },
      ],
    });

    const { page, close } = await open(placed.trackingUrl);
    try {
      const choice = page.getByRole('group', { name: 'How should we deliver?' });
      await choice.getByText(/^Extra shipping: DKK\s49\.00$/).waitFor();
      await page.getByRole('radio', { name: /Ship each item as it is ready/ }).check();
      // Said in full before anything is reserved; the choice is not saved yet.
      const confirmation = page.getByRole('region', { name: /^Ship each item as it is ready, for DKK\s49\.00 extra shipping\?$/ });
      assert.match(await confirmation.textContent(), /We reserve DKK\s49\.00 on your card now and charge it as the extra parcels leave/);
      assert.equal(await page.getByText('Saved.', { exact: false }).count(), 0);
      const codesBefore = app.codesSentFor('FEE-2201');
      await confirmation.getByRole('button', { name: /^Send code to / }).click();
      await confirmation.getByText(/^We sent a code to/).waitFor();
      const code = await app.codeFor('FEE-2201', codesBefore);
      // A wrong code is refused, and the keyboard is back in the code's field to type it again, not up at the options.
      const codeField = confirmation.getByLabel('6-digit code');
      await codeField.fill(code === '000000' ? '111111' : '000000');
      await codeField.press('Enter');
      await confirmation.getByRole('alert').waitFor();
      await page.waitForFunction((field) => field === document.activeElement, await codeField.elementHandle());
      // Pasted with a space, the code is still the code.
      await codeField.fill(`${code.slice(0, 3)} ${code.slice(3)}`);
      assert.equal(await codeField.inputValue(), code);
      await confirmation.getByRole('button', { name: /^Reserve DKK\s49\.00 and ship each item as it is ready$/ }).click();
      await page.getByText('Saved. You can change your mind until we send the first item.').waitFor();
      await page
        .getByText(/^DKK\s49\.00 is reserved on your card for extra shipping; DKK\s0\.00 of it has been charged\.$/)
        .waitFor();
      assert.match(
        await page.getByRole('radio', { name: /Wait and get one delivery/ }).locator('..').textContent(),
        /Choosing this releases the DKK\s49\.00 reserved for extra shipping\./,
      );
      await page
        .locator('[data-event="CHOICE_MADE"]')
        .getByText(
          /^Delivery set to ship items as they are ready: DKK\s49\.00 reserved on your card for extra shipping$/,
        )
        .waitFor();
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
    } finally {
      await close();
    }

    // The agent ships the vase, then the sofa: only the second parcel's review names the extra shipping, and the
    // order's charged figure gains exactly the total it names.
    const agent = await openConsole(browser, app.baseUrl, 'agent', { viewport: { width: 1100, height: 900 } });
    try {
      const page = agent.page;
      await page.getByRole('button', { name: 'Orders', exact: true }).click();
      await page.getByLabel('Search orders').fill('FEE-2201');
      await page.getByRole('button', { name: 'Find' }).click();
      await page.getByRole('button', { name: /^FEE-2201 — / }).click();
      const order = page.locator('.order-detail[data-order="FEE-2201"]');
      await order
        .getByText(
          /^Extra shipping the customer agreed to for ready items first: DKK\s49\.00 reserved on their card, DKK\s0\.00 taken so far\.$/,
        )
        .waitFor();
      await order
        .locator('[data-event="CHOICE_MADE"]')
        .getByText(
          /^Delivery changed to items as they are ready, chosen by the customer; DKK\s49\.00 reserved on the card for extra shipping$/,
        )
        .waitFor();
      // The charged figure, not the part of it for extra parcels said after it.
      const cents = (text) => Math.round(Number(text.split(', of it')[0].replace(/[^\d.]/g, '')) * 100);
      const ship = async (item, tracking) => {
        await order.getByRole('button', { name: 'Ship by hand' }).click();
        await order.getByRole('checkbox', { name: new RegExp(`^${item} `) }).check();
        await order.getByLabel('Carrier').fill('GLS');
        await order.getByLabel('Tracking number').fill(tracking);
        await order.getByRole('button', { name: 'Review' }).click();
        const review = order.getByTestId('shipment-review');
        const caveats = await review.locator('p.caveat').allTextContents();
        const before = cents(await order.getByText(/^Charged so far: /).textContent());
        await order.getByRole('button', { name: 'Record the shipment and tell the customer' }).click();
        // The agent's own answer, not the live refresh that can show the shipment before it.
        await order.getByTestId('shipment-done').getByText(new RegExp(`: ${item} with GLS\\.$`)).waitFor();
        await order.getByRole('cell', { name: tracking }).waitFor();
        return { caveats, gained: cents(await order.getByText(/^Charged so far: /).textContent()) - before };
      };
      const first = await ship('Glass vase', 'GLS-FEE-1');
      assert.ok(!first.caveats.some((caveat) => caveat.includes('extra shipping')), first.caveats.join('\n'));
      assert.equal(first.gained, 32900);
      const second = await ship('Oslo sofa', 'GLS-FEE-2');
      const extra = second.caveats.find((caveat) => caveat.includes('extra shipping'));
      assert.equal(
        extra.replace(/\s/g, ' '),
        'This parcel is not the first, and the customer agreed to pay extra shipping for it: DKK 49.00 more is taken with it, DKK 9,048.00 in all.',
      );
      assert.equal(second.gained, 904800);
      // The charged figure, beyond the items' total now, says what of it the extra parcel took.
      assert.match(await order.getByText(/^Charged so far: /).textContent(), /, of it DKK\s49\.00 for extra parcels$/);
      // The customer is told when their quiet hours end, and the review says so before anything is recorded.
      assert.ok(
        second.caveats.some((caveat) =>
          /^It is within the customer’s quiet hours \(Europe\/Copenhagen\): they are told at .+ \(.+\), when those end\.$/.test(
            caveat,
          ),
        ),
        second.caveats.join('\n'),
      );
      await order
        .getByText(
          /^Extra shipping the customer agreed to for ready items first: DKK\s49\.00, all of it taken\.$/,
        )
        .waitFor();

      // The Messages tab lists the news held for the customer's quiet hours, going when the review said.
      const told = second.caveats.join('\n').match(/they are told at (.+) \(.+\), when those end\./)[1];
      await page.getByRole('button', { name: 'Messages', exact: true }).click();
      const shipped = page
        .getByRole('list', { name: 'Held for quiet hours' })
        .locator('li[data-order="FEE-2201"]')
        .filter({ hasText: ': parcel shipped, held since' });
      await shipped.first().waitFor();
      assert.match(
        (await shipped.first().textContent()).replace(/\s/g, ' '),
        new RegExp(
          `^FEE-2201 — Freja Lund: parcel shipped, held since .+\\. It goes at ${told.replace(/\s/g, ' ')}, when the customer’s quiet hours end \\(Europe/Copenhagen\\)\\.$`,
        ),
      );
    } finally {
      await agent.context.close();
    }

    // The customer's summary counts the extra shipping in, so its total is what was charged.
    const after = await open(placed.trackingUrl);
    try {
      const page = after.page;
      await page.getByText(/^Extra shipping: DKK\s49\.00 charged\.$/).waitFor();
      assert.match(await page.getByTestId('extra-shipping-charged').textContent(), /^Extra shipping\s*DKK\s49\.00$/);
      assert.match(await page.getByTestId('order-total').textContent(), /DKK\s9,377\.00$/);
      assert.match(await page.getByTestId('total-charged').textContent(), /^Charged so far: DKK\s9,377\.00/);
    } finally {
      await after.close();
    }
  });
});

describe('cancelling a late item', () => {
  test('in German: a wrong code is refused, the right one cancels and releases the reservation', async () => {
    const { link, order } = await demoOrder('de');
    const late = order.lines.find((line) => line.source === 'BACKORDER');
    const { page, close } = await open(link);
    try {
      const item = page.locator(`li[data-sku="${late.sku}"]`);
      await item.getByText('Später als zuerst zugesagt', { exact: false }).waitFor();
      // Why, on the item itself: the reason the supplier's delay was logged with, in German.
      assert.equal(
        await item.getByTestId('line-late-reason').textContent(),
        'Warum: Die Produktion des Lieferanten ist im Verzug.',
      );
      assert.equal(await item.getByTestId('line-money').textContent(), 'Noch nicht belastet');
      // Items on time offer no cancellation; late ones (the backordered one, and any the promise watch found past
      // its dispatch day) do.
      const lateItems = page.locator('li[data-sku]').filter({ hasText: 'Später als zuerst zugesagt' });
      const cancellable = await page.getByRole('button', { name: 'Diesen Artikel stornieren' }).count();
      assert.equal(cancellable, await lateItems.count());

      const totalBefore = await page.getByTestId('order-total').textContent();
      await item.getByRole('button', { name: 'Diesen Artikel stornieren' }).click();
      assert.match(await item.locator('.cancel').textContent(), /noch nicht belastet.*Reservierung .* sofort freigegeben/);
      const before = app.codesSentFor(order.number);
      await item.getByRole('button', { name: /^Code an .*@example\.com senden$/ }).click();
      await item.getByText(/Wir haben einen Code an .* gesendet/).waitFor();
      const code = await app.codeFor(order.number, before);
      const wrong = code === '000000' ? '111111' : '000000';
      // The keyboard waits in the code's field, and goes back there when a code is refused.
      const codeField = await item.getByLabel('6-stelliger Code').elementHandle();
      await page.waitForFunction((field) => field === document.activeElement, codeField);

      await page.keyboard.type(wrong);
      await page.keyboard.press('Enter');
      await item.getByRole('alert').getByText('Der Code stimmt nicht.', { exact: false }).waitFor();
      await page.waitForFunction((field) => field === document.activeElement, codeField);
      // Said under the code and read with it, as the field in error; typing it again takes the refusal away.
      const described = await item.getByLabel('6-stelliger Code').getAttribute('aria-describedby');
      assert.match(await page.locator(`[id="${described}"]`).textContent(), /^Der Code stimmt nicht\./);
      assert.equal(await item.getByLabel('6-stelliger Code').getAttribute('aria-invalid'), 'true');
      assert.equal(await item.getByTestId('line-money').textContent(), 'Noch nicht belastet');

      await item.getByLabel('6-stelliger Code').fill(code);
      await item.getByRole('button', { name: 'Artikel stornieren' }).click();
      // On the item: no money was taken, and what was reserved for it is released.
      await item
        .getByText(/^Nicht belastet — storniert; die auf Ihrer Karte reservierten [\d.]+,\d{2}\s€ sind freigegeben$/)
        .waitFor();
      assert.match(await item.locator('.status').textContent(), /^Storniert am \d+\. \S+ \d{4}$/);
      // No longer on its way: the card no longer says it was ordered from the supplier for the customer.
      assert.equal(await item.locator('.source').count(), 0);
      assert.doesNotMatch(await item.textContent(), /beim Lieferanten bestellt/);
      await page.locator('[data-event="LINE_CANCELLED"]').getByText(/wurde storniert; die Reservierung von .* wurde freigegeben/).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Diesen Artikel stornieren' }).count(), cancellable - 1);
      // The summary strikes the cancelled item's price through and leaves it out of the total.
      const summaryRow = page.getByTestId('summary').getByRole('row', { name: late.name });
      assert.match(await summaryRow.textContent(), /storniert, nicht in der Summe/);
      const cents = (text) => Number(text.replace(/[^\d,]/g, '').replace(',', '.')) * 100;
      const price = cents(await summaryRow.locator('s').textContent());
      assert.ok(price > 0, 'the struck-through price is the item\'s');
      assert.equal(
        Math.round(cents(await page.getByTestId('order-total').textContent())),
        Math.round(cents(totalBefore) - price),
      );
    } finally {
      await close();
    }
  });

  test('in Polish: a wrong code is refused and nothing changes', async () => {
    const { link, order } = await demoOrder('pl');
    const late = order.lines.find((line) => line.source === 'BACKORDER');
    const { page, close } = await open(link);
    try {
      const item = page.locator(`li[data-sku="${late.sku}"]`);
      await item.getByRole('button', { name: 'Anuluj ten produkt' }).click();
      const before = app.codesSentFor(order.number);
      await item.getByRole('button', { name: /^Wyślij kod SMS-em na / }).click();
      const code = await app.codeFor(order.number, before);
      await item.getByLabel('6-cyfrowy kod').fill(code === '999999' ? '999998' : '999999');
      await item.getByRole('button', { name: 'Anuluj produkt' }).click();
      await item.getByRole('alert').getByText('Kod jest nieprawidłowy.', { exact: false }).waitFor();
      await page.reload();
      await page.locator(`li[data-sku="${late.sku}"]`).getByText('Jeszcze nie pobrano opłaty').waitFor();
    } finally {
      await close();
    }
  });
});

describe('finding one’s way on the page', () => {
  test('the language picked is kept across a reload', async () => {
    const { link, order } = await demoOrder('en', 1);
    const { page, close } = await open(link);
    try {
      await page.getByRole('heading', { level: 1, name: `Order ${order.number}` }).waitFor();
      await page.getByRole('banner').getByLabel('Language').selectOption('da');
      await page.getByRole('heading', { level: 1, name: `Ordre ${order.number}` }).waitFor();

      await page.reload();
      await page.getByRole('heading', { level: 1, name: `Ordre ${order.number}` }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'da');
    } finally {
      await close();
    }
  });

  test('with the keyboard: Enter opens the cancel panel, Esc closes it, and focus is back on its button', async () => {
    // The Polish order's late item is still there to cancel (the German one's is cancelled above).
    const { link, order } = await demoOrder('pl');
    const late = order.lines.find((line) => line.source === 'BACKORDER');
    const { page, close } = await open(link);
    try {
      const item = page.locator(`li[data-sku="${late.sku}"]`);
      const opener = item.getByRole('button', { name: 'Anuluj ten produkt' });
      await opener.focus();
      await page.keyboard.press('Enter');
      await item.getByRole('heading', { name: `Anuluj: ${late.name}` }).waitFor();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Escape');
      await item.locator('.cancel').waitFor({ state: 'detached' });
      assert.equal(await opener.evaluate((button) => button === document.activeElement), true);

      await page.keyboard.press('Enter');
      await item.getByRole('button', { name: 'Zachowaj produkt' }).click();
      await item.locator('.cancel').waitFor({ state: 'detached' });
      assert.equal(await opener.evaluate((button) => button === document.activeElement), true);
    } finally {
      await close();
    }
  });
});

describe('choosing how messages arrive', () => {
  test('in Danish: SMS off, e-mail kept, and the choice is there after a reload', async () => {
    const { link, order } = await demoOrder('da', 1);
    const { page, close } = await open(link);
    try {
      const group = page.getByRole('group', { name: 'Beskeder om denne ordre' });
      await group.waitFor();
      const sms = group.getByRole('checkbox', { name: /^På SMS til / });
      const email = group.getByRole('checkbox', { name: /^På e-mail til / });
      assert.equal(await sms.isChecked(), true);
      assert.equal(await email.isChecked(), true);

      // By keyboard: the box keeps the focus while its choice is saved, so the next key goes on from it.
      await sms.focus();
      await page.keyboard.press('Space');
      // Said back: which way each message now comes, not only "saved".
      await group.getByText('Gemt: beskeder på e-mail til, på SMS fra.').waitFor();
      assert.equal(await sms.isChecked(), false);
      assert.equal(await sms.evaluate((box) => box === document.activeElement), true);
      assert.equal(await group.getByTestId('no-messages').count(), 0);
      assert.deepEqual(await seriousAccessibilityViolations(page), []);

      // With neither ticked the page says that nothing will come, not even news of a delay; ticking one again
      // takes that away.
      await email.uncheck();
      await group.getByTestId('no-messages').getByText('du ingen beskeder om denne ordre', { exact: false }).waitFor();
      await email.check();
      await group.getByTestId('no-messages').waitFor({ state: 'detached' });
      await group.getByText('Gemt: beskeder på e-mail til, på SMS fra.').waitFor();

      await page.reload();
      await page.getByRole('group', { name: 'Beskeder om denne ordre' }).waitFor();
      assert.equal(await page.getByRole('checkbox', { name: /^På SMS til / }).isChecked(), false);
      assert.equal(await page.getByRole('checkbox', { name: /^På e-mail til / }).isChecked(), true);
      const stored = await trackOrder(app.baseUrl, link);
      assert.equal(stored.number, order.number);
    } finally {
      await close();
    }
  });
});
