import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import { type Connection, Schema } from 'mongoose';
import { InstallationNotFoundError, installationKey } from '../../slack/installation-key.js';
import { isDuplicateKeyError } from '../errors.js';
import { COLLECTIONS } from '../indexes.js';
import { defineModel } from '../models/define-model.js';

export { InstallationNotFoundError, installationKey } from '../../slack/installation-key.js';

interface InstallationDoc {
  _id: string;
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall: boolean;
  /** The whole installation as JSON: Slack payloads are never stored as sub-documents (portability rule 6). */
  installation: string;
  updatedAt: Date;
}

const schema = new Schema<InstallationDoc>(
  {
    _id: String,
    teamId: String,
    enterpriseId: String,
    isEnterpriseInstall: Boolean,
    installation: String,
    updatedAt: Date,
  },
  { versionKey: false, autoIndex: false },
);

export class MongoInstallationStore implements InstallationStore {
  private readonly model;
  constructor(connection: Connection) {
    this.model = defineModel(connection, 'SlackInstallation', schema, COLLECTIONS.slackInstallations);
  }

  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(
    installation: Installation<AuthVersion, boolean>,
  ): Promise<void> {
    const isEnterpriseInstall = installation.isEnterpriseInstall === true;
    const key = installationKey({
      isEnterpriseInstall,
      enterpriseId: installation.enterprise?.id,
      teamId: installation.team?.id,
    });
    const doc: InstallationDoc = {
      _id: key,
      isEnterpriseInstall,
      installation: JSON.stringify(installation),
      updatedAt: new Date(),
      ...(installation.team?.id ? { teamId: installation.team.id } : {}),
      ...(installation.enterprise?.id ? { enterpriseId: installation.enterprise.id } : {}),
    };
    try {
      await this.model.insertMany([doc], { lean: true });
    } catch (error) {
      // A reinstall (new scopes, new token) replaces the stored one.
      if (!isDuplicateKeyError(error)) throw error;
      const { _id, ...fields } = doc;
      await this.model.updateOne({ _id }, { $set: fields });
    }
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    const doc = await this.model.findOne({ _id: installationKey(query) }).lean<InstallationDoc>();
    if (!doc) throw new InstallationNotFoundError(`No installation for ${installationKey(query)}`);
    return JSON.parse(doc.installation) as Installation<'v1' | 'v2', boolean>;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.model.deleteOne({ _id: installationKey(query) });
  }
}
