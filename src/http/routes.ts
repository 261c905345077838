import express, { RequestHandler, Router } from 'express';
import { Access } from '../policy';
import { requireAccess } from './require-access';

export interface RouteSpec {
  method: 'get' | 'post';
  path: string;
  access: Access;
}

export interface SecureRouter {
  router: Router;
  get(path: string, access: Access, ...handlers: RequestHandler[]): void;
  post(path: string, access: Access, ...handlers: RequestHandler[]): void;
}

/**
 * A router whose every route must state who may use it. Declared routes are kept
 * in `registry` so tests can enumerate every route × role and every POST for CSRF.
 */
export function secureRouter(registry: RouteSpec[], prefix = ''): SecureRouter {
  const router = express.Router();
  const add = (method: 'get' | 'post') => (path: string, access: Access, ...handlers: RequestHandler[]) => {
    registry.push({ method, path: prefix + path, access });
    router[method](path, requireAccess(access), ...handlers);
  };
  return { router, get: add('get'), post: add('post') };
}
