import type { ModalView } from '@slack/types';
import { UNDERSTOOD_COLUMNS } from '../../../core/contacts/contact-import.js';
import { CallbackId, ContactImportField } from '../ids.js';
import { context, section } from './block-kit.js';
import { escapeAndTruncate } from './limits.js';
import { input, modal, noticeModal } from './modal-kit.js';

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
