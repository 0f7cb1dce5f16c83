import type { InteractionLookup } from '../../../core/followups/reminder-delivery.js';
import type { Interaction } from '../../../core/interactions/interaction.js';
import type { SqliteDatabase } from '../database.js';
import { placeholders } from '../rows.js';
import { SELECT_INTERACTION, toInteraction } from './interaction-entity.js';

/** Many interactions by id in one read (the reminder dispatcher); each checked against its workspace. */
export class SqliteInteractionLookup implements InteractionLookup {
  constructor(private readonly database: SqliteDatabase) {}

  async findMany(refs: readonly { workspaceId: string; id: string }[]): Promise<Interaction[]> {
    if (refs.length === 0) return [];
    const wanted = new Set(refs.map((ref) => `${ref.workspaceId}|${ref.id}`));
    const ids = [...new Set(refs.map((ref) => ref.id))];
    return this.database
      .rows(`${SELECT_INTERACTION} WHERE id IN (${placeholders(ids.length)})`, ...ids)
      .map(toInteraction)
      .filter((interaction) => wanted.has(`${interaction.workspaceId}|${interaction.id}`));
  }
}
