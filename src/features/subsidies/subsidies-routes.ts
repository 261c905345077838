import { SecureRouter } from '../../http/routes';
import { importKindRoutes } from '../imports';
import { createRoutes } from './subsidies-create-routes';
import { editRoutes } from './subsidies-edit-routes';
import { subsidiesImport } from './subsidies-import';
import { listRoutes } from './subsidies-list-routes';
import { pdfRoutes } from './subsidies-pdf-routes';
import { showRoutes } from './subsidies-show-routes';
import { petitionChoicesRoute } from '../persons';
import { petitionChoices } from './subsidies-options';

/**
 * 報酬助成: list, import, new, the application page with its steps, the record form and the
 * decision notice. Ids only match digits (others fall through with next('route')), and the import
 * is registered first, so '/subsidies/import' and '/subsidies/new' are never taken for an id.
 * Ward users hold no subsidies permission: every route answers them 403.
 */
export function subsidiesRoutes(r: SecureRouter): void {
  r.router.param('subsidyId', (_req, _res, next, value: string) => {
    next(/^\d{1,9}$/.test(value) ? undefined : 'route');
  });
  importKindRoutes(r, subsidiesImport);
  listRoutes(r);
  createRoutes(r);
  // choosing the person on the form fills its related-petition list (public/js/app.js)
  petitionChoicesRoute(r, '/subsidies/petition-choices', 'subsidies:write',
    async (db, personId) => (await petitionChoices(db, personId)).map((c) => ({ value: c.id, label: c.label })));
  pdfRoutes(r);
  showRoutes(r);
  editRoutes(r);
}
