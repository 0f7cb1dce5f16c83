import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import { InstallationNotFoundError, installationKey } from '../../slack/installation-key.js';
import { claimInsert, type SqliteDatabase } from '../database.js';
import { text } from '../rows.js';

/** Slack OAuth installations, the whole installation as JSON under its team or enterprise key. */
export class SqliteInstallationStore implements InstallationStore {
  constructor(private readonly database: SqliteDatabase) {}

  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(
    installation: Installation<AuthVersion, boolean>,
  ): Promise<void> {
    const isEnterpriseInstall = installation.isEnterpriseInstall === true;
    const key = installationKey({
      isEnterpriseInstall,
      enterpriseId: installation.enterprise?.id,
      teamId: installation.team?.id,
    });
    const values = [
      installation.team?.id ?? null,
      installation.enterprise?.id ?? null,
      isEnterpriseInstall ? 1 : 0,
      JSON.stringify(installation),
      Date.now(),
    ];
    const inserted = claimInsert(
      this.database,
      `INSERT INTO slack_installations (id, team_id, enterprise_id, is_enterprise_install, installation, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
      key,
      ...values,
    );
    // A reinstall (new scopes, new token) replaces the stored one.
    if (!inserted) {
      this.database.run(
        `UPDATE slack_installations SET team_id = ?, enterprise_id = ?, is_enterprise_install = ?, installation = ?, updated_at = ?
         WHERE id = ?`,
        ...values,
        key,
      );
    }
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    const key = installationKey(query);
    const row = this.database.get('SELECT installation FROM slack_installations WHERE id = ?', key);
    if (!row) throw new InstallationNotFoundError(`No installation for ${key}`);
    return JSON.parse(text(row, 'installation')) as Installation<'v1' | 'v2', boolean>;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    this.database.run('DELETE FROM slack_installations WHERE id = ?', installationKey(query));
  }
}
