// Builds the demo into build/demo: the pages, the self-contained bundle, the shipped rulesets
// (whatever exists now, latest version of each) and the React and Vue examples, bundled from
// npm with rollup (no CDN). Run by scripts/start.mjs after `npm run build`.
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const demo = join(root, 'demo');

/** The rulesets the demo shows first, in this order; any other shipped ruleset follows. */
const PREFERRED = ['loading-five-checks', 'risk-grading', 'hazchem-checklist'];

const semver = (v) => v.split(/[.+-]/).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
const newer = (a, b) => {
  const [x, y] = [semver(a), semver(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] > y[i];
  return a.length < b.length; // 1.0.0 over 1.0.0-rc.1
};

/** Lists the shipped rulesets: the latest version of each. */
export async function shippedRulesets() {
  const dir = join(root, 'rulesets');
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const versions = (await readdir(join(dir, entry.name)))
      .filter((f) => /^\d+\.\d+\.\d+.*\.json$/.test(f) && !f.endsWith('.cases.json'))
      .map((f) => f.slice(0, -'.json'.length));
    if (versions.length === 0) continue;
    const version = versions.reduce((a, b) => (newer(b, a) ? b : a));
    const json = JSON.parse(await readFile(join(dir, entry.name, `${version}.json`), 'utf8'));
    found.push({
      id: entry.name,
      version,
      path: `rulesets/${entry.name}/${version}.json`,
      title: json.title,
      items: Array.isArray(json.items) ? json.items.length : 0,
    });
  }
  const rank = (id) => (PREFERRED.includes(id) ? PREFERRED.indexOf(id) : PREFERRED.length);
  return found.sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
}

const example = (input, file) => ({
  input: join(demo, input),
  plugins: [
    replace({
      preventAssignment: true,
      values: {
        'process.env.NODE_ENV': JSON.stringify('production'),
        __VUE_OPTIONS_API__: 'false',
        __VUE_PROD_DEVTOOLS__: 'false',
        __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
      },
    }),
    nodeResolve({ browser: true, exportConditions: ['production'] }),
    commonjs(),
    terser({ format: { comments: false } }),
  ],
  file,
});

/** Builds the demo into `out` (default build/demo) and returns the list of rulesets it holds. */
export async function buildDemo(out = join(root, 'build', 'demo')) {
  const bundle = join(root, 'packages/elements/dist/safecheck.js');
  if (!existsSync(bundle)) throw new Error('packages/elements/dist/safecheck.js is missing: run `npm run build` first');
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  for (const f of await readdir(demo)) {
    if (/\.(html|css|js|svg)$/.test(f) && !f.endsWith('.test.mjs')) await cp(join(demo, f), join(out, f));
  }
  await cp(bundle, join(out, 'safecheck.js'));
  const withFindings = join(root, 'packages/elements/dist/safecheck-findings.js');
  if (existsSync(withFindings)) await cp(withFindings, join(out, 'safecheck-findings.js'));
  const rulesets = await shippedRulesets();
  // Every version, not only the latest: a page may name the version it was written for.
  for (const r of rulesets) {
    const dir = dirname(r.path);
    await mkdir(join(out, dir), { recursive: true });
    for (const f of await readdir(join(root, dir))) {
      if (f.endsWith('.json') && !f.endsWith('.cases.json')) await cp(join(root, dir, f), join(out, dir, f));
    }
  }
  await writeFile(join(out, 'rulesets/index.json'), JSON.stringify(rulesets, null, 2));
  for (const [input, file] of [
    ['react/main.js', 'react.js'],
    ['vue/main.js', 'vue.js'],
  ]) {
    const options = example(input, join(out, file));
    const build = await rollup({ input: options.input, plugins: options.plugins, onwarn: () => {} });
    await build.write({ file: options.file, format: 'es' });
    await build.close();
  }
  return rulesets;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rulesets = await buildDemo();
  console.log(`demo built in build/demo with ${rulesets.map((r) => `${r.id}@${r.version}`).join(', ')}`);
}
