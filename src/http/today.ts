import { Request } from 'express';
import { todayIso } from '../lib/dates';

/** Today's date in Japan ('2026-11-28') by the app's clock (tests move it), for the request at hand. */
export const today = (req: Request): string => todayIso(req.deps.clock.now());
