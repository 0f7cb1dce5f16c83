import type { Connection } from 'mongoose';
import type { InteractionLookup } from '../../../core/followups/reminder-delivery.js';
import type { Interaction } from '../../../core/interactions/interaction.js';
import { type InteractionDoc, interactionModel, toInteraction } from '../models/interaction.model.js';

/**
 * Many interactions in one read, for the reminder dispatcher (hundreds per batch; one query
 * instead of one per reminder). The query is by _id only, so one batch spanning many
 * workspaces is one read; each reference's workspace is then checked here, so a record is
 * never returned for another workspace's reference.
 * Belongs in MongoInteractionRepository as findByIds once its owner adds it.
 */
export class MongoInteractionLookup implements InteractionLookup {
  private readonly model;

  constructor(connection: Connection) {
    this.model = interactionModel(connection);
  }

  async findMany(refs: readonly { workspaceId: string; id: string }[]): Promise<Interaction[]> {
    if (refs.length === 0) return [];
    const wanted = new Set(refs.map((ref) => `${ref.workspaceId}|${ref.id}`));
    const ids = [...new Set(refs.map((ref) => ref.id))];
    const docs = await this.model.find({ _id: { $in: ids } }).lean<InteractionDoc[]>();
    return docs.filter((doc) => wanted.has(`${doc.workspaceId}|${doc._id}`)).map(toInteraction);
  }
}
