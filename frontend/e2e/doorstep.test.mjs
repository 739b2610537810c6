// The customer's page through to the doorstep, in a real browser: in the shop's own look; a parcel that left links
// to the carrier's own tracking page, and when the shop reports it delivered the open page says so by itself.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { shopCall, startApplication, trackOrder } from './app.mjs';
import { launchBrowser, seriousAccessibilityViolations } from './browser.mjs';

let app;
let browser;

const logo = join(mkdtempSync(join(tmpdir(), 'leadline-logo-')), 'logo.svg');
writeFileSync(logo, '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle cx="20" cy="20" r="18" fill="#2a9d8f"/></svg>');

const WEBHOOK_SECRET = 'e2e-carrier-secret';

/** A carrier's delivery report to the webhook, signed with the given secret. */
async function reportDelivery(report, secret) {
  const body = JSON.stringify(report);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return fetch(`${app.baseUrl}/webhooks/deliveries`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Leadline-Timestamp': timestamp,
      'X-Leadline-Signature': `sha256=${signature}`,
    },
    body,
  });
}

before(async () => {
  app = await startApplication([
    '--leadline.shop.name=Nordhavn Living',
    '--leadline.shop.colour=#f4d35e',
    `--leadline.shop.logo=${logo}`,
    '--leadline.shop.email=help@nordhavn.example',
    '--leadline.shop.phone=+45 70 12 34 56',
    '--leadline.shop.help-url=https://nordhavn.example/help',
    `--leadline.carriers.webhook-secret=${WEBHOOK_SECRET}`,
  ]);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await app?.stop();
});

/** An agent's access token, got the way an agent gets one: signing in to the console. */
async function agentToken() {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${app.baseUrl}/console`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('input[name="username"]').fill('agent');
    await page.locator('input[name="password"]').fill('agent');
    await page.locator('button[type="submit"]').click();
    await page.getByText('Signed in as agent').waitFor();
    return await page.evaluate(() => sessionStorage.getItem('leadline.console.token'));
  } finally {
    await context.close();
  }
}

/** The demo shop's token, as the shop gets it: client credentials. */
async function shopToken() {
  const response = await fetch(`${app.baseUrl}/oauth2/token`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from('demo-shop:demo-shop-secret').toString('base64')}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials&scope=orders:write',
  });
  return (await response.json()).access_token;
}

async function englishOrder() {
  for (const link of app.links) {
    const order = await trackOrder(app.baseUrl, link);
    if (order.locale === 'en') {
      return { link, order };
    }
  }
  throw new Error('No English demo order');
}

test('the page is the shop’s: its name, logo, colour and customer service, and still accessible', async () => {
  const { link, order } = await englishOrder();
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: `Order ${order.number}` }).waitFor();
    const header = page.getByTestId('shop-header');
    await header.getByText('Nordhavn Living').waitFor();
    assert.equal(await header.evaluate((element) => getComputedStyle(element).backgroundColor), 'rgb(244, 211, 94)');
    const logoLoaded = await header.locator('img.logo').evaluate((image) => image.decode().then(() => image.naturalWidth));
    assert.equal(logoLoaded, 40);
    const contact = page.getByTestId('shop-contact');
    assert.match(await contact.textContent(), /Nordhavn Living’s customer service/);
    assert.equal(await contact.getByRole('link', { name: 'help@nordhavn.example' }).getAttribute('href'), 'mailto:help@nordhavn.example');
    assert.equal(await contact.getByRole('link', { name: 'Help and contact' }).getAttribute('href'), 'https://nordhavn.example/help');
    assert.equal(await page.title(), 'Nordhavn Living');
    assert.deepEqual(await seriousAccessibilityViolations(page), []);
  } finally {
    await context.close();
  }
});

/** Places a one-item order as the shop and returns its number and the customer's e-mail. */
async function placeSingleItemOrder(prefix) {
  const number = `${prefix}-${Date.now()}`;
  const email = `${prefix.toLowerCase()}@example.com`;
  const placed = await call(
    await shopToken(),
    'mutation($input: PlaceOrdersInput!) { placeOrders(input: $input) { errors { code field } } }',
    {
      input: {
        orders: [
          {
            number,
            currency: 'DKK',
            sendConfirmation: false,
            customer: { name: 'Mette Jensen', email, locale: 'en' },
            destination: { street: 'Nørregade 1', postalCode: '1165', city: 'København', country: 'DK' },
            lines: [{ sku: 'VASE-GLASS', name: 'Glass vase', quantity: 1, unitPrice: '329.00', source: 'STOCK' }],
          },
        ],
      },
    },
  );
  assert.deepEqual(placed.placeOrders.errors, []);
  return { number, email };
}

async function call(token, query, variables) {
  const response = await fetch(`${app.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data;
}

test('a shipped item links to the carrier’s page; a forged delivery report is refused, a signed one turns it delivered on the open page', async () => {
  const { link, order } = await englishOrder();
  const shipped = order.lines[0];
  const trackingNumber = `PN${Date.now()}DK`;
  const recorded = await call(
    await agentToken(),
    'mutation($input: RecordShipmentInput!) { recordShipment(input: $input) { errors { code } } }',
    { input: { orderNumber: order.number, lineIds: ['L1'], carrier: 'PostNord', trackingNumber } },
  );
  assert.deepEqual(recorded.recordShipment.errors, []);

  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(link);
    const parcel = page.getByRole('link', { name: new RegExp(`^PostNord, tracking number ${trackingNumber}`) });
    await parcel.waitFor();
    assert.equal(await parcel.getAttribute('href'), `https://tracking.postnord.com/?id=${trackingNumber}`);
    const item = page.locator(`li[data-sku="${shipped.sku}"]`);
    // A shipped line says what became of it and when, once, and when the carrier brings it.
    assert.match(await item.locator('.status').textContent(), /^Shipped \d+ \w+ \d{4}$/);
    assert.equal((await item.textContent()).match(/Shipped/g).length, 1);
    assert.match(await item.getByTestId('line-eta').textContent(), /^Expected \w{3} \d{1,2}/);
    assert.doesNotMatch(await item.textContent(), /first promised/);

    const report = { orderNumber: order.number, trackingNumber, deliveredAt: new Date().toISOString() };
    const forged = await reportDelivery(report, 'not-the-secret');
    assert.equal(forged.status, 401);
    assert.match(await item.locator('.status').textContent(), /^Shipped /);
    const signed = await reportDelivery(report, WEBHOOK_SECRET);
    assert.equal(signed.status, 200, await signed.clone().text());

    // The page follows the order by itself: no reload. Delivered, it is expected no more.
    await item.locator('.status').getByText(/^Delivered \d+ \w+ \d{4}$/).waitFor();
    assert.equal(await item.getByTestId('line-eta').count(), 0);
    await page.getByTestId('delivered').getByText(/^\s*· Delivered \d+ \w+ \d{4}$/).waitFor();
    await page.locator('[data-event="DELIVERED"]').getByText(`A parcel was delivered by PostNord, tracking number ${trackingNumber}`).waitFor();
    assert.deepEqual(await seriousAccessibilityViolations(page), []);
  } finally {
    await context.close();
  }
});

test('find my order: a dead link offers to send a new one to the order’s e-mail, and says the same for an unknown order', async () => {
  const { number, email } = await placeSingleItemOrder('FIND');
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(`${app.baseUrl}/t/this-link-is-dead`);
    await page.getByRole('heading', { name: 'This link does not open an order' }).waitFor();
    const find = async (orderNumber, contact) => {
      await page.getByLabel('Order number').fill(orderNumber);
      await page.getByLabel('E-mail or phone').fill(contact);
      await page.getByRole('button', { name: 'Send me a link' }).click();
      const status = page.getByTestId('find-status');
      await status.getByText(/a link is on its way/).waitFor();
      const said = await status.textContent();
      await page.reload();
      await page.getByLabel('Order number').waitFor();
      return said;
    };

    const forKnown = await find(number, email.toUpperCase());
    const forUnknown = await find('NO-SUCH-ORDER', email);

    assert.equal(forUnknown, forKnown);
    assert.doesNotMatch(forKnown, /\/t\//);
    const link = await app.linkSentFor(number);
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: `Order ${number}` }).waitFor();
    assert.deepEqual(await seriousAccessibilityViolations(page), []);
  } finally {
    await context.close();
  }
});

test('the question at the end: asked once the order is delivered, answered once and shown again after a reload', async () => {
  const { number, email } = await placeSingleItemOrder('ASKED');
  const trackingNumber = `PN${Date.now()}DK`;
  await call(
    await agentToken(),
    'mutation($input: RecordShipmentInput!) { recordShipment(input: $input) { errors { code } } }',
    { input: { orderNumber: number, lineIds: ['L1'], carrier: 'PostNord', trackingNumber } },
  );
  await call(
    await shopToken(),
    'mutation($input: MarkDeliveredInput!) { markDelivered(input: $input) { errors { code } } }',
    { input: { orderNumber: number, trackingNumber, deliveredAt: new Date().toISOString() } },
  );
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 900 } });
  const page = await context.newPage();
  try {
    // The link, as the customer would get it again.
    await page.goto(`${app.baseUrl}/t/lost`);
    await page.getByLabel('Order number').fill(number);
    await page.getByLabel('E-mail or phone').fill(email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.goto(await app.linkSentFor(number));

    await page.getByTestId('order-eta').getByText('Your order has been delivered').waitFor();
    const question = page.getByRole('group', { name: /How satisfied are you with how we kept you informed/ });
    await question.getByRole('radio', { name: '4' }).check();
    await page.getByLabel('Anything to add? (optional)').fill('Told early, every time.');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.getByText('Thank you. You can change your answer for a week.').waitFor();
    // The button the customer pressed keeps the focus, now offering to change the answer.
    const change = page.getByRole('button', { name: 'Change answer' });
    assert.equal(await change.evaluate((button) => button === document.activeElement), true);
    assert.deepEqual(await seriousAccessibilityViolations(page), []);

    await page.reload();
    await page.getByRole('button', { name: 'Change answer' }).waitFor();
    assert.equal(await page.getByRole('radio', { name: '4' }).isChecked(), true);
    assert.equal(await page.getByLabel('Anything to add? (optional)').inputValue(), 'Told early, every time.');
  } finally {
    await context.close();
  }
});

test('a customer asks for a refund of a shipped item; a declined refund says why and cannot be asked again', async () => {
  // Placed ten weeks ago against a purchase order that was due two months ago, and only leaving today: its parcel
  // comes after the promise.
  const agent = await agentToken();
  const day = (daysAgo) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const po = await call(
    agent,
    'mutation($input: PlacePurchaseOrderInput!) { placePurchaseOrder(input: $input) { errors { code message } } }',
    {
      input: {
        number: 'PO-SPAET-1',
        supplier: 'BALTIC-WOOD',
        lines: [{ sku: 'DESK-BALTIC', quantity: 1 }],
        sentOn: day(75),
        confirmedArrival: day(62),
      },
    },
  );
  assert.deepEqual(po.placePurchaseOrder.errors, []);
  const placed = await shopCall(
    app.baseUrl,
    'mutation($input: PlaceOrdersInput!) { placeOrders(input: $input) { orders { number trackingUrl } errors { message } } }',
    {
      input: {
        orders: [
          {
            number: `SPAET-${Date.now()}`,
            placedAt: new Date(Date.now() - 70 * 86_400_000).toISOString(),
            // From before the shop used Leadline: promised on its own day, told nothing at hand-over.
            sendConfirmation: false,
            currency: 'EUR',
            customer: { name: 'Jonas Becker', email: 'jonas.becker@example.com', locale: 'de' },
            destination: { street: 'Hauptstraße 5', postalCode: '10115', city: 'Berlin', country: 'DE' },
            lines: [
              {
                sku: 'DESK-BALTIC',
                name: 'Baltic desk',
                quantity: 1,
                unitPrice: '299.00',
                source: 'BACKORDER',
                supplier: 'BALTIC-WOOD',
              },
            ],
          },
        ],
      },
    },
  );
  assert.deepEqual(placed.placeOrders.errors, []);
  const link = placed.placeOrders.orders[0].trackingUrl;
  const order = await trackOrder(app.baseUrl, link);
  const late = order.lines[0];
  await call(agent, 'mutation($input: RecordShipmentInput!) { recordShipment(input: $input) { errors { code } } }', {
    input: { orderNumber: order.number, lineIds: ['L1'], carrier: 'DHL', trackingNumber: `DHL${Date.now()}` },
  });
  const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 390, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(link);
    const item = page.locator(`li[data-sku="${late.sku}"]`);
    // Shipped, so charged: the page offers a refund, not a cancellation.
    await item.getByRole('button', { name: 'Erstattung beantragen' }).click();
    assert.equal(await item.getByRole('button', { name: 'Diesen Artikel stornieren' }).count(), 0);
    assert.match(await item.locator('.cancel').textContent(), /Ihr Antrag geht an den Shop, der über die Erstattung entscheidet/);
    const before = app.codesSentFor(order.number);
    await item.getByRole('button', { name: /^Code an .*@example\.com senden$/ }).click();
    await item.getByLabel('6-stelliger Code').fill(await app.codeFor(order.number, before));
    await item.getByRole('button', { name: 'Antrag absenden' }).click();
    await item.getByText('Erstattung beantragt — der Shop entscheidet').waitFor();

    const agentView = await call(agent, 'query($number: String!) { agentOrder(number: $number) { refunds { id state } } }', {
      number: order.number,
    });
    const refund = agentView.agentOrder.refunds.find((candidate) => candidate.state === 'REQUESTED');
    await call(agent, 'mutation($input: DecideRefundInput!) { decideRefund(input: $input) { errors { code } } }', {
      input: { orderNumber: order.number, refundId: refund.id, approve: false, reason: 'Der Artikel wurde bereits zugestellt.' },
    });

    // The open page follows the decision by itself.
    const declined = item.getByTestId('refund-declined');
    await declined.getByText(/^Der Shop hat die Erstattung abgelehnt: Der Artikel wurde bereits zugestellt\. /).waitFor();
    assert.match(await declined.textContent(), /Kundenservice des Shops\.$/);
    assert.equal(await item.getByRole('button', { name: 'Erstattung beantragen' }).count(), 0);
    assert.deepEqual(await seriousAccessibilityViolations(page), []);
  } finally {
    await context.close();
  }
});
