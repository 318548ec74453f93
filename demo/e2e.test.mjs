// End to end: builds the demo, serves it with scripts/serve-demo.mjs, and opens every page in
// Debian's Chromium. Run by `npm run test:browser` (after the browser tests), with node:test.
// SAFECHECK_SCREENSHOTS=dir saves a screenshot of each page there.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { buildDemo } from './build.mjs';
import { serveDemo } from '../scripts/serve-demo.mjs';

const root = join(fileURLToPath(new URL('..', import.meta.url)), 'build', 'demo-e2e');
const chrome =
  [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
    (p) => p && existsSync(p),
  ) ?? '/usr/bin/chromium';
const shots = process.env.SAFECHECK_SCREENSHOTS;

let server;
let browser;
let rulesets;

/** Opens a page and collects what went wrong on it: errors, console errors, CSP violations. */
async function open(path) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()}`));
  await page.evaluateOnNewDocument(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const response = await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
  return { page, response, problems };
}

/** Waits for a <safecheck-form> to have loaded its ruleset and rendered controls. */
const formReady = (page, selector = 'safecheck-form') =>
  page.waitForFunction(
    (s) => {
      const f = document.querySelector(s);
      return !!(f && f.loadedRuleset && f.shadowRoot.querySelector('input'));
    },
    { timeout: 15000 },
    selector,
  );

async function finish(page, problems, name) {
  if (shots) {
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
  }
  const violations = await page.evaluate(() => window.__violations);
  await page.close();
  assert.deepEqual(problems, [], `${name}: problems on the page`);
  assert.deepEqual(violations, [], `${name}: CSP violations`);
}

describe('the served demo, in Chromium', () => {
  before(async () => {
    rulesets = await buildDemo(root);
    server = await serveDemo({ root, port: 0 });
    browser = await puppeteer.launch({
      executablePath: chrome,
      headless: true,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--lang=zh-CN'],
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows every shipped ruleset in the form and its report', async () => {
    assert.ok(rulesets.length >= 2, 'the loading checks and the risk grading are shipped');
    for (const r of rulesets) {
      const { page, problems } = await open(`index.html?ruleset=${r.id}`);
      await formReady(page, '#form');
      const state = await page.evaluate(() => {
        const form = document.getElementById('form');
        const report = document.getElementById('report');
        return {
          id: form.loadedRuleset.id,
          title: form.shadowRoot.querySelector('h2').textContent,
          outcome: report.shadowRoot.querySelector('[part=outcome]')?.textContent,
          options: [...document.querySelectorAll('#ruleset option')].map((o) => o.value),
        };
      });
      assert.equal(state.id, r.id);
      assert.equal(state.title, r.title['zh-CN']);
      assert.ok(state.outcome, 'the live report shows an outcome');
      assert.deepEqual(
        state.options,
        rulesets.map((x) => x.id),
      );
      await finish(page, problems, `index-${r.id}`);
    }
  });

  it('answers in the form update the live report, in English too', async () => {
    const { page, problems } = await open('index.html?ruleset=loading-five-checks&lang=en');
    await formReady(page, '#form');
    const item = () =>
      page.evaluate(
        () => document.getElementById('report').shadowRoot.querySelector('[data-item="lfc.load-limit"]')?.textContent,
      );
    const before = await item();
    assert.match(before, /To answer/);
    await page.evaluate(() => document.getElementById('form').focusAnswer('vehicle.rated_load'));
    await (await page.waitForSelector('pierce/#c-vehicle\\.rated_load')).type('30');
    await page.evaluate(() => document.getElementById('form').focusAnswer('goods.quantity'));
    await (await page.waitForSelector('pierce/#c-goods\\.quantity')).type('31');
    await page.waitForFunction(() => document.getElementById('form').answers['goods.quantity'] === 31);
    assert.notEqual(await item(), before, 'the live report followed the answers');
    const outcome = await page.evaluate(
      () => document.getElementById('report').shadowRoot.querySelector('[part=outcome]').textContent,
    );
    assert.match(outcome, /INCOMPLETE|REFUSE/);
    await finish(page, problems, 'index-en');
  });

  it('embeds in a plain server-rendered page: blocks an incomplete submit, then posts the answers as JSON', async () => {
    const { page, problems } = await open('plain.html');
    await formReady(page);
    // Incomplete: the browser's validity blocks the host form.
    const valid = await page.evaluate(() => document.getElementById('portal-form').checkValidity());
    assert.equal(valid, false);
    await page.evaluate(() => document.querySelector('safecheck-form').removeAttribute('no-draft'));
    const ruleset = await page.evaluate(() => document.querySelector('safecheck-form').loadedRuleset);
    // Complete answers (methanol, all documents valid on the loading date), then submit.
    await page.evaluate(() => {
      const form = document.querySelector('safecheck-form');
      form.date = '2026-03-13';
      form.answers = {
        'carrier.name': '杭州某危险品运输有限公司',
        'carrier.licence_no': '浙交运管许可杭字330100001234号',
        'carrier.licence_valid_to': '2028-06-30',
        'carrier.licence_scope': ['2', '3', '8'],
        'vehicle.plate': '浙A12345',
        'vehicle.rtc_valid_to': '2027-05-31',
        'vehicle.rtc_scope': ['2', '3'],
        'vehicle.inspection_valid_to': '2026-09-30',
        'vehicle.rated_load': 30,
        'driver.name': '张三',
        'driver.licence_valid_to': '2030-01-15',
        'driver.qualification_valid_to': '2027-08-20',
        'escort.present': true,
        'escort.name': '李四',
        'escort.qualification_valid_to': '2028-02-28',
        'tank.inspection_valid_to': '2026-11-30',
        'tank.permitted_media': ['UN1230', 'UN1203', 'UN1170'],
        'waybill.number': 'YD330100202603130015',
        'waybill.shipper': '宁波某石化有限公司',
        'waybill.un_number': 'UN1230',
        'waybill.shipping_name': '甲醇',
        'waybill.class': '3',
        'waybill.quantity': 28,
        'goods.un_number': 'UN1230',
        'goods.name': '甲醇',
        'goods.class': '3',
        'goods.quantity': 28,
        'goods.highly_toxic': false,
        'loading.date': '2026-03-13',
      };
    });
    assert.ok(ruleset.fields.length > 20);
    await page.waitForFunction(() => document.getElementById('portal-form').checkValidity());
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    const received = await page.evaluate(() => document.querySelector('main').textContent);
    assert.match(received, /inspection/);
    assert.match(received, /"goods\.quantity": 28/);
    assert.match(received, /ZJ-2026-0313-015/);
    await finish(page, problems, 'plain-echo');
  });

  it('works in the React example: properties in, events out', async () => {
    const { page, problems } = await open('react.html');
    await formReady(page);
    await page.evaluate(() => document.querySelector('safecheck-form').focusAnswer('carrier.name'));
    const input = await page.waitForSelector('pierce/#c-carrier\\.name');
    await input.type('某运输公司');
    await page.waitForFunction(() => /收到 [1-9]\d* 次/.test(document.getElementById('react-state').textContent));
    await finish(page, problems, 'react');
  });

  it('works in the Vue example: properties in, events out', async () => {
    const { page, problems } = await open('vue.html');
    await formReady(page);
    const title = await page.evaluate(
      () => document.querySelector('safecheck-form').shadowRoot.querySelector('h2').textContent,
    );
    assert.ok(/[A-Za-z]/.test(title), 'lang="en" reached the element');
    await page.evaluate(() => document.querySelector('safecheck-form').focusAnswer('hazard.major_source_level'));
    const radio = await page.waitForSelector('pierce/input[data-key="hazard.major_source_level"][value="none"]');
    await radio.click();
    await page.waitForFunction(() =>
      /received [1-9]\d* safecheck-change/.test(document.getElementById('vue-state').textContent),
    );
    await page.waitForFunction(
      () => !!document.querySelector('safecheck-report')?.shadowRoot?.querySelector('[part=outcome]'),
    );
    await finish(page, problems, 'vue');
  });

  it("works on the strict-CSP page, served with default-src 'self'", async () => {
    const { page, response, problems } = await open('strict.html');
    assert.equal(response.headers()['content-security-policy'], "default-src 'self'");
    await formReady(page);
    await page.waitForFunction(() => /No CSP violation/.test(document.getElementById('csp-status').textContent));
    const radio = await page.waitForSelector('pierce/input[data-key="hazard.major_source_level"][value="1"]');
    await radio.click();
    await page.waitForFunction(() =>
      document.getElementById('report').shadowRoot.querySelector('[part=score]')?.textContent.includes('得分'),
    );
    // The policy is in force: an inline script is refused.
    const blocked = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.append(s);
      return window.__inline === undefined;
    });
    assert.equal(blocked, true);
    await page.evaluate(() => (window.__violations = []));
    const refused = problems.findIndex((p) => p.includes('Executing inline script'));
    assert.ok(refused >= 0, 'the browser reported the refused inline script');
    problems.splice(refused, 1);
    await finish(page, problems, 'strict');
  });

  it('fits every page on a portrait tablet, without sideways scrolling', async () => {
    for (const path of [
      'index.html',
      'index.html?ruleset=hazchem-checklist',
      'plain.html',
      'findings.html',
      'strict.html',
    ]) {
      const { page, problems } = await open(path);
      await page.setViewport({ width: 768, height: 1024 });
      if (path !== 'findings.html') await formReady(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 768, `${path}: ${width}px wide at 768px`);
      await finish(page, problems, `tablet-${path}`);
    }
  });
});
