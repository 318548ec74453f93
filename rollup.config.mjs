// Every published bundle. Core: one ESM entry with bundled type declarations.
// (packages/elements adds its entries below: ESM per entry and one self-contained script-tag file.)
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { transform } from 'esbuild';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const tsOptions = (tsconfig) => ({
  tsconfig,
  compilerOptions: {
    module: 'NodeNext',
    composite: false,
    declaration: false,
    declarationMap: false,
    sourceMap: true,
    outDir: undefined,
    rootDir: undefined,
    tsBuildInfoFile: undefined,
  },
  noEmitOnError: true,
});

const coreIndexJs = fileURLToPath(new URL('packages/core/src/index.js', import.meta.url));
const external = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

/** @type {import('rollup').RollupOptions[]} */
const core = [
  {
    input: 'packages/core/src/index.ts',
    external,
    output: { file: 'packages/core/dist/index.js', format: 'es', sourcemap: true },
    plugins: [typescript(tsOptions('packages/core/tsconfig.json'))],
  },
  {
    input: 'packages/core/src/index.ts',
    external,
    output: { file: 'packages/core/dist/index.d.ts', format: 'es' },
    plugins: [
      dts({ tsconfig: 'packages/core/tsconfig.json', compilerOptions: { composite: false, declarationMap: false } }),
    ],
  },
  {
    // The `safecheck` command (the package's bin). It reaches core through its public door only,
    // which stays external: dist/cli.js imports ./index.js, so there is one engine, not two.
    input: 'packages/core/src/cli/bin.ts',
    external: (id, importer) =>
      external(id) || (importer !== undefined && id.startsWith('.') && resolve(dirname(importer), id) === coreIndexJs),
    output: {
      file: 'packages/core/dist/cli.js',
      format: 'es',
      sourcemap: true,
      banner: '#!/usr/bin/env node',
      paths: (id) => (id === coreIndexJs ? './index.js' : id),
    },
    plugins: [typescript(tsOptions('packages/core/tsconfig.cli.json'))],
  },
];

// ——— @safecheck/elements ———
// TypeScript is stripped by esbuild (types are checked by `tsc -b`); imports written `./x.js`
// resolve to `./x.ts`. The script-tag bundle inlines lit, core (from its source) and zod.
const elementsSrc = 'packages/elements/src';
const coreSource = fileURLToPath(new URL('packages/core/src/index.ts', import.meta.url));

/** Collapses the whitespace of a static css`` literal (no strings with significant runs of spaces). */
const minifyCss = (text) =>
  text
    .replace(/\/\*[^]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();

/** @returns {import('rollup').Plugin} */
const typescriptByEsbuild = ({ bundleCore }) => ({
  name: 'safecheck-esbuild-ts',
  resolveId(source, importer) {
    if (source === '@safecheck/core') return bundleCore ? coreSource : { id: source, external: true };
    if (importer && importer.endsWith('.ts') && source.startsWith('.') && source.endsWith('.js')) {
      const ts = resolve(dirname(importer), source.slice(0, -3) + '.ts');
      if (existsSync(ts)) return ts;
    }
    return null;
  },
  async transform(code, id) {
    if (!id.endsWith('.ts')) return null;
    if (id.endsWith('.styles.ts')) code = code.replace(/css`([^`$]*)`/g, (_, text) => `css\`${minifyCss(text)}\``);
    const out = await transform(code, { loader: 'ts', target: 'es2022', sourcemap: true, sourcefile: id });
    return { code: out.code, map: out.map };
  },
});

const elementEntries = [
  'index',
  'components/safecheck-form/safecheck-form',
  'components/safecheck-report/safecheck-report',
  'components/safecheck-findings/safecheck-findings',
  'define/index',
  'define/safecheck-form',
  'define/safecheck-report',
  'define/safecheck-findings',
  'events/index',
];

/** @type {import('rollup').RollupOptions[]} */
const elements = [
  {
    // ESM for bundlers: one file per module; importing a class defines nothing.
    input: Object.fromEntries(elementEntries.map((e) => [e, `${elementsSrc}/${e}.ts`])),
    external: (id) => id === 'lit' || id.startsWith('lit/') || id === '@safecheck/core',
    output: {
      dir: 'packages/elements/dist',
      format: 'es',
      sourcemap: true,
      preserveModules: true,
      preserveModulesRoot: elementsSrc,
      entryFileNames: '[name].js',
    },
    plugins: [typescriptByEsbuild({ bundleCore: false })],
  },
  // Self-contained files for <script type="module" src="…/safecheck.js"> on pages without a build
  // step: the form and the report (60 KB gzip budget), and every element with the findings.
  ...[
    ['standalone', 'safecheck'],
    ['standalone-findings', 'safecheck-findings'],
  ].map(([input, file]) => ({
    input: `${elementsSrc}/${input}.ts`,
    output: { file: `packages/elements/dist/${file}.js`, format: 'es', sourcemap: true },
    plugins: [
      typescriptByEsbuild({ bundleCore: true }),
      nodeResolve({ browser: true, exportConditions: ['production'] }),
      // Chrome's explicit compile hint: every function is compiled while the file loads (off the
      // main thread when streamed), not on first call, which was a quarter of a fresh page's first
      // render of a large checklist. Browsers without it read a comment.
      terser({
        ecma: 2020,
        module: true,
        compress: { passes: 3 },
        format: { comments: false, preamble: '//# allFunctionsCalledOnLoad' },
      }),
    ],
  })),
];

export default process.env.SAFECHECK_ONLY === 'elements' ? elements : [...core, ...elements];
