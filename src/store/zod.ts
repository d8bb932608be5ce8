import { z } from 'zod';

/**
 * zod, configured once for the whole app. Its compiled fast path probes for `new Function`, and
 * under our Content-Security-Policy (script-src 'self', no 'unsafe-eval') that probe is reported
 * as a violation even though zod catches it. jitless skips the probe; it must be set before any
 * schema is built, which is why every schema imports z from here.
 */
z.config({ jitless: true });

export { z };
