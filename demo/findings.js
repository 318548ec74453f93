// The findings page: a loading inspection's failed checks become findings in <safecheck-findings>;
// the host (this page) keeps the findings and their events in localStorage.
import { evaluate, findingsFromReport, parseRuleset } from './safecheck-findings.js';

const FINDINGS_KEY = 'safecheck-demo:findings';
const EVENTS_KEY = 'safecheck-demo:finding-events';
const RULESET = 'rulesets/loading-five-checks/1.0.0.json';

const list = document.getElementById('findings');
const todayInput = document.getElementById('today');
const userInput = document.getElementById('user');
const langPicker = document.getElementById('lang');
const status = document.getElementById('status');
const eventList = document.getElementById('events');
const eventCount = document.getElementById('event-count');

/** A date `days` from an ISO date. */
const plus = (date, days) => {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};
/** Today, as this device sees it (the elements and core never read the clock themselves). */
const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const load = (key) => {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
};
const save = (findings, events) => {
  localStorage.setItem(FINDINGS_KEY, JSON.stringify(findings));
  localStorage.setItem(EVENTS_KEY, JSON.stringify(events));
};

function showEvents(events) {
  eventCount.textContent = String(events.length);
  eventList.replaceChildren(
    ...events.map((e) => {
      const li = document.createElement('li');
      li.textContent = `${e.at} · ${e.by} · ${e.action}: ${e.from ?? '—'} → ${e.to} · ${e.finding}`;
      return li;
    }),
  );
}

const parsed = parseRuleset(await (await fetch(RULESET)).json());
if (!parsed.success) throw new Error('the loading checks do not parse');
const ruleset = parsed.ruleset;

/** A loading inspection on a date: expired vehicle documents and tank inspection, and an overload. */
function sampleAnswers(date) {
  return {
    'carrier.name': '杭州某危险品运输有限公司',
    'carrier.licence_no': '浙交运管许可杭字330100001234号',
    'carrier.licence_valid_to': plus(date, 800),
    'carrier.licence_scope': ['2', '3', '8'],
    'vehicle.plate': '浙A12345',
    'vehicle.rtc_valid_to': plus(date, -12),
    'vehicle.rtc_scope': ['2', '3'],
    'vehicle.inspection_valid_to': plus(date, 200),
    'vehicle.rated_load': 30,
    'driver.name': '张三',
    'driver.licence_valid_to': plus(date, 1400),
    'driver.qualification_valid_to': plus(date, 500),
    'escort.present': true,
    'escort.name': '李四',
    'escort.qualification_valid_to': plus(date, 700),
    'tank.inspection_valid_to': plus(date, -13),
    'tank.permitted_media': ['UN1230', 'UN1203', 'UN1170'],
    'waybill.number': 'YD330100202603130015',
    'waybill.shipper': '宁波某石化有限公司',
    'waybill.un_number': 'UN1230',
    'waybill.shipping_name': '甲醇',
    'waybill.class': '3',
    'waybill.quantity': 31,
    'goods.un_number': 'UN1230',
    'goods.name': '甲醇',
    'goods.class': '3',
    'goods.quantity': 31,
    'goods.highly_toxic': false,
    'loading.date': date,
    'loading.inspector': '王五',
  };
}

let events = load(EVENTS_KEY);
list.rulesets = [ruleset];
list.findings = load(FINDINGS_KEY);
showEvents(events);

todayInput.value = localToday();
const sync = () => {
  list.date = todayInput.value || undefined;
  list.user = userInput.value;
};
todayInput.addEventListener('change', sync);
userInput.addEventListener('input', sync);
langPicker.value = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh-CN';
const setLang = () => {
  list.lang = langPicker.value;
  document.documentElement.lang = langPicker.value;
};
langPicker.addEventListener('change', setLang);
setLang();
sync();

list.addEventListener('safecheck-transition', (e) => {
  events = [...events, e.event];
  save(e.findings, events);
  showEvents(events);
});

document.getElementById('inspect').addEventListener('click', () => {
  const date = todayInput.value || localToday();
  const report = evaluate(ruleset, sampleAnswers(date), { date });
  const count = new Set(list.findings.map((f) => f.inspection)).size + 1;
  const inspection = `JC-${date.replaceAll('-', '')}-${String(count).padStart(3, '0')}`;
  const made = findingsFromReport(report, {
    enterprise: { id: '91330100MA2X0001', name: '杭州某危险品运输有限公司' },
    inspector: '王五',
    inspection,
  });
  if (!made.ok) {
    status.textContent = made.issues.map((i) => i.message['zh-CN']).join('；');
    return;
  }
  const findings = [...list.findings, ...made.findings];
  events = [...events, ...made.events];
  list.findings = findings;
  save(findings, events);
  showEvents(events);
  status.textContent = `检查 ${inspection}：发现 ${made.findings.length} 项隐患 (${made.findings.length} findings)`;
});

document.getElementById('clear').addEventListener('click', () => {
  events = [];
  list.findings = [];
  save([], []);
  showEvents(events);
  status.textContent = '已清空 Cleared';
});
