import type { ModalView } from '@slack/types';
import { pickerValues } from '../../../core/forms/log-form-rules.js';
import type { Interaction } from '../../../core/interactions/interaction.js';
import { personalTime } from '../../../core/workspaces/personal-time.js';
import type { Tenant } from '../../../core/workspaces/tenant.js';
import type { FormMetadata } from '../payloads/form-metadata.js';
import { interactionFormView } from './interaction-form-blocks.js';
import { LIMITS, truncateText } from './limits.js';

/** F7: the edit form, prefilled with the record as it is now. The contact cannot change here. */
export function editFormView(tenant: Tenant, interaction: Interaction, channelId?: string): ModalView {
  const { settings } = tenant.workspace;
  const time = personalTime(tenant);
  const when = pickerValues(interaction.occurredAt, time.timeZone);
  // A cancelled follow-up asks nothing of anyone any more: shown as none.
  const followUp = interaction.followUp?.status === 'cancelled' ? undefined : interaction.followUp;
  const due = followUp ? pickerValues(followUp.dueAt, time.timeZone) : undefined;
  const longDescription = interaction.description.length > LIMITS.plainTextInputLength;
  const metadata: FormMetadata = {
    m: 'edit',
    i: interaction.id,
    cn: truncateText(interaction.contactName, 200),
    at: interaction.occurredAt.toISOString(),
    ...(followUp ? { due: followUp.dueAt.toISOString() } : {}),
    ...(longDescription ? { ld: true as const } : {}),
    ...(channelId ? { ch: channelId } : {}),
  };
  return interactionFormView({
    mode: 'edit',
    settings,
    time,
    metadata,
    values: {
      contacts: [],
      type: interaction.type,
      actions: [...interaction.actions],
      ...(longDescription ? {} : { description: interaction.description }),
      date: when.date,
      time: when.time,
      ...(due ? { followUpDate: due.date, followUpTime: due.time } : {}),
      // As when logging: by default the follow-up is the author's, whoever edits.
      assigneeId: followUp?.assigneeId ?? interaction.authorId,
      important: interaction.important,
      ...(interaction.visitAddress ? { visitAddress: interaction.visitAddress } : {}),
      ...(interaction.direction ? { direction: interaction.direction } : {}),
      ...(interaction.channel ? { channel: interaction.channel } : {}),
      files: [],
    },
  });
}
