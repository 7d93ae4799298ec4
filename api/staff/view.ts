import type { ApiToken, StaffUser } from '../../infra/db/entities/index.ts';

/** A staff account as the API shows it: never a password hash or the provider's subject, only whether they exist. */
export function staffView(user: StaffUser) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    serviceUnitIds: user.serviceUnitIds,
    certificateOfficer: user.certificateOfficer,
    language: user.language,
    signsInWith: { password: user.passwordHash !== null, municipalLogin: user.oidcSubject !== null },
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    disabledAt: user.disabledAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}

/** An API token without its secret, which exists only in the answer that issued it. */
export function apiTokenView(record: ApiToken) {
  return {
    id: record.id,
    name: record.name,
    createdAt: record.createdAt.toISOString(),
    lastUsedAt: record.lastUsedAt?.toISOString() ?? null,
    revokedAt: record.revokedAt?.toISOString() ?? null,
  };
}
