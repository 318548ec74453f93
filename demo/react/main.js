// React 19 example: objects go to the elements as properties, events are listened to directly.
import { createElement as h, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@safecheck/elements/define.js';

const d = new Date();
const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

function App() {
  const [ruleset, setRuleset] = useState(null);
  const [changes, setChanges] = useState(0);
  const [outcome, setOutcome] = useState('incomplete');
  const [submitted, setSubmitted] = useState(null);
  useEffect(() => {
    fetch('rulesets/loading-five-checks/1.0.0.json')
      .then((r) => r.json())
      .then(setRuleset);
  }, []);
  if (!ruleset) return h('p', null, '加载中…');
  return h(
    'div',
    { className: 'workspace' },
    h('safecheck-form', {
      ruleset,
      date: today,
      'draft-key': 'react-demo',
      'onsafecheck-change': (event) => {
        setChanges((n) => n + 1);
        setOutcome(event.outcome);
      },
      'onsafecheck-submit': (event) => {
        event.preventDefault(); // the app saves the answers itself
        setSubmitted(event.report);
      },
    }),
    h(
      'aside',
      { className: 'live-report', 'aria-label': 'React state' },
      h('p', { id: 'react-state', role: 'status' }, `React 收到 ${changes} 次 safecheck-change，当前结论：${outcome}`),
      submitted ? h('safecheck-report', { report: submitted, ruleset }) : null,
    ),
  );
}

createRoot(document.getElementById('app')).render(h(App));
