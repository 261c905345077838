/** The imports feature's door: the shared CSV import pipeline (upload → preview → 「すべて取り込む」). */
import type { Feature } from '../../contracts';
import { importRoutes } from './import-routes';

export const imports: Feature = { name: 'imports', routes: [importRoutes] };
