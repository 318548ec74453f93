// Every published bundle. Core: one ESM entry with bundled type declarations.
// (packages/elements adds its entries below: ESM per entry and one self-contained script-tag file.)
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

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

const external = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

/** @type {import('rollup').RollupOptions[]} */
export default [
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
];
