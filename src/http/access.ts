import type { Role } from '../db/types.js';
import type { Language } from '../i18n/index.js';
import type { ReferenceStamps } from '../db/reference-cache.js';

/** Who may call a route: anyone, or signed-in users with one of these roles (admin always may). */
export type Access = 'public' | 'authenticated' | readonly Role[];

/** The signed-in user as every service sees it: enough to check role and scope, nothing personal. */
export interface Viewer {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  /** The root of the subtree this user may see; null only for the system administrator. */
  readonly scopeUnitCode: string | null;
}

export const OFFICERS = ['province_officer', 'commune_officer'] as const satisfies readonly Role[];
export const FIELD_ROLES = ['province_officer', 'commune_officer', 'team_leader', 'team_member'] as const satisfies readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    viewer: Viewer | null;
    csrfToken: string | null;
    /** The reference data's stamps read with the session (db/reference-cache.ts), for a read route's cached reads. */
    referenceStamps: ReferenceStamps | null;
    lang: Language;
  }
}
