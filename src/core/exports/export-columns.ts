import { followUpFireAt, type Interaction } from '../interactions/interaction.js';
import type { DateFormatter } from './date-format.js';

/** What an export row knows about its contact (loaded in batches, cached in a bounded map). */
export interface ContactInfo {
  name: string;
  email: string;
  phone: string;
  organisationId?: string;
}

export interface ExportRowContext {
  interaction: Interaction;
  /** null when the contact no longer exists: the row falls back to the denormalised name. */
  contact: ContactInfo | null;
  organisationName: string;
  formatDate: DateFormatter;
  now: Date;
}

export interface ExportColumn {
  header: string;
  value(row: ExportRowContext): string;
}

function followUpStatus({ interaction, now }: ExportRowContext): string {
  const followUp = interaction.followUp;
  if (!followUp) return '';
  if (followUp.status === 'done') return 'Done';
  if (followUp.status === 'cancelled') return 'Cancelled';
  return followUpFireAt(followUp).getTime() < now.getTime() ? 'Overdue' : 'Open';
}

/**
 * The whitelist: only these fields leave the system, in this order. The first seven are the
 * columns users of the original CRMs expect (F15); the rest complete the picture.
 */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: 'Created', value: (row) => row.formatDate(row.interaction.createdAt) },
  { header: 'Contact name', value: (row) => row.contact?.name || row.interaction.contactName },
  { header: 'Contact email', value: (row) => row.contact?.email ?? '' },
  { header: 'Contact phone', value: (row) => row.contact?.phone ?? '' },
  { header: 'Type', value: (row) => row.interaction.type },
  { header: 'Actions performed', value: (row) => row.interaction.actions.join(', ') },
  { header: 'Description', value: (row) => row.interaction.description },
  { header: 'Occurred', value: (row) => row.formatDate(row.interaction.occurredAt) },
  { header: 'Author', value: (row) => row.interaction.authorName },
  { header: 'Importance', value: (row) => (row.interaction.important ? 'High' : 'Normal') },
  {
    header: 'Follow-up due',
    value: (row) =>
      row.interaction.followUp ? row.formatDate(followUpFireAt(row.interaction.followUp)) : '',
  },
  { header: 'Follow-up status', value: followUpStatus },
  { header: 'Organisation', value: (row) => row.organisationName },
  { header: 'Address', value: (row) => row.interaction.visitAddress ?? '' },
];

export const EXPORT_HEADER: readonly string[] = EXPORT_COLUMNS.map((column) => column.header);

/**
 * Spreadsheet formula injection: a cell starting with = + - @ (or a tab / carriage return,
 * which some spreadsheets strip before evaluating) is shown as text by a leading quote.
 * Checked on the first character's code, in a switch: this runs for every cell of every row.
 */
export function neutraliseFormula(cell: string): string {
  switch (cell.charCodeAt(0)) {
    case 0x3d: // =
    case 0x2b: // +
    case 0x2d: // -
    case 0x40: // @
    case 0x09: // tab
    case 0x0d: // carriage return
      return `'${cell}`;
    default:
      return cell; // including '' (charCodeAt gives NaN)
  }
}

export function buildRow(context: ExportRowContext): string[] {
  const row = new Array<string>(EXPORT_COLUMNS.length);
  for (let index = 0; index < EXPORT_COLUMNS.length; index++) {
    row[index] = neutraliseFormula(EXPORT_COLUMNS[index]!.value(context));
  }
  return row;
}
