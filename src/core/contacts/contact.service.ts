import { type Actor, assertCanWrite } from '../shared/actor.js';
import { ConflictError, ErrorCode, NotFoundError, ValidationError } from '../shared/errors.js';
import { foldForSearch } from '../shared/text.js';
import { parseInput } from '../shared/zod.js';
import { type Contact, contactDisplayName, type Organisation } from './contact.js';
import {
  type ContactFieldsInput,
  type ContactPatchInput,
  contactIdSchema,
  contactIdsSchema,
  createContactSchema,
  createOrganisationSchema,
  editContactSchema,
  findSchema,
  mergeContactsSchema,
  NAME_REQUIRED,
  organisationRefSchema,
} from './contact.schemas.js';
import { createContactImporter, type ImportReport } from './contact-import.js';
import {
  assertExternalIdFree,
  auditContact,
  type ContactServiceDeps,
  contactSearchText,
  mergeContactFields,
  organisationKey,
  resolveOrganisationId,
  sameContactFields,
  saveContact,
  searchKey,
} from './contact-records.js';

export type { ContactServiceDeps } from './contact-records.js';
export type ContactService = ReturnType<typeof createContactService>;

/**
 * F11. Contacts are shared by the whole workspace: viewers read; members and owners create,
 * edit, merge and delete any contact (not only those they created). Deleting is safe to give
 * to members because a contact can only be deleted once it has no interactions, so nobody's
 * trace is lost, and the audit trail keeps the deleted record.
 */
export function createContactService(deps: ContactServiceDeps) {
  const { contacts, organisations, interactions, clock, ids } = deps;
  const importContacts = createContactImporter(deps);

  async function load(actor: Actor, id: string): Promise<Contact> {
    const contact = await contacts.findById(actor.workspaceId, id);
    if (!contact) throw new NotFoundError(ErrorCode.ContactNotFound, 'This contact no longer exists.');
    return contact;
  }

  function newContact(
    actor: Actor,
    fields: ContactFieldsInput,
    organisationId: string | undefined,
    now: Date,
  ): Contact {
    const contact: Contact = {
      id: ids.next(),
      workspaceId: actor.workspaceId,
      firstName: fields.firstName,
      lastName: fields.lastName,
      emails: fields.emails,
      phones: fields.phones,
      ...(fields.address ? { address: fields.address } : {}),
      ...(organisationId ? { organisationId } : {}),
      tags: fields.tags,
      ...(fields.externalId ? { externalId: fields.externalId } : {}),
      searchText: '',
      createdAt: now,
      updatedAt: now,
      createdBy: actor.userId,
    };
    contact.searchText = contactSearchText(contact);
    return contact;
  }

  return {
    async createContact(actor: Actor, input: unknown): Promise<Contact> {
      assertCanWrite(actor);
      const fields = parseInput(createContactSchema, input);
      await assertExternalIdFree(contacts, actor.workspaceId, fields.externalId ?? undefined);
      const organisationId = await resolveOrganisationId(deps, actor.workspaceId, {
        organisation: fields.organisation ?? undefined,
        organisationId: fields.organisationId ?? undefined,
      });
      const contact = newContact(actor, fields, organisationId, clock.now());
      await saveContact(contacts, contact, 'insert');
      await auditContact(deps, actor, [{ action: 'contact.created', targetId: contact.id, after: contact }]);
      return contact;
    },

    /** Keeps createdBy; interactions' denormalised name/organisation follow the edit. */
    async editContact(actor: Actor, input: unknown): Promise<Contact> {
      assertCanWrite(actor);
      const patch = parseInput(editContactSchema, input);
      const before = await load(actor, patch.id);
      const edited = applyPatch(before, patch);
      if (!edited.firstName && !edited.lastName) throw new ValidationError({ firstName: NAME_REQUIRED });
      if (patch.externalId)
        await assertExternalIdFree(contacts, actor.workspaceId, patch.externalId, before.id);
      if (patch.organisation === null || patch.organisationId === null) delete edited.organisationId;
      else if (patch.organisation || patch.organisationId) {
        const organisationId = await resolveOrganisationId(deps, actor.workspaceId, {
          organisation: patch.organisation ?? undefined,
          organisationId: patch.organisationId ?? undefined,
        });
        if (organisationId) edited.organisationId = organisationId;
      }
      const changed = !sameContactFields(before, edited);
      const after: Contact = changed
        ? { ...edited, searchText: contactSearchText(edited), updatedAt: clock.now() }
        : before;
      if (changed) await saveContact(contacts, after, 'replace');
      // Always (even unchanged): a retry then repairs names a failed earlier refresh left stale.
      await interactions.refreshContactFields(
        actor.workspaceId,
        after.id,
        contactDisplayName(after),
        after.organisationId,
      );
      if (changed)
        await auditContact(deps, actor, [{ action: 'contact.updated', targetId: after.id, before, after }]);
      return after;
    },

    async getContact(actor: Actor, input: unknown): Promise<Contact> {
      const { id } = parseInput(contactIdSchema, input);
      return load(actor, id);
    },

    /** The contacts of the workspace among `ids` (a form's preselection); unknown ids are dropped. Any role. */
    async findContactsByIds(actor: Actor, input: unknown): Promise<Contact[]> {
      const { ids } = parseInput(contactIdsSchema, input);
      return ids.length > 0 ? contacts.findByIds(actor.workspaceId, ids) : [];
    },

    /** Substring of name, email or phone; accent/case-insensitive. Empty text lists alphabetically. */
    async findContacts(actor: Actor, input: unknown): Promise<Contact[]> {
      const { text, limit } = parseInput(findSchema, input);
      return contacts.search(actor.workspaceId, searchKey(text), limit);
    },

    /**
     * The kept contact gains the duplicate's emails/phones/tags and the fields it lacks, every
     * interaction moves to it, and the duplicate is deleted. Each step can be re-run, so a merge
     * interrupted half-way completes when it is run again.
     */
    async mergeContacts(
      actor: Actor,
      input: unknown,
    ): Promise<{ contact: Contact; movedInteractions: number }> {
      assertCanWrite(actor);
      const { keepId, mergeId } = parseInput(mergeContactsSchema, input);
      const keep = await load(actor, keepId);
      const duplicate = await load(actor, mergeId);
      const { contact: merged, problems } = mergeContactFields(keep, duplicate, false);
      if (Object.keys(problems).length > 0) throw new ValidationError(problems);
      const now = clock.now();
      merged.updatedAt = now;
      // The duplicate's external id can only move once the duplicate is gone (unique index).
      const movesExternalId = !keep.externalId && duplicate.externalId !== undefined;
      const { externalId: _deferred, ...withoutExternalId } = merged;
      await contacts.replace(movesExternalId ? withoutExternalId : merged);
      const target = {
        contactId: keep.id,
        contactName: contactDisplayName(merged),
        ...(merged.organisationId ? { organisationId: merged.organisationId } : {}),
      };
      let movedInteractions: number;
      try {
        movedInteractions = await interactions.reassignContact(actor.workspaceId, duplicate.id, target, now);
      } catch (error) {
        await contacts.replace(keep);
        throw error;
      }
      await contacts.deleteById(actor.workspaceId, duplicate.id);
      // An interaction logged against the duplicate while we were moving the others.
      movedInteractions += await interactions.reassignContact(actor.workspaceId, duplicate.id, target, now);
      if (movesExternalId) await saveContact(contacts, merged, 'replace');
      await interactions.refreshContactFields(
        actor.workspaceId,
        keep.id,
        target.contactName,
        merged.organisationId,
      );
      await auditContact(deps, actor, [
        {
          action: 'contact.merged',
          targetId: keep.id,
          before: { kept: keep, merged: duplicate },
          after: merged,
        },
        {
          action: 'contact.merged',
          targetId: duplicate.id,
          before: duplicate,
          after: { mergedInto: keep.id },
        },
      ]);
      return { contact: merged, movedInteractions };
    },

    /** Refused while the contact has interactions: they would lose their contact. */
    async deleteContact(actor: Actor, input: unknown): Promise<void> {
      assertCanWrite(actor);
      const { id } = parseInput(contactIdSchema, input);
      const contact = await load(actor, id);
      const count = await interactions.countForContact(actor.workspaceId, id);
      if (count > 0) throw hasInteractions(contact, count);
      await contacts.deleteById(actor.workspaceId, id);
      // Someone logged an interaction for this contact in between: put the contact back.
      const late = await interactions.countForContact(actor.workspaceId, id);
      if (late > 0) {
        await contacts.insert(contact);
        throw hasInteractions(contact, late);
      }
      await auditContact(deps, actor, [{ action: 'contact.deleted', targetId: id, before: contact }]);
    },

    /** One organisation of the workspace by id, or by name in any case and accents; null when none. Any role. */
    async findOrganisation(actor: Actor, input: unknown): Promise<Organisation | null> {
      const ref = parseInput(organisationRefSchema, input);
      return 'id' in ref
        ? organisations.findById(actor.workspaceId, ref.id)
        : organisations.findByNameKey(actor.workspaceId, organisationKey(ref.name));
    },

    async findOrganisations(actor: Actor, input: unknown): Promise<Organisation[]> {
      const { text, limit } = parseInput(findSchema, input);
      return organisations.search(actor.workspaceId, foldForSearch(text), limit);
    },

    /** Find-or-create: "ACME" when "Acme" exists resolves to "Acme". */
    async createOrganisation(actor: Actor, input: unknown): Promise<Organisation> {
      assertCanWrite(actor);
      const { name } = parseInput(createOrganisationSchema, input);
      return organisations.insertOrGet({
        id: ids.next(),
        workspaceId: actor.workspaceId,
        name,
        nameKey: organisationKey(name),
        createdAt: clock.now(),
      });
    },

    importContacts,

    /**
     * F11 from a chat upload (Slack, Teams): the whole file is read once without writing, so a
     * file that breaks on line 900 (encoding, quotes, header) imports nothing; then its rows are
     * imported. Roles are checked by the import itself.
     */
    async importContactFile(actor: Actor, file: Uint8Array): Promise<ImportReport> {
      const read = deps.contactFiles;
      if (!read) throw new Error('No contact file reader is wired into the contact service.');
      for await (const _row of read(file)) {
        // file-level problems only: rows are read and dropped
      }
      return importContacts(actor, read(file));
    },
  };
}

function applyPatch(before: Contact, patch: ContactPatchInput): Contact {
  const edited: Contact = { ...before };
  if (patch.firstName !== undefined) edited.firstName = patch.firstName;
  if (patch.lastName !== undefined) edited.lastName = patch.lastName;
  if (patch.emails !== undefined) edited.emails = patch.emails;
  if (patch.phones !== undefined) edited.phones = patch.phones;
  if (patch.tags !== undefined) edited.tags = patch.tags;
  if (patch.address === null) delete edited.address;
  else if (patch.address !== undefined) edited.address = patch.address;
  if (patch.externalId === null) delete edited.externalId;
  else if (patch.externalId !== undefined) edited.externalId = patch.externalId;
  return edited;
}

function hasInteractions(contact: Contact, count: number): ConflictError {
  const noun = count === 1 ? 'interaction' : 'interactions';
  return new ConflictError(
    ErrorCode.ContactHasInteractions,
    `${contactDisplayName(contact)} has ${count} ${noun}; delete or move them first (merge the contact into another).`,
  );
}
