// The entry of the test pages that run in an iframe (draft reload, strict CSP).
import '../define/index.js';
