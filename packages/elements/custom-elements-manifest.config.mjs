// The Custom Elements Manifest (dist/custom-elements.json), generated from the doc comments:
// `npm run build:elements`. Editors and docs read it; package.json points at it.
export default {
  globs: ['src/components/**/*.ts', 'src/events/*.ts', 'src/define/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
  plugins: [
    {
      // `dispatchEvent(new SafecheckChangeEvent(…))` is seen as an event without a name; the
      // class's @fires tags name every event it sends.
      name: 'drop-unnamed-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules)
          for (const d of mod.declarations ?? []) if (d.events) d.events = d.events.filter((e) => e.name);
      },
    },
  ],
};
