// The Custom Elements Manifest (dist/custom-elements.json), generated from the doc comments:
// `npm run build:elements`. Editors and docs read it; package.json points at it.
export default {
  globs: ['src/components/**/*.ts', 'src/events/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
};
