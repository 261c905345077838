/** Every account state signs in from /login?next=… and reaches that page after the forced steps: see matrix.ts. */
import { lifecycleMatrix } from './matrix';

lifecycleMatrix(true);
