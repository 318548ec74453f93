// Vue 3 example (runtime build, render functions): objects go to the elements as properties,
// `onSafecheckChange` listens to `safecheck-change`.
import { createApp, h, ref, shallowRef } from 'vue';
import '@safecheck/elements/define.js';

const d = new Date();
const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

createApp({
  setup() {
    const ruleset = shallowRef(null);
    const report = shallowRef(null);
    const changes = ref(0);
    fetch('rulesets/risk-grading/1.1.0.json')
      .then((r) => r.json())
      .then((json) => (ruleset.value = json));
    return () =>
      ruleset.value
        ? h('div', { class: 'workspace' }, [
            h('safecheck-form', {
              ruleset: ruleset.value,
              date: today,
              lang: 'en',
              'draft-key': 'vue-demo',
              onSafecheckChange: (event) => {
                changes.value++;
                report.value = event.target.report();
              },
            }),
            h('aside', { class: 'live-report', 'aria-label': 'Vue state' }, [
              h('p', { id: 'vue-state', role: 'status' }, `Vue received ${changes.value} safecheck-change events`),
              report.value ? h('safecheck-report', { report: report.value, ruleset: ruleset.value, lang: 'en' }) : null,
            ]),
          ])
        : h('p', 'Loading…');
  },
}).mount('#app');
