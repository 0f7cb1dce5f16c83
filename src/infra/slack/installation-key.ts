export class InstallationNotFoundError extends Error {}

/**
 * Org-wide (Enterprise Grid) installs are keyed by enterprise id, every other install by team
 * id — the two are looked up differently by Bolt (isEnterpriseInstall on the query).
 */
export function installationKey(query: {
  isEnterpriseInstall?: boolean;
  enterpriseId?: string;
  teamId?: string;
}): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return `E:${query.enterpriseId}`;
  if (query.teamId) return `T:${query.teamId}`;
  throw new InstallationNotFoundError('An installation query needs a team id or an org-wide enterprise id');
}
