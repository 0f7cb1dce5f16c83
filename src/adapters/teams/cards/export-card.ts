import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { countPhrase } from '../../../core/views/count-phrase.js';
import type { FilterChip } from '../../../core/views/filter-summary.js';
import { userText } from '../limits.js';
import { adaptiveCard, openUrl, subtle, text } from './card-kit.js';

export interface ExportCardInput {
  rows: number;
  /** The count stopped: more than `rows` match. */
  moreRows: boolean;
  filename: string;
  chips: FilterChip[];
  requestedBy: string;
  url: string;
  expiresAt: string;
}

/**
 * F15 in Teams: a bot cannot drop a file into a channel without Graph/SharePoint rights, so the
 * CSV is a signed, expiring link served by this app (README: "Exports and reports in Teams").
 */
export function exportCard(input: ExportCardInput): IAdaptiveCard {
  const chips = input.chips.map((chip) => `${chip.label}: ${userText(chip.value, 120)}`).join(' · ');
  return adaptiveCard(
    [
      text(`📄 CSV export of ${countPhrase(input.rows, input.moreRows, 'interaction')}`, {
        size: 'Medium',
        weight: 'Bolder',
      }),
      subtle(`Asked for by ${userText(input.requestedBy, 80)} · ${userText(input.filename, 120)}`),
      text(chips ? `Filters: ${chips}` : 'No filters: every interaction of the workspace.'),
      subtle(`Anyone with this link can download the file until ${input.expiresAt}.`),
    ],
    [openUrl('Download CSV', input.url)],
  );
}
