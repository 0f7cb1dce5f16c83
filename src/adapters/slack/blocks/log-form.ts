import type { ModalView } from '@slack/types';
import { pickerValues } from '../../../core/forms/log-form-rules.js';
import { personalTime } from '../../../core/workspaces/personal-time.js';
import type { Tenant } from '../../../core/workspaces/tenant.js';
import type { FormMetadata } from '../payloads/form-metadata.js';
import type { ContactChoice } from '../payloads/interaction-form-state.js';
import { interactionFormView } from './interaction-form-blocks.js';
import { LIMITS, truncateText } from './limits.js';

/** What a caller may prefill in the log form (F1–F6). */
export interface LogFormPrefill {
  contactIds?: string[];
  /** Contacts with their labels already known: spares the lookup before views.open. */
  contacts?: ContactChoice[];
  description?: string;
  /** Permalink of the chat message being logged (F6). */
  sourceLink?: string;
  type?: string;
  /** Where the form was opened from: the confirmation goes there (ephemeral), else to a DM. */
  channelId?: string;
  /** F6: the message being logged; without sourceLink, its permalink is fetched at submission. */
  message?: { channelId: string; ts: string };
  /** Shown above the fields, already escaped: e.g. which typed names the picker must settle. */
  notice?: string;
  /** F13 "Log the follow-up": the interaction whose follow-up the log closes. */
  closesFollowUpOf?: string;
  /** The reminder DM it was opened from (in `channelId`), updated once the follow-up is logged. */
  reminderTs?: string;
}

/** The log form as it first opens: now, in the person's own zone; the author as assignee. */
export function logFormView(
  tenant: Tenant,
  now: Date,
  prefill: LogFormPrefill,
  contacts: ContactChoice[],
): ModalView {
  const { settings } = tenant.workspace;
  const description = prefill.description ?? '';
  // A Slack input holds 3,000 characters; longer message text is cut, with a note and the link kept.
  const cut = description.length > LIMITS.plainTextInputLength;
  const metadata: FormMetadata = { m: 'log' };
  if (prefill.channelId) metadata.ch = prefill.channelId;
  if (prefill.message || prefill.sourceLink) {
    metadata.msg = {
      ...(prefill.message ? { ch: prefill.message.channelId, ts: prefill.message.ts } : {}),
      ...(prefill.sourceLink ? { link: prefill.sourceLink } : {}),
    };
  }
  if (cut) metadata.cut = true;
  if (prefill.closesFollowUpOf) metadata.fu = prefill.closesFollowUpOf;
  if (prefill.reminderTs && prefill.channelId) metadata.fts = prefill.reminderTs;
  const time = personalTime(tenant);
  const when = pickerValues(now, time.timeZone);
  return interactionFormView({
    mode: 'log',
    settings,
    time,
    metadata,
    ...(prefill.notice ? { notice: prefill.notice } : {}),
    values: {
      contacts,
      ...(prefill.type ? { type: prefill.type } : {}),
      actions: [],
      ...(description ? { description: truncateText(description, LIMITS.plainTextInputLength) } : {}),
      date: when.date,
      time: when.time,
      assigneeId: tenant.actor.userId,
      important: false,
      files: [],
    },
  });
}
