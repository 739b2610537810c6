// Lighthouse's mobile audit (performance and accessibility) of a customer's tracking page, in the headless Chromium
// the browser tests use. With no argument it starts the packaged application with its demo data (build it first:
// ./mvnw -DskipTests package) and audits the first tracking link it prints; given a tracking link, it audits that page
// of an application already running. Targets: performance 98 or more, accessibility 100. Lighthouse is a package of
// its own here (package.json beside this file), installed by the first audit (later ones find it installed), not with
// the frontend's tools; it pins third-party-web, which a Lighthouse dependency asks for as "latest", so that what is
// installed is what the lock names.
//
//   npm run lighthouse [-- tracking link]
import lighthouse from 'lighthouse';
import { freePort, startApplication } from '../../e2e/app.mjs';
import { launchBrowser } from '../../e2e/browser.mjs';

const given = process.argv[2];
const app = given ? null : await startApplication();
const url = given ?? app.links[0];
const port = await freePort();
const browser = await launchBrowser([`--remote-debugging-port=${port}`]);
try {
  // Lighthouse's defaults: a phone's screen, a slow 4G network and a four times slower CPU, simulated.
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
  });
  const { categories, audits } = result.lhr;
  const score = (category) => Math.round(category.score * 100);
  console.log(`Lighthouse (mobile) of ${url.replace(/\/t\/.*/, '/t/…')}`);
  console.log(`performance   ${score(categories.performance)} (target 98)`);
  console.log(`accessibility ${score(categories.accessibility)} (target 100)`);
  for (const id of [
    'first-contentful-paint',
    'largest-contentful-paint',
    'total-blocking-time',
    'cumulative-layout-shift',
  ]) {
    console.log(`  ${audits[id].title}: ${audits[id].displayValue}`);
  }
  console.log(`  Transferred: ${Math.round(audits['total-byte-weight'].numericValue / 1024)} KiB`);
  for (const category of [categories.performance, categories.accessibility]) {
    const missed = category.auditRefs
      .filter((ref) => ref.weight > 0 && audits[ref.id].score !== null && audits[ref.id].score < 0.9)
      .map((ref) => `${ref.id} (${audits[ref.id].displayValue ?? audits[ref.id].score})`);
    if (missed.length > 0) {
      console.log(`  ${category.title}, short of full marks: ${missed.join(', ')}`);
    }
  }
} finally {
  await browser.close();
  await app?.stop();
}
