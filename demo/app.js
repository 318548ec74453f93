// The ruleset page: every shipped ruleset in <safecheck-form>, with the report beside it, live.
const form = document.getElementById('form');
const report = document.getElementById('report');
const picker = document.getElementById('ruleset');
const langPicker = document.getElementById('lang');
const status = document.getElementById('status');

/** Today, as the inspector's device sees it: the elements never read the clock themselves. */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const rulesets = await (await fetch('rulesets/index.json')).json();
for (const r of rulesets) {
  const option = document.createElement('option');
  option.value = r.id;
  option.textContent = `${r.title['zh-CN']}（${r.items} 项）· ${r.id}@${r.version}`;
  picker.append(option);
}
const params = new URLSearchParams(location.search);
picker.value = rulesets.some((r) => r.id === params.get('ruleset')) ? params.get('ruleset') : rulesets[0].id;
langPicker.value = params.get('lang') === 'en' ? 'en' : 'zh-CN';

async function show() {
  const entry = rulesets.find((r) => r.id === picker.value);
  const json = await (await fetch(entry.path)).json();
  const started = performance.now();
  form.date = today();
  form.ruleset = json;
  await form.updateComplete;
  const ms = performance.now() - started;
  report.ruleset = form.loadedRuleset;
  report.report = form.report();
  status.textContent = `${entry.id}@${entry.version}：${entry.items} 项，首次渲染 ${ms.toFixed(0)} ms（first render）`;
  const url = new URL(location.href);
  url.searchParams.set('ruleset', entry.id);
  history.replaceState(null, '', url);
}

function setLang() {
  form.lang = langPicker.value;
  report.lang = langPicker.value;
  document.documentElement.lang = langPicker.value;
}

form.addEventListener('safecheck-change', () => {
  report.report = form.report();
});
form.addEventListener('safecheck-submit', (event) => {
  report.report = event.report;
});
picker.addEventListener('change', show);
langPicker.addEventListener('change', setLang);
document.getElementById('print').addEventListener('click', () => print());
setLang();
await show();
