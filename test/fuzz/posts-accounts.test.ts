import { fuzzGroupSuite } from './group-suite';

/** Every POST route of login, account, two-factor and admin under hostile bodies. */
fuzzGroupSuite('accounts', { minRoutes: 12, tables: ['users', 'referral_centers'] });
