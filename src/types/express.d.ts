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
  }
}

export {};
