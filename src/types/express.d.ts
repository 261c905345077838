import type { Role } from '../policy';
import type { AppDeps } from '../deps';

declare global {
  namespace Express {
    interface User {
      id: number;
      username: string;
      display_name: string;
      role: Role;
      ward_id: number | null;
      ward_name: string | null;
      must_change_password: boolean;
      previous_login_at: Date | null;
      /** Their role requires a second factor and they have none yet: only enrolment is open. */
      must_enrol_two_factor: boolean;
    }
    interface Request {
      id: string;
      deps: AppDeps;
    }
  }
}

declare module 'express-session' {
  interface SessionData {
    loginAt?: number;
    flash?: { kind: 'success' | 'error'; text: string }[];
    csrfToken?: string;
    oneTime?: Record<string, string>;
    /** Password accepted, second factor still to come (not logged in). */
    twoFactor?: { userId: number; next: string; startedAt: number };
    /** The page asked for at login, reached once the forced steps are done. */
    afterSteps?: string;
    /** A TOTP secret offered for enrolment, not yet confirmed. */
    totpEnrol?: { secret: string };
  }
}

export {};
