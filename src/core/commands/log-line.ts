import { type Contact, contactDisplayName } from '../contacts/contact.js';
import { type LogFormFields, logInputFromFields } from '../forms/log-form-rules.js';
import type { LogInteractionResult } from '../interactions/log-interaction.js';
import type { QueryDeps } from '../queries/query-deps.js';
import { NAMED_CONTACTS_MAX, uniqueMatch } from '../queries/timeline-subject.js';
import { assertCanWrite } from '../shared/actor.js';
import { type FieldErrors, ValidationError } from '../shared/errors.js';
import { personalTime } from '../workspaces/personal-time.js';
import type { Tenant } from '../workspaces/tenant.js';
import { CommandSyntaxError } from './command-syntax-error.js';
import { LOG_LINE_EXAMPLE, LOG_LINE_SYNTAX, type LogLineSpec } from './log-line-grammar.js';

/**
 * A date and time in words ("yesterday 10:30", "next monday 9:00") as the pickers of the log
 * form would hold it, wall-clock in the person's own zone: `time` only when one was typed.
 * Injected because the library that reads words (chrono-node) may not be imported by the core.
 */
export type NaturalMomentParser = (
  text: string,
  reference: { now: Date; timeZone: string },
) => { date: string; time?: string } | null;

export interface LogLineRequest {
  /** From the platform's id of the message or command: a retry or redelivery maps to the same records. */
  idempotencyKey: string;
  parseMoment: NaturalMomentParser;
}

export type LogLineOutcome =
  | { kind: 'logged'; result: LogInteractionResult }
  /**
   * This line was already logged (a retry, or a redelivery after the process died between the
   * write and the reply, so the first confirmation may never have gone out): the adapter
   * confirms again from the stored records, headed by loggedVerb ("Already logged").
   */
  | { kind: 'replayed'; result: LogInteractionResult };

/** A few results per name are enough to tell "exactly one" from "ambiguous". */
const MATCHES_PER_NAME = 5;

function fail(token: string, reason: string, hint: string = LOG_LINE_EXAMPLE): never {
  throw new CommandSyntaxError(token, reason, hint, LOG_LINE_SYNTAX);
}

/** Every name must designate exactly one contact (the same rule as `timeline`); else nothing is logged. */
async function resolveContacts(tenant: Tenant, deps: QueryDeps, line: LogLineSpec): Promise<Contact[]> {
  if (line.contacts.length > NAMED_CONTACTS_MAX) {
    fail(
      line.contactsToken,
      `A one-line log names at most ${NAMED_CONTACTS_MAX} contacts; use the form (log with no description) for more.`,
    );
  }
  const found = await Promise.all(
    line.contacts.map((text) =>
      deps.container.contacts.findContacts(tenant.actor, { text, limit: MATCHES_PER_NAME }),
    ),
  );
  const contacts = new Map<string, Contact>();
  line.contacts.forEach((name, index) => {
    const matches = found[index] ?? [];
    if (matches.length === 0) {
      fail(
        name,
        `No contact matches "${name}". Nothing was logged. Add them with contact add, or type part of their name or their email.`,
        'contact add',
      );
    }
    const match = uniqueMatch(matches, name);
    if (!match) {
      const shown = matches
        .slice(0, 3)
        .map((contact) => contactDisplayName(contact) || contact.emails[0] || '?');
      fail(
        name,
        `"${name}" matches several contacts (${shown.join(', ')}${matches.length > 3 ? ', …' : ''}). Nothing was logged. Type the whole name (in quotes) or the email.`,
        `log "${shown[0]}" Call "…"`,
      );
    }
    contacts.set(match.id, match);
  });
  return [...contacts.values()];
}

/** Which typed part a field error of the form rules or the log use case is about. */
function tokenFor(field: string, line: LogLineSpec): string {
  const head = field.split('.')[0];
  switch (head) {
    case 'time':
    case 'occurredAt':
      return line.at?.token ?? '';
    case 'followUp':
      return line.followUp?.token ?? '';
    case 'description':
      return line.descriptionToken;
    case 'type':
      return line.typeToken;
    case 'actions':
      return line.actionsToken ?? '';
    case 'contactIds':
      return line.contactsToken;
    default:
      return '';
  }
}

function refuse(errors: FieldErrors, line: LogLineSpec): never {
  const [field = '', message = 'This cannot be logged.'] = Object.entries(errors)[0] ?? [];
  fail(tokenFor(field, line), message);
}

/** The typed dates as the form's pickers would hold them. */
function momentFields(line: LogLineSpec, request: LogLineRequest, now: Date, timeZone: string) {
  const read = (value: { text: string; token: string }, key: string) => {
    const moment = request.parseMoment(value.text, { now, timeZone });
    if (!moment)
      fail(value.token, `"${value.text}" is not a date and time I understand.`, `${key}:"yesterday 10:30"`);
    return moment;
  };
  const fields: Partial<LogFormFields> = {};
  if (line.at) {
    const at = read(line.at, 'at');
    if (!at.time) fail(line.at.token, 'at: needs a time as well as a day.', 'at:"yesterday 10:30"');
    fields.date = at.date;
    fields.time = at.time;
  }
  if (line.followUp) {
    const due = read(line.followUp, 'follow-up');
    fields.followUpDate = due.date;
    if (due.time) fields.followUpTime = due.time;
  }
  return fields;
}

/**
 * F1/F2 from one typed line: the contacts resolved by name (unknown or ambiguous → a message
 * naming it, nothing written), the dates read in the person's own zone, then the log form's own
 * rules and the same log use case as the form, keyed by the platform's message id.
 */
export async function logFromLine(
  tenant: Tenant,
  deps: QueryDeps,
  line: LogLineSpec,
  request: LogLineRequest,
): Promise<LogLineOutcome> {
  const { actor } = tenant;
  assertCanWrite(actor);
  const { clock, interactions } = deps.container;
  // The person's own clock: "yesterday 10:30" is their 10:30 (core/workspaces/personal-time).
  const { timeZone } = personalTime(tenant);
  const moments = momentFields(line, request, clock.now(), timeZone);
  const contacts = await resolveContacts(tenant, deps, line);
  const { input, errors } = logInputFromFields(
    {
      contactIds: contacts.map((contact) => contact.id),
      type: line.type,
      customTypeChosen: false,
      actions: line.actions,
      description: line.description,
      important: line.important,
      ...moments,
    },
    { idempotencyKey: request.idempotencyKey, timeZone },
  );
  if (Object.keys(errors).length > 0) refuse(errors, line);
  let result: LogInteractionResult;
  try {
    result = await interactions.logInteraction(actor, input);
  } catch (error) {
    if (error instanceof ValidationError && !(error instanceof CommandSyntaxError)) {
      refuse(error.fieldErrors, line);
    }
    throw error;
  }
  if (result.replayed) return { kind: 'replayed', result };
  // New actions joining the list reach every tenant cache through the core's change notices.
  return { kind: 'logged', result };
}
