// Side effect, imported before core: keeps zod (core's schema library) from compiling parsers
// with `new Function`. zod decides when core's schemas are built, so this must run first. No
// eval anywhere, and no `securitypolicyviolation` from zod's probe on strict-CSP pages. zod reads
// this shared config object (`z.config({ jitless: true })` sets the same flag); core should set
// it itself (see CORE-REQUESTS.md), and then this file can go.
const g = globalThis as { __zod_globalConfig?: Record<string, unknown> };
(g.__zod_globalConfig ??= {}).jitless = true;

export {};
