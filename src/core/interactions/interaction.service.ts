import type { Contact } from '../contacts/contact.js';
import { type Actor, assertCanModify } from '../shared/actor.js';
import type { Page } from '../shared/paging.js';
import { parseInput } from '../shared/zod.js';
import { deleteInteraction } from './delete-interaction.js';
import { editInteraction } from './edit-interaction.js';
import { type InteractionServiceDeps, loadInteraction } from './interaction.deps.js';
import type { Interaction } from './interaction.js';
import { interactionIdSchema } from './interaction.schemas.js';
import { listInteractions } from './list-interactions.js';
import { type LogInteractionResult, logInteraction } from './log-interaction.js';
import {
  type ContactTimeline,
  contactTimeline,
  type OrganisationTimeline,
  organisationTimeline,
} from './timeline.js';

export type { InteractionServiceDeps } from './interaction.deps.js';
export { parseInteractionFilter } from './list-interactions.js';
export type { LogInteractionResult } from './log-interaction.js';
export type { ContactTimeline, OrganisationTimeline } from './timeline.js';

export interface InteractionService {
  /** F1–F5. Member or owner. Idempotent per `idempotencyKey`. */
  logInteraction(actor: Actor, input: unknown): Promise<LogInteractionResult>;
  /** F7. Author or owner. */
  editInteraction(actor: Actor, input: unknown): Promise<Interaction>;
  /** F7. Author or owner. */
  deleteInteraction(actor: Actor, input: unknown): Promise<{ deleted: Interaction }>;
  /** F8. Any role. `known`: the contact the caller already loaded, to skip reading it again. */
  contactTimeline(actor: Actor, input: unknown, known?: Contact): Promise<ContactTimeline>;
  /** F9. Any role. */
  organisationTimeline(actor: Actor, input: unknown): Promise<OrganisationTimeline>;
  /** F10. Any role. */
  listInteractions(actor: Actor, input: unknown): Promise<Page<Interaction>>;
  /** One interaction of the actor's workspace, for a card or a button; not found is an error. Any role. */
  getInteraction(actor: Actor, input: unknown): Promise<Interaction>;
  /** The same, or null when it is gone (a reminder whose interaction was deleted meanwhile). Any role. */
  findInteraction(actor: Actor, input: unknown): Promise<Interaction | null>;
  /** F7: the interaction to prefill an edit form with; refused up front to anyone but its author or an owner. */
  getEditableInteraction(actor: Actor, input: unknown): Promise<Interaction>;
}

export function createInteractionService(deps: InteractionServiceDeps): InteractionService {
  return {
    logInteraction: (actor, input) => logInteraction(deps, actor, input),
    editInteraction: (actor, input) => editInteraction(deps, actor, input),
    deleteInteraction: (actor, input) => deleteInteraction(deps, actor, input),
    contactTimeline: (actor, input, known) => contactTimeline(deps, actor, input, known),
    organisationTimeline: (actor, input) => organisationTimeline(deps, actor, input),
    listInteractions: (actor, input) => listInteractions(deps, actor, input),
    getInteraction: (actor, input) => loadInteraction(deps, actor, parseInput(interactionIdSchema, input).id),
    findInteraction: (actor, input) =>
      deps.interactions.findById(actor.workspaceId, parseInput(interactionIdSchema, input).id),
    async getEditableInteraction(actor, input) {
      const interaction = await loadInteraction(deps, actor, parseInput(interactionIdSchema, input).id);
      // Refused before a form they could not submit; the edit itself checks again on save.
      assertCanModify(actor, interaction.authorId);
      return interaction;
    },
  };
}
