import path from 'node:path';
import { Express } from 'express';
import * as dates from '../lib/dates';
import { ROLE_LABELS } from '../policy';
import { takeFlash } from './flash';
import { projectRoot } from '../project-root';
import { today } from './today';

export const viewsDir = path.join(projectRoot, 'views');

/** EJS views; every page gets the user, the flash messages and the date helpers. */
export function setUpViews(app: Express): void {
  app.set('view engine', 'ejs');
  app.set('views', viewsDir);
  app.locals.dates = dates;
  app.locals.roleLabels = ROLE_LABELS;
  app.use(takeFlash);
  app.use((req, res, next) => {
    res.locals.currentUser = req.user ?? null;
    res.locals.currentPath = req.path;
    res.locals.errors = {};
    res.locals.errorList = [];
    // a record page prints this date in its running header (views/partials/print-header.ejs)
    res.locals.printDate = dates.toWareki(today(req));
    next();
  });
}
