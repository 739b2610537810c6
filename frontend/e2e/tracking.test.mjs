// The customer's tracking page in a real browser against the real application.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { oneDeliveryWindow, startApplication, trackOrder } from './app.mjs';
import { launchBrowser, seriousAccessibilityViolations } from './browser.mjs';

const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? 'test-results';
const PHONE = { width: 390, height: 844 };

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

async function openPage(url, { locale = 'en-GB', viewport = PHONE } = {}) {
  const context = await browser.newContext({ locale, viewport, timezoneId: 'America/Los_Angeles' });
  const page = await context.newPage();
  const response = await page.goto(url);
  return { page, response, close: () => context.close() };
}

async function linkFor(language) {
  for (const link of app.links) {
    const order = await trackOrder(app.baseUrl, link);
    if (order.locale === language && order.lines.length >= 3) {
      return { link, order };
    }
  }
  throw new Error(`No demo order in ${language} with three lines among ${app.links.length} links`);
}

function day(isoDate, locale) {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

function month(isoDate, locale) {
  return new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

describe('a customer opens their tracking link', () => {
  test('in English: every line with its own ETA window, sources told apart', async () => {
    const { link, order } = await linkFor('en');
    const { page, response, close } = await openPage(link);
    try {
      assert.equal(response.headers()['referrer-policy'], 'no-referrer');
      assert.match(response.headers()['cache-control'], /no-store/);
      await page.getByRole('heading', { level: 1, name: `Order ${order.number}` }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');

      const items = page.locator('li.line');
      assert.equal(await items.count(), order.lines.length);
      const sourceText = {
        STOCK: 'In stock',
        BACKORDER: 'Bought in from the supplier for you',
        DROPSHIP: 'Sent directly from the supplier',
      };
      for (const [index, line] of order.lines.entries()) {
        const item = items.nth(index);
        assert.equal(await item.locator('h3').textContent(), line.name);
        assert.equal(await item.locator('.source').textContent(), sourceText[line.source]);
        const eta = await item.getByTestId('line-eta').textContent();
        // A line that waits for the order's one delivery is expected when that comes.
        const shown = oneDeliveryWindow(order, line) ?? line.eta;
        assert.match(eta, shown.confidence == null ? /^Expected / : /^8 in 10 orders like this arrive between .+ and /);
        for (const date of [shown.earliest, shown.latest]) {
          assert.ok(eta.includes(day(date, 'en-GB')), `${eta} shows the day of ${date}`);
        }
        assert.ok(eta.includes(month(shown.latest, 'en-GB')), `${eta} shows the month of ${shown.latest}`);
        if (line.source === 'DROPSHIP') {
          assert.doesNotMatch(await item.textContent(), /backorder/i);
        }
      }

      const fitsPhone = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      assert.ok(fitsPhone, 'the page fits a phone-sized screen without sideways scrolling');
      assert.deepEqual(await seriousAccessibilityViolations(page), []);

      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.setViewportSize({ width: 900, height: 900 });
      await page.screenshot({ path: `${SCREENSHOTS}/tracking-page.png`, fullPage: true });
    } finally {
      await close();
    }
  });

  test('in German: the customer’s language and date format', async () => {
    const { link, order } = await linkFor('de');
    const { page, close } = await openPage(link, { locale: 'en-US' });
    try {
      await page.getByRole('heading', { level: 1, name: `Bestellung ${order.number}` }).waitFor();
      const items = page.locator('li.line');
      for (const [index, line] of order.lines.entries()) {
        const eta = await items.nth(index).getByTestId('line-eta').textContent();
        const shown = oneDeliveryWindow(order, line) ?? line.eta;
        assert.match(eta, shown.confidence == null ? /^Voraussichtlich / : /^8 von 10 Bestellungen wie diese kommen zwischen .+ und .+ an$/);
        assert.ok(eta.includes(month(shown.latest, 'de-DE')), `${eta} names the month in German`);
      }
      const dropship = order.lines.findIndex((line) => line.source === 'DROPSHIP');
      assert.equal(await items.nth(dropship).locator('.source').textContent(), 'Wird direkt vom Lieferanten versandt');

      // On a phone with the browser's text at twice its size, nothing is wider than the screen: the order's summary,
      // prices and all, wraps instead of running off it.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.evaluate(() => (document.documentElement.style.fontSize = '32px'));
      await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth);
      const summary = await page.getByTestId('summary').boundingBox();
      assert.ok(summary.x >= 0 && summary.x + summary.width <= 390, `the summary within the screen: ${JSON.stringify(summary)}`);
    } finally {
      await close();
    }
  });

  test('a delay’s reason reads in the language the customer switches the page to', async () => {
    let link;
    for (const candidate of app.links) {
      if ((await trackOrder(app.baseUrl, candidate)).number === 'DEMO-1002') {
        link = candidate;
      }
    }
    assert.ok(link, 'the demo has its German order with a delay, DEMO-1002');
    const { page, close } = await openPage(link, { locale: 'de-DE' });
    try {
      const moved = page.locator('[data-event="ETA_MOVED"]').first();
      await moved.filter({ hasText: 'Grund: Die Produktion des Lieferanten ist im Verzug.' }).waitFor();
      await page.getByRole('combobox').first().selectOption('en');
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await moved.filter({ hasText: "Reason: The supplier's production is behind schedule." }).waitFor();
    } finally {
      await close();
    }
  });

  test('says how sure a backordered line’s window is, in plain words, in each of its four languages', async () => {
    let found;
    for (const link of app.links) {
      const order = await trackOrder(app.baseUrl, link);
      // Its own window in bold: not one that waits for the order's one delivery.
      const index = order.lines.findIndex((line) => line.eta.confidence != null && !oneDeliveryWindow(order, line));
      if (index >= 0) {
        found = { link, order, index };
        break;
      }
    }
    assert.ok(found, 'a demo order has a line whose window states a confidence');
    const { link, order, index } = found;
    const line = order.lines[index];
    assert.equal(line.eta.confidence, 0.8);
    const { page, close } = await openPage(link);
    try {
      await page.getByRole('heading', { level: 1 }).waitFor();
      const wording = {
        en: ['8 in 10 orders like this arrive between ', ' and ', 'en-GB'],
        da: ['8 ud af 10 ordrer som denne når frem mellem ', ' og ', 'da-DK'],
        de: ['8 von 10 Bestellungen wie diese kommen zwischen ', ' und ', 'de-DE'],
        pl: ['8 na 10 takich zamówień dociera między ', ' a ', 'pl-PL'],
      };
      for (const [language, [opening, joint, locale]] of Object.entries(wording)) {
        await page.getByRole('combobox').first().selectOption(language);
        await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
        const eta = await page.locator('li.line').nth(index).getByTestId('line-eta').textContent();
        assert.ok(eta.startsWith(opening), `${language}: "${eta}" starts "${opening}"`);
        assert.ok(eta.includes(joint), `${language}: "${eta}" joins the days with "${joint}"`);
        for (const date of [line.eta.earliest, line.eta.latest]) {
          assert.ok(eta.includes(day(date, locale)), `${language}: "${eta}" shows the day of ${date}`);
        }
      }
    } finally {
      await close();
    }
  });

  test('can switch the page to another language', async () => {
    const { link, order } = await linkFor('en');
    const { page, close } = await openPage(link);
    try {
      await page.getByRole('heading', { level: 1, name: `Order ${order.number}` }).waitFor();
      await page.getByRole('banner').getByLabel('Language').selectOption('pl');
      await page.getByRole('heading', { level: 1, name: `Zamówienie ${order.number}` }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'pl');
    } finally {
      await close();
    }
  });
});

describe('a link with more after its token', () => {
  test('opens the order, and the address bar shows the link as sent; an address Leadline lacks says how to find one', async () => {
    const { link, order } = await linkFor('en');
    for (const extra of ['/', '.', '%20']) {
      const { page, close } = await openPage(`${link}${extra}`);
      try {
        await page.getByText(order.lines[0].name).first().waitFor();
        assert.equal(new URL(page.url()).pathname, new URL(link).pathname, extra);
      } finally {
        await close();
      }
    }
    const { page, response, close } = await openPage(`${app.baseUrl}/orders/mine`);
    try {
      assert.equal(response.status(), 404);
      await page.getByRole('button', { name: 'Send me a link' }).waitFor();
    } finally {
      await close();
    }
  });
});

describe('a link that opens no order', () => {
  for (const [what, token] of [
    ['unknown', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['truncated', 'short'],
  ]) {
    test(`shows the same clear message for an ${what} token`, async () => {
      const { page, response, close } = await openPage(`${app.baseUrl}/t/${token}`);
      try {
        assert.equal(response.status(), 200);
        await page.getByRole('heading', { level: 1, name: 'This link does not open an order' }).waitFor();
        assert.match(await page.locator('main').textContent(), /expired or been replaced/);
        assert.deepEqual(await seriousAccessibilityViolations(page), []);
      } finally {
        await close();
      }
    });
  }

  test('speaks the browser’s language when there is no order to take it from', async () => {
    const { page, close } = await openPage(`${app.baseUrl}/t/nothing-here`, { locale: 'da-DK' });
    try {
      await page.getByRole('heading', { level: 1, name: 'Dette link åbner ikke en ordre' }).waitFor();
    } finally {
      await close();
    }
  });
});

describe('a customer who reads another language than the shop wrote down', () => {
  test('keeps reading the page in Danish after having their messages come in English', async () => {
    let link;
    for (const candidate of app.links) {
      if ((await trackOrder(app.baseUrl, candidate)).locale === 'da') {
        link = candidate;
      }
    }
    assert.ok(link, 'a demo order in Danish');
    const { page, close } = await openPage(link, { locale: 'da-DK' });
    try {
      const messages = page.getByRole('group', { name: 'Beskeder om denne ordre' });
      await messages.getByRole('combobox', { name: 'Sprog i beskederne' }).selectOption('en');
      await messages.getByRole('status').getByText('Gemt: beskeder om denne ordre kommer nu på engelsk.').waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'da');
      await page.reload();
      await messages.getByText('Du læser siden på et andet sprog end beskederne: de kommer på engelsk.').waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'da');
    } finally {
      await close();
    }
  });

  test('has their messages in the language they read the page in, from then on', async () => {
    const { link, order } = await linkFor('de');
    const { page, close } = await openPage(link, { locale: 'de-DE' });
    try {
      await page.getByRole('heading', { level: 1, name: `Bestellung ${order.number}` }).waitFor();
      await page.getByRole('banner').getByLabel('Sprache').selectOption('en');
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      const messages = page.getByRole('group', { name: 'Messages about this order' });
      await messages
        .getByText('You are reading this page in another language than the messages: they come in German.')
        .waitFor();
      await messages.getByRole('combobox', { name: 'Language of the messages' }).selectOption('en');
      await messages.getByRole('status').getByText('Saved: messages about this order now come in English.').waitFor();
      assert.equal((await trackOrder(app.baseUrl, link)).locale, 'en');
    } finally {
      await close();
    }
  });
});
