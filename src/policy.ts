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
  'import:run',
  'petitions:read',
  'petitions:write',
  'petitions:progress',
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
  manager: ['audit:read', 'persons:read', 'consultations:read', 'consultations:restore', 'reports:read', 'petitions:read',
    'indicators:read', 'figures:read', 'figures:write', 'dashboard:read'],
  staff: ['persons:read', 'persons:write', 'consultations:read', 'consultations:write', 'reports:read', 'import:run',
    'petitions:read', 'petitions:write', 'petitions:progress', 'indicators:read', 'indicators:write', 'figures:read'],
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
