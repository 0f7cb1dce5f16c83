import type { Contact, Organisation } from '../contacts/contact.js';
import type { Actor } from '../shared/actor.js';
import { ErrorCode, NotFoundError } from '../shared/errors.js';
import type { Page } from '../shared/paging.js';
import { parseInput } from '../shared/zod.js';
import type { InteractionServiceDeps } from './interaction.deps.js';
import type { Interaction } from './interaction.js';
import { contactTimelineSchema, organisationTimelineSchema } from './interaction.schemas.js';
import { readPage } from './read-page.js';

export type ContactTimeline = Page<Interaction> & { contact: Contact };
export type OrganisationTimeline = Page<Interaction> & {
  organisationId: string;
  /** Present when the service was given the organisation repository. */
  organisation?: Organisation;
};

/**
 * F8: one contact's interactions, newest first, paged, with the total. Anyone in the workspace
 * reads. `known` is the contact the caller just found (a search), so it is not read again; it
 * is used only if it is that contact in the actor's workspace.
 */
export async function contactTimeline(
  deps: InteractionServiceDeps,
  actor: Actor,
  input: unknown,
  known?: Contact,
): Promise<ContactTimeline> {
  const data = parseInput(contactTimelineSchema, input);
  const contact =
    known && known.id === data.contactId && known.workspaceId === actor.workspaceId
      ? known
      : await deps.contacts.findById(actor.workspaceId, data.contactId);
  if (!contact) {
    throw new NotFoundError(
      ErrorCode.ContactNotFound,
      'This contact no longer exists. It may have been merged.',
    );
  }
  const page = await readPage(deps, actor, {
    filter: { contactIds: [contact.id] },
    sort: 'date',
    limit: data.limit,
    cursor: data.cursor,
    direction: data.direction,
  });
  return { ...page, contact };
}

/**
 * F9: every interaction of the organisation's contacts, merged newest first. Served by the
 * organisationId copied onto each interaction (kept in step by `refreshContactFields`).
 */
export async function organisationTimeline(
  deps: InteractionServiceDeps,
  actor: Actor,
  input: unknown,
): Promise<OrganisationTimeline> {
  const data = parseInput(organisationTimelineSchema, input);
  let organisation: Organisation | undefined;
  if (deps.organisations) {
    organisation = (await deps.organisations.findById(actor.workspaceId, data.organisationId)) ?? undefined;
    if (!organisation) {
      throw new NotFoundError(ErrorCode.OrganisationNotFound, 'This organisation no longer exists.');
    }
  }
  const page = await readPage(deps, actor, {
    filter: { organisationId: data.organisationId },
    sort: 'date',
    limit: data.limit,
    cursor: data.cursor,
    direction: data.direction,
  });
  return { ...page, organisationId: data.organisationId, ...(organisation ? { organisation } : {}) };
}
