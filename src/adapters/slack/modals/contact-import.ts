import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { UNDERSTOOD_COLUMNS } from '../../../core/contacts/contact-import.js';
import { assertCanWrite } from '../../../core/shared/actor.js';
import { context, section } from '../blocks/block-kit.js';
import { escapeAndTruncate } from '../blocks/limits.js';
import { CallbackId, ContactImportField } from '../ids.js';
import type { SlackDeps } from '../listeners/deps.js';
import type { Tenant } from '../middleware/tenant.js';
import { input, modal, noticeModal } from './modal-kit.js';

/**
 * `/interaction contact import` (F11): a modal with one CSV file input. Viewers are refused
 * before it opens; the core refuses them again when the rows are imported.
 */
export async function openContactImport(
  client: WebClient,
  triggerId: string,
  tenant: Tenant,
  _deps: SlackDeps,
): Promise<void> {
  assertCanWrite(tenant.actor);
  await client.views.open({ trigger_id: triggerId, view: contactImportView() });
}

export function contactImportView(): ModalView {
  return modal(
    CallbackId.contactImport,
    'Import contacts',
    [
      section(
        'Upload a CSV file whose first line names the columns. Each row adds a contact, or updates the one with the same external id (else the same email).',
      ),
      input(ContactImportField.file, 'CSV file', {
        type: 'file_input',
        action_id: ContactImportField.file.actionId,
        filetypes: ['csv'],
        max_files: 1,
      }),
      context([`Columns understood: ${UNDERSTOOD_COLUMNS}.`]),
    ],
    { submit: 'Import', close: 'Cancel' },
  );
}

/** What the modal shows once submitted: the import runs after the ack and reports by DM. */
export function importingView(fileName: string): ModalView {
  const name = escapeAndTruncate(fileName, 120).text;
  return noticeModal(
    CallbackId.contactImport,
    'Import contacts',
    `:hourglass_flowing_sand: Importing *${name}*… You can close this window: I will send you the result in a direct message.`,
  );
}
