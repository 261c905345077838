import { SecureRouter } from '../../http/routes';
import { createRoutes, editRoutes } from './record/petitions-record-routes';
import { listRoutes } from './list/petitions-list-routes';
import { relativesRoutes } from './relatives/petitions-relatives-routes';
import { showRoutes } from './stages/petitions-show-routes';

/**
 * 市長申立て: list, new, the petition page with its progress, relatives and documents, and the
 * record form. Ids only match digits (others fall through with next('route')), so
 * '/petitions/import' and '/petitions/new' are never taken for a petition id. Every handler
 * reaches a petition through scopedId / scopedPetitions: a ward user is limited in SQL.
 */
export function petitionsRoutes(r: SecureRouter): void {
  for (const name of ['petitionId', 'relativeId']) {
    r.router.param(name, (_req, _res, next, value: string) => {
      next(/^\d{1,9}$/.test(value) ? undefined : 'route');
    });
  }
  listRoutes(r);
  createRoutes(r);
  showRoutes(r);
  editRoutes(r);
  relativesRoutes(r);
}
