import { z } from 'zod';
import { digitsOnly } from '../shared/text.js';
import { cleanLine } from '../workspaces/workspace.schemas.js';
import type { PostalAddress } from './contact.js';

export const NAME_MAX = 100;
export const EMAILS_MAX = 10;
export const PHONES_MAX = 10;
export const PHONE_LENGTH_MAX = 40;
export const PHONE_DIGITS_MIN = 6;
export const ADDRESS_PART_MAX = 200;
export const TAGS_MAX = 20;
export const TAG_LENGTH_MAX = 40;
export const EXTERNAL_ID_MAX = 100;
export const ORGANISATION_NAME_MAX = 200;
export const FIND_LIMIT_MAX = 50;
export const FIND_LIMIT_DEFAULT = 20;
export const ADDRESS_KEYS = ['street', 'city', 'postalCode', 'country'] as const;

const emailFormat = z.email();

/** User text shown back in a message: short, on one line. */
function quote(text: string): string {
  return `'${text.length > 60 ? `${text.slice(0, 57)}…` : text}'`;
}

function line(label: string, max: number) {
  return z
    .string({ error: `${label} must be text.` })
    .transform(cleanLine)
    .pipe(z.string().max(max, `${label} is too long (${max} characters at most).`));
}

/** Text; '' or null resolve to null, which an edit reads as "clear this field". */
function optionalLine(label: string, max: number) {
  return line(label, max)
    .nullable()
    .transform((value) => (value ? value : null));
}

/** A list given as an array, or as one string separated by the given pattern (forms, CSV cells). */
function list(label: string, separator: RegExp) {
  return z
    .union([z.string(), z.array(z.string()), z.null()], { error: `${label} must be text or a list of text.` })
    .transform((value) =>
      (typeof value === 'string' ? value.split(separator) : (value ?? []))
        .map(cleanLine)
        .filter((item) => item.length > 0),
    );
}

export const emailsSchema = list('Emails', /[;,\s]+/).transform((items, ctx) => {
  const emails: string[] = [];
  for (const item of items) {
    const email = item.toLowerCase();
    if (!emailFormat.safeParse(email).success) {
      ctx.addIssue({ code: 'custom', message: `Invalid email ${quote(item)}.` });
      return z.NEVER;
    }
    if (!emails.includes(email)) emails.push(email);
  }
  if (emails.length > EMAILS_MAX) {
    ctx.addIssue({ code: 'custom', message: `At most ${EMAILS_MAX} email addresses per contact.` });
    return z.NEVER;
  }
  return emails;
});

export const phonesSchema = list('Phones', /[;,]/).transform((items, ctx) => {
  const phones: string[] = [];
  const seen = new Set<string>();
  for (const phone of items) {
    if (phone.length > PHONE_LENGTH_MAX) {
      ctx.addIssue({
        code: 'custom',
        message: `Phone ${quote(phone)} is too long (${PHONE_LENGTH_MAX} characters at most).`,
      });
      return z.NEVER;
    }
    const digits = digitsOnly(phone);
    if (digits.length < PHONE_DIGITS_MIN) {
      ctx.addIssue({
        code: 'custom',
        message: `Invalid phone ${quote(phone)}: it needs at least ${PHONE_DIGITS_MIN} digits.`,
      });
      return z.NEVER;
    }
    // "06 12 34 56 78" and "0612345678" are one number.
    if (!seen.has(digits)) phones.push(phone);
    seen.add(digits);
  }
  if (phones.length > PHONES_MAX) {
    ctx.addIssue({ code: 'custom', message: `At most ${PHONES_MAX} phone numbers per contact.` });
    return z.NEVER;
  }
  return phones;
});

export const tagsSchema = list('Tags', /[;,]/).transform((items, ctx) => {
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const tag of items) {
    if (tag.length > TAG_LENGTH_MAX) {
      ctx.addIssue({
        code: 'custom',
        message: `Tag ${quote(tag)} is too long (${TAG_LENGTH_MAX} characters at most).`,
      });
      return z.NEVER;
    }
    const key = tag.toLocaleLowerCase();
    if (!seen.has(key)) tags.push(tag);
    seen.add(key);
  }
  if (tags.length > TAGS_MAX) {
    ctx.addIssue({ code: 'custom', message: `At most ${TAGS_MAX} tags per contact.` });
    return z.NEVER;
  }
  return tags;
});

export const addressSchema = z
  .object(
    {
      street: optionalLine('Street', ADDRESS_PART_MAX).optional(),
      city: optionalLine('City', ADDRESS_PART_MAX).optional(),
      postalCode: optionalLine('Postal code', ADDRESS_PART_MAX).optional(),
      country: optionalLine('Country', ADDRESS_PART_MAX).optional(),
    },
    { error: 'The address must have street, city, postal code and country fields.' },
  )
  .nullable()
  .transform((address): PostalAddress | null => {
    if (!address) return null;
    const result: PostalAddress = {};
    for (const key of ADDRESS_KEYS) {
      const value = address[key];
      if (value) result[key] = value;
    }
    return Object.keys(result).length > 0 ? result : null;
  });

const contactFieldShape = {
  firstName: line('First name', NAME_MAX),
  lastName: line('Last name', NAME_MAX),
  emails: emailsSchema,
  phones: phonesSchema,
  address: addressSchema,
  /** An organisation name: found or created ("ACME" and "Acme" are one organisation). */
  organisation: optionalLine('Organisation', ORGANISATION_NAME_MAX),
  organisationId: optionalLine('Organisation', 100),
  tags: tagsSchema,
  externalId: optionalLine('External id', EXTERNAL_ID_MAX),
};

export const NAME_REQUIRED = 'Give the contact a first or last name.';
const ONE_ORGANISATION = 'Give an organisation name or pick an existing organisation, not both.';

export const createContactSchema = z
  .object({
    ...contactFieldShape,
    firstName: contactFieldShape.firstName.optional().default(''),
    lastName: contactFieldShape.lastName.optional().default(''),
    emails: contactFieldShape.emails.optional().default([]),
    phones: contactFieldShape.phones.optional().default([]),
    address: contactFieldShape.address.optional(),
    organisation: contactFieldShape.organisation.optional(),
    organisationId: contactFieldShape.organisationId.optional(),
    tags: contactFieldShape.tags.optional().default([]),
    externalId: contactFieldShape.externalId.optional(),
  })
  .superRefine((input, ctx) => {
    if (!input.firstName && !input.lastName)
      ctx.addIssue({ code: 'custom', path: ['firstName'], message: NAME_REQUIRED });
    if (input.organisation && input.organisationId)
      ctx.addIssue({ code: 'custom', path: ['organisation'], message: ONE_ORGANISATION });
  });
export type ContactFieldsInput = z.output<typeof createContactSchema>;

/**
 * Every field optional: an absent (undefined) field stays as it is; '' or null clears an optional
 * field, [] empties a list. Name presence is checked on the edited contact.
 */
export const editContactSchema = z
  .object({
    id: z.string({ error: 'Choose a contact.' }).trim().min(1, 'Choose a contact.').max(100),
    firstName: contactFieldShape.firstName.optional(),
    lastName: contactFieldShape.lastName.optional(),
    emails: contactFieldShape.emails.optional(),
    phones: contactFieldShape.phones.optional(),
    address: contactFieldShape.address.optional(),
    organisation: contactFieldShape.organisation.optional(),
    organisationId: contactFieldShape.organisationId.optional(),
    tags: contactFieldShape.tags.optional(),
    externalId: contactFieldShape.externalId.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.organisation && input.organisationId)
      ctx.addIssue({ code: 'custom', path: ['organisation'], message: ONE_ORGANISATION });
  });
export type ContactPatchInput = z.output<typeof editContactSchema>;

export const contactIdSchema = z.object({
  id: z.string({ error: 'Choose a contact.' }).trim().min(1, 'Choose a contact.').max(100),
});

/** A form's preselected contacts: unknown ids are dropped, not reported, and a few hundred at most are read. */
export const CONTACT_IDS_MAX = 500;
export const contactIdsSchema = z.object({
  ids: z
    .array(z.string({ error: 'Choose contacts.' }), { error: 'Choose contacts.' })
    .transform((ids) => [...new Set(ids.map((id) => id.trim()).filter(Boolean))].slice(0, CONTACT_IDS_MAX)),
});

/** An organisation by its id (a button, a filter) or by its name in any case or accents (the CLI). */
export const organisationRefSchema = z.union(
  [
    z.object({ id: z.string().trim().min(1, 'Choose an organisation.').max(2000) }),
    z.object({ name: z.string().trim().min(1, 'Name an organisation.') }),
  ],
  { error: 'Choose an organisation.' },
);

const searchText = z
  .string({ error: 'Search text must be text.' })
  .transform(cleanLine)
  .pipe(z.string().max(100, 'Search with 100 characters at most.'));

const limit = z
  .number({ error: 'The limit must be a number.' })
  .int('The limit must be a whole number.')
  .min(1, 'The limit must be at least 1.')
  .max(FIND_LIMIT_MAX, `The limit is at most ${FIND_LIMIT_MAX}.`);

export const findSchema = z.object({
  text: searchText.optional().default(''),
  limit: limit.optional().default(FIND_LIMIT_DEFAULT),
});

export const mergeContactsSchema = z
  .object({
    keepId: z.string({ error: 'Choose the contact to keep.' }).trim().min(1, 'Choose the contact to keep.'),
    mergeId: z
      .string({ error: 'Choose the duplicate to merge.' })
      .trim()
      .min(1, 'Choose the duplicate to merge.'),
  })
  .superRefine((input, ctx) => {
    if (input.keepId === input.mergeId)
      ctx.addIssue({
        code: 'custom',
        path: ['mergeId'],
        message: 'A contact cannot be merged with itself; choose the duplicate.',
      });
  });

export const createOrganisationSchema = z.object({
  name: line('Organisation', ORGANISATION_NAME_MAX).pipe(z.string().min(1, 'Give the organisation a name.')),
});

export const importOptionsSchema = z.object({ dryRun: z.boolean().optional().default(false) });
