/**
 * Building blocks shared by the contact use cases and the CSV import: search text, organisation
 * find-or-create, external-id uniqueness, field merging and audit entries.
 */
import type { AuditAction, AuditRepository } from '../audit/audit.js';
import type { InteractionRepository } from '../interactions/interaction.repository.port.js';
import type { Actor } from '../shared/actor.js';
import { ConflictError, ErrorCode, isDomainError, ValidationError } from '../shared/errors.js';
import type { Clock, IdGenerator, Logger } from '../shared/ports.js';
import { digitsOnly, foldForSearch } from '../shared/text.js';
import { type Contact, contactDisplayName, type PostalAddress } from './contact.js';
import type { ContactRepository, OrganisationRepository } from './contact.repository.port.js';
import { ADDRESS_KEYS, EMAILS_MAX, PHONES_MAX, TAGS_MAX } from './contact.schemas.js';
import type { ContactFileReader } from './contact-file-reader.port.js';

export interface ContactServiceDeps {
  contacts: ContactRepository;
  organisations: OrganisationRepository;
  interactions: Pick<InteractionRepository, 'countForContact' | 'reassignContact' | 'refreshContactFields'>;
  audit: AuditRepository;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  /** Reads uploaded contact files (importContactFile); the composition root wires the CSV reader. */
  contactFiles?: ContactFileReader;
}

/** ITU country codes with two digits; codes starting with 1 or 7 have one, the rest three. */
const TWO_DIGIT_COUNTRY_CODES = new Set(
  '20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(
    ' ',
  ),
);

/** Digit forms a phone is found by: as written, and national ("+33 6 12…" → "0612…"). */
export function phoneSearchForms(phone: string): string[] {
  const digits = digitsOnly(phone);
  const trimmed = phone.trim();
  const international = trimmed.startsWith('+')
    ? digits
    : trimmed.startsWith('00')
      ? digits.slice(2)
      : undefined;
  if (international === undefined) return [digits];
  const codeLength =
    international.startsWith('1') || international.startsWith('7')
      ? 1
      : TWO_DIGIT_COUNTRY_CODES.has(international.slice(0, 2))
        ? 2
        : 3;
  return [digits, `0${international.slice(codeLength)}`];
}

export function contactSearchText(
  contact: Pick<Contact, 'firstName' | 'lastName' | 'emails' | 'phones'>,
): string {
  const { firstName, lastName, emails, phones } = contact;
  return foldForSearch(
    [
      firstName,
      lastName,
      // "Lévy Marie" finds Marie Lévy too.
      lastName,
      firstName,
      ...emails,
      ...phones,
      ...phones.flatMap(phoneSearchForms),
    ]
      .filter((part) => part.length > 0)
      .join(' '),
  );
}

/** What to look for in searchText: digits for phone-like text ("06 12" → "0612"), else folded text. */
export function searchKey(userText: string): string {
  const digits = digitsOnly(userText);
  if (/^[\d\s+().\-/]+$/.test(userText) && digits.length >= 2) return digits;
  return foldForSearch(userText);
}

export function organisationKey(name: string): string {
  return foldForSearch(name);
}

/**
 * The organisation id for a contact: an existing id is checked to belong to the workspace;
 * a name is found or created through the unique (workspaceId, nameKey) claim, so concurrent
 * "Acme"/"ACME" creates end up with one organisation. In a dry run nothing is created.
 * Organisations are shared reference data: one created for a contact whose write then fails
 * stays, which is harmless (the next contact with that name reuses it).
 */
export async function resolveOrganisationId(
  deps: Pick<ContactServiceDeps, 'organisations' | 'ids' | 'clock'>,
  workspaceId: string,
  input: { organisation?: string | undefined; organisationId?: string | undefined },
  options: { dryRun?: boolean } = {},
): Promise<string | undefined> {
  if (input.organisationId) {
    const existing = await deps.organisations.findById(workspaceId, input.organisationId);
    if (!existing)
      throw new ValidationError({ organisationId: 'That organisation does not exist; pick another one.' });
    return existing.id;
  }
  if (!input.organisation) return undefined;
  const nameKey = organisationKey(input.organisation);
  if (options.dryRun) return (await deps.organisations.findByNameKey(workspaceId, nameKey))?.id ?? 'new';
  const organisation = await deps.organisations.insertOrGet({
    id: deps.ids.next(),
    workspaceId,
    name: input.organisation,
    nameKey,
    createdAt: deps.clock.now(),
  });
  return organisation.id;
}

export function duplicateExternalId(existing: Contact): ConflictError {
  return new ConflictError(
    ErrorCode.ContactDuplicate,
    `${contactDisplayName(existing)} already has the external id '${existing.externalId}'.`,
  );
}

/** Refuses an external id another contact of the workspace already holds. */
export async function assertExternalIdFree(
  contacts: ContactRepository,
  workspaceId: string,
  externalId: string | undefined,
  selfId?: string,
): Promise<void> {
  if (!externalId) return;
  const holder = await contacts.findByExternalId(workspaceId, externalId);
  if (holder && holder.id !== selfId) throw duplicateExternalId(holder);
}

/**
 * Inserts or replaces a contact. The unique index is the final word on external ids: when a
 * concurrent write took the id between our check and our write, the repository raises
 * CONTACT.DUPLICATE and we name the contact that won.
 */
export async function saveContact(
  contacts: ContactRepository,
  contact: Contact,
  mode: 'insert' | 'replace',
): Promise<void> {
  try {
    if (mode === 'insert') await contacts.insert(contact);
    else await contacts.replace(contact);
  } catch (error) {
    if (isDomainError(error) && error.code === ErrorCode.ContactDuplicate && contact.externalId) {
      const holder = await contacts.findByExternalId(contact.workspaceId, contact.externalId);
      if (holder && holder.id !== contact.id) throw duplicateExternalId(holder);
    }
    throw error;
  }
}

function unionBy(first: string[], second: string[], key: (value: string) => string): string[] {
  const seen = new Set(first.map(key));
  const result = [...first];
  for (const value of second) {
    if (seen.has(key(value))) continue;
    seen.add(key(value));
    result.push(value);
  }
  return result;
}

export interface MergeableFields {
  firstName?: string;
  lastName?: string;
  emails: string[];
  phones: string[];
  tags: string[];
  address?: PostalAddress;
  organisationId?: string;
  externalId?: string;
}

/**
 * `base` gains the other's emails/phones/tags (union, base first) and the fields it lacks.
 * With `overwrite`, the other's non-empty single fields win (an import row updates a contact);
 * without, the base keeps its own (a merge keeps the chosen contact's identity).
 * Returns the problems when a union would pass the per-contact limits.
 */
export function mergeContactFields(
  base: Contact,
  other: MergeableFields,
  overwrite: boolean,
): { contact: Contact; problems: Record<string, string> } {
  const pick = (mine: string | undefined, theirs: string | undefined) =>
    overwrite ? theirs || mine : mine || theirs;
  const emails = unionBy(base.emails, other.emails, (email) => email.toLowerCase());
  const phones = unionBy(base.phones, other.phones, digitsOnly);
  const tags = unionBy(base.tags, other.tags, (tag) => tag.toLocaleLowerCase());
  const address: PostalAddress = {};
  for (const key of ADDRESS_KEYS) {
    const value = pick(base.address?.[key], other.address?.[key]);
    if (value) address[key] = value;
  }
  const { address: _a, organisationId: _o, externalId: _e, ...rest } = base;
  const organisationId = pick(base.organisationId, other.organisationId);
  const externalId = pick(base.externalId, other.externalId);
  const contact: Contact = {
    ...rest,
    firstName: pick(base.firstName, other.firstName) ?? '',
    lastName: pick(base.lastName, other.lastName) ?? '',
    emails,
    phones,
    tags,
    ...(Object.keys(address).length > 0 ? { address } : {}),
    ...(organisationId ? { organisationId } : {}),
    ...(externalId ? { externalId } : {}),
  };
  contact.searchText = contactSearchText(contact);
  const problems: Record<string, string> = {};
  if (emails.length > EMAILS_MAX)
    problems.emails = `Together they have ${emails.length} email addresses; a contact has ${EMAILS_MAX} at most. Remove some first.`;
  if (phones.length > PHONES_MAX)
    problems.phones = `Together they have ${phones.length} phone numbers; a contact has ${PHONES_MAX} at most. Remove some first.`;
  if (tags.length > TAGS_MAX)
    problems.tags = `Together they have ${tags.length} tags; a contact has ${TAGS_MAX} at most. Remove some first.`;
  return { contact, problems };
}

/** true when an update would change nothing a user can see (so no write, no audit entry). */
export function sameContactFields(a: Contact, b: Contact): boolean {
  const fields = (c: Contact) =>
    JSON.stringify([
      c.firstName,
      c.lastName,
      c.emails,
      c.phones,
      c.tags,
      ADDRESS_KEYS.map((key) => c.address?.[key] ?? ''),
      c.organisationId ?? '',
      c.externalId ?? '',
    ]);
  return fields(a) === fields(b);
}

export async function auditContact(
  deps: Pick<ContactServiceDeps, 'audit' | 'ids' | 'clock'>,
  actor: Actor,
  entries: { action: AuditAction; targetId: string; before?: unknown; after?: unknown }[],
): Promise<void> {
  const at = deps.clock.now();
  await deps.audit.insertMany(
    entries.map(({ action, targetId, before, after }) => ({
      id: deps.ids.next(),
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action,
      targetId,
      at,
      ...(before === undefined ? {} : { before: JSON.stringify(before) }),
      ...(after === undefined ? {} : { after: JSON.stringify(after) }),
    })),
  );
}
