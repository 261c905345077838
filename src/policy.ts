/**
 * The one place that says who may do what. Every route declares an Access;
 * anything a role is not granted here is denied.
 */
export const ROLES = ['admin', 'staff', 'ward', 'manager'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'システム管理者',
  staff: 'センター職員',
  ward: '区役所職員',
  manager: '管理者（センター長・市担当課）',
};

export const PERMISSIONS = [
  'users:manage',
  'masters:manage',
  'audit:read',
  'persons:read',
  'persons:write',
  'consultations:read',
  'consultations:write',
  'consultations:restore',
  'reports:read',
  /** The annual report (年報): every table of the year for every ward, so never a ward office. */
  'reports:annual',
  'import:run',
  'petitions:read',
  'petitions:write',
  'petitions:progress',
  'meetings:read',
  'meetings:write',
  'subsidies:read',
  'subsidies:write',
  'subsidies:decide',
  'guardians:read',
  'guardians:write',
  'indicators:read',
  'indicators:write',
  'figures:read',
  'figures:write',
  'dashboard:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** 'public': anyone; 'signedIn': any signed-in user (home, own password, logout). */
export type Access = 'public' | 'signedIn' | Permission;

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ['users:manage', 'masters:manage', 'audit:read', 'consultations:restore'],
  // Managers read everything and decide subsidies (承認 / 却下); center staff prepare them and record payment.
  manager: ['audit:read', 'persons:read', 'consultations:read', 'consultations:restore', 'reports:read', 'reports:annual', 'petitions:read',
    'meetings:read', 'subsidies:read', 'subsidies:decide', 'guardians:read',
    'indicators:read', 'figures:read', 'figures:write', 'dashboard:read'],
  staff: ['persons:read', 'persons:write', 'consultations:read', 'consultations:write', 'reports:read', 'reports:annual', 'import:run',
    'petitions:read', 'petitions:write', 'petitions:progress', 'meetings:read', 'meetings:write', 'subsidies:read', 'subsidies:write', 'guardians:read', 'guardians:write',
    'indicators:read', 'indicators:write', 'figures:read'],
  // Ward offices: their own ward's mayoral petitions only (queries are scoped by wardScope()).
  ward: ['reports:read', 'petitions:read', 'petitions:progress'],
};

export interface Principal {
  id: number;
  role: Role;
  ward_id: number | null;
}

export function can(user: Principal | undefined, access: Access): boolean {
  if (access === 'public') return true;
  if (!user) return false;
  if (access === 'signedIn') return true;
  return GRANTS[user.role].includes(access);
}

/** The ward a user's queries must be limited to; null means every ward. */
export function wardScope(user: Principal): number | null {
  return user.role === 'ward' ? user.ward_id : null;
}
