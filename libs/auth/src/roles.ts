/** The roles of DESIGN.md's Security section; a key carries one or more. */
export const ROLES = ['agency', 'analyst', 'data-owner', 'operator', 'reviewer', 'frontline', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
