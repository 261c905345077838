/** Every account state signs in and reaches home (/): see matrix.ts. */
import { lifecycleMatrix } from './matrix';

lifecycleMatrix(false);
