// Headless Chromium driven by playwright-core, never a browser the test tool downloads itself: the system's
// package at /usr/bin/chromium when there is one, otherwise the Chromium build that the npm package
// @sparticuz/chromium ships inside its tarball (with the few libraries it needs and a font), unpacked once
// into node_modules/.cache. LEADLINE_SYSTEM_CHROMIUM=ignore passes over the system's package (to try the
// other on a machine that has both); CHROMIUM_PATH names another binary.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Launches headless Chromium; {@code extraArgs} are further command-line flags (Lighthouse's debugging port). */
export async function launchBrowser(extraArgs = []) {
  const { executablePath, env } = chromiumToLaunch();
  return chromium.launch({
    executablePath,
    env: env && { ...process.env, ...env },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

function chromiumToLaunch() {
  if (process.env.CHROMIUM_PATH) {
    return { executablePath: process.env.CHROMIUM_PATH };
  }
  if (process.env.LEADLINE_SYSTEM_CHROMIUM !== 'ignore' && existsSync(SYSTEM_CHROMIUM)) {
    return { executablePath: SYSTEM_CHROMIUM };
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `No Chromium at ${SYSTEM_CHROMIUM}, and the packaged one is for Linux x64 only: set CHROMIUM_PATH.`,
    );
  }
  return packagedChromium();
}

/**
 * The packaged Chromium, unpacked on first use into a folder named by its version. Two test files run at a time, so
 * two may unpack it at once: each into a folder of its own, moved into place whole; the one that comes second finds
 * the browser there (a running one may be writing its font cache into that folder) and uses it.
 */
function packagedChromium() {
  const root = resolve(dirname(require.resolve('@sparticuz/chromium')), '../..');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const home = resolve(root, '../../.cache/leadline-chromium', version);
  if (!existsSync(join(home, 'chromium'))) {
    const unpacking = `${home}.unpacking-${process.pid}`;
    rmSync(unpacking, { recursive: true, force: true });
    mkdirSync(unpacking, { recursive: true });
    const bin = join(root, 'bin');
    writeFileSync(join(unpacking, 'chromium'), brotliDecompressSync(readFileSync(join(bin, 'chromium.br'))));
    chmodSync(join(unpacking, 'chromium'), 0o755);
    // lib/: NSS, NSPR and expat; fonts/: Open Sans, which covers the Danish, German and Polish letters.
    for (const archive of ['al2023.tar.br', 'fonts.tar.br']) {
      execFileSync('tar', ['-x', '-C', unpacking], { input: brotliDecompressSync(readFileSync(join(bin, archive))) });
    }
    writeFileSync(
      join(unpacking, 'fonts.conf'),
      `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${join(home, 'fonts')}</dir>
  <dir>/usr/share/fonts</dir>
  <cachedir>${join(home, 'fonts-cache')}</cachedir>
</fontconfig>
`,
    );
    try {
      renameSync(unpacking, home);
    } catch {
      if (existsSync(join(home, 'chromium'))) {
        rmSync(unpacking, { recursive: true, force: true });
      } else {
        // Not a whole unpacked browser (a font cache left behind, say): replaced by this one.
        rmSync(home, { recursive: true, force: true });
        renameSync(unpacking, home);
      }
    }
  }
  return {
    executablePath: join(home, 'chromium'),
    env: { LD_LIBRARY_PATH: join(home, 'lib'), FONTCONFIG_PATH: home },
  };
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Accessibility violations of serious or critical impact on the page, as axe reports them. */
export async function seriousAccessibilityViolations(page) {
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy rightly refuses inline scripts.
  await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length} nodes)`);
}

/**
 * On a phone's width (390 px), a table's rows stack: its frame does not scroll sideways, and the cell is on the screen
 * under its column's name. Narrows the page to a phone's, waits for the frame to fit, and puts the page's width back.
 */
export async function assertStackedOnPhone(page, frame, cell, column) {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await page.waitForFunction((box) => box.scrollWidth <= box.clientWidth, await frame.elementHandle());
    const box = await cell.boundingBox();
    if (!(box.x >= 0 && box.x + box.width <= 390)) {
      throw new Error(`${column} is not within the screen: ${JSON.stringify(box)}`);
    }
    const named = await cell.evaluate((element) => getComputedStyle(element, '::before').content);
    if (named !== JSON.stringify(column)) {
      throw new Error(`the cell is named ${named}, not "${column}"`);
    }
  } finally {
    await page.setViewportSize(before);
  }
}

/** A new browser context (English, British dates unless told otherwise) with a page signed in to the console as a user. */
export async function openConsole(browser, baseUrl, user, contextOptions = {}) {
  const context = await browser.newContext({ locale: 'en-GB', ...contextOptions });
  const page = await context.newPage();
  await signInToConsole(page, baseUrl, user);
  return { context, page };
}

/** Signs in to the console through the authorization server's form and comes back to the console. */
export async function signInToConsole(page, baseUrl, user) {
  await page.goto(`${baseUrl}/console`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('input[name="username"]').fill(user);
  await page.locator('input[name="password"]').fill(user);
  await page.locator('button[type="submit"]').click();
  await page.getByText(`Signed in as ${user}`).waitFor();
}
