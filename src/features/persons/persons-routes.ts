import { SecureRouter } from '../../http/routes';
import type { Registry } from '../../contracts';
import { personsCreateRoutes, personsEditRoutes } from './persons-entry-routes';
import { personsListRoutes } from './persons-list-routes';
import { personsMergeRoutes } from './persons-merge-routes';
import { personsShowRoutes } from './persons-show-routes';

/** 本人: list and search, create (with duplicate check), page + print, edit (optimistic locking), merge. */
export function personsRoutes(r: SecureRouter, registry: Registry): void {
  personsListRoutes(r);
  personsCreateRoutes(r); // before /persons/:id so '/persons/new' is not taken for an id
  personsShowRoutes(r, registry.timeline);
  personsEditRoutes(r);
  personsMergeRoutes(r);
}
