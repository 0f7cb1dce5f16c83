import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { ACTION_MAX, TYPE_MAX, VISIT_ADDRESS_MAX } from '../../../core/interactions/interaction.schemas.js';
import type { TimeOptions } from '../../../core/workspaces/personal-time.js';
import type { WorkspaceSettings } from '../../../core/workspaces/workspace.js';
import { CallbackId, InteractionFormField as F, OTHER_TYPE_VALUE } from '../ids.js';
import { encodeFormMetadata, type FormMetadata } from '../payloads/form-metadata.js';
import { type FormValues, IMPORTANT_VALUE } from '../payloads/interaction-form-state.js';
import { option, plain, section } from './block-kit.js';
import { choices, dateTimeInputs, input, selectInput, textInput } from './form-elements.js';
import { escapeMrkdwn, LIMITS } from './limits.js';

export interface FormSpec {
  mode: 'log' | 'edit';
  settings: Pick<WorkspaceSettings, 'interactionTypes' | 'actions'>;
  /** The zone typed times are read in: the person's own, labelled only when it is not. */
  time: TimeOptions;
  /** What the widgets start with: defaults, a prefill, the record being edited, or the current state. */
  values: FormValues;
  metadata: FormMetadata;
  /** Shown above the fields: why a form came back after its submission could not be saved. */
  notice?: string;
}

const CHANNEL_LABELS = {
  call: 'Call',
  email: 'Email',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  in_person: 'In person',
  video: 'Video call',
  letter: 'Letter',
  other: 'Other',
} as const;
const DIRECTION_LABELS = {
  inbound: 'Inbound (they reached out)',
  outbound: 'Outbound (we reached out)',
} as const;

/** The type the form currently means: the picked one, or the custom one typed after "Other…". */
export function chosenType(values: FormValues): string | undefined {
  return values.type === OTHER_TYPE_VALUE ? values.customType?.trim() : values.type;
}

/** F3: only a Visit has an address, so the field appears once Visit is chosen. */
export function showsVisitAddress(values: FormValues): boolean {
  return chosenType(values)?.toLowerCase() === 'visit';
}

function contactsBlock(values: FormValues): InputBlock {
  const initial = values.contacts.map((contact) => option(contact.label, contact.id));
  return input(
    F.contacts,
    'Contacts',
    {
      type: 'multi_external_select',
      action_id: F.contacts.actionId,
      min_query_length: 1,
      placeholder: plain('Type a name, email or phone'),
      ...(initial.length > 0 ? { initial_options: initial } : {}),
    },
    { hint: plain('Pick one contact, or many for a group event: each contact gets its own record.') },
  );
}

function typeBlock(spec: FormSpec): InputBlock {
  const selected = spec.values.type && spec.values.type !== OTHER_TYPE_VALUE ? [spec.values.type] : [];
  const types = choices(spec.settings.interactionTypes, selected, LIMITS.selectOptions - 1);
  const options: PlainTextOption[] = [
    ...types.map((type) => option(type, type)),
    option('Other…', OTHER_TYPE_VALUE),
  ];
  const initial = options.find((entry) => entry.value === spec.values.type);
  return input(
    F.type,
    'Type',
    {
      type: 'static_select',
      action_id: F.type.actionId,
      placeholder: plain('Call, visit, meeting…'),
      options,
      ...(initial ? { initial_option: initial } : {}),
    },
    // Choosing Visit (or Other…) reveals a field, so the choice is sent to us right away.
    { dispatch_action: true },
  );
}

function actionsBlocks(spec: FormSpec): InputBlock[] {
  const blocks: InputBlock[] = [];
  const actions = choices(spec.settings.actions, spec.values.actions, LIMITS.selectOptions);
  if (actions.length > 0) {
    const options = actions.map((action) => option(action, action));
    const initial = options.filter((entry) => spec.values.actions.includes(entry.value ?? ''));
    blocks.push(
      input(
        F.actions,
        'Actions performed',
        {
          type: 'multi_static_select',
          action_id: F.actions.actionId,
          placeholder: plain('Choose from the list'),
          options,
          ...(initial.length > 0 ? { initial_options: initial } : {}),
        },
        { optional: true },
      ),
    );
  }
  blocks.push(
    textInput(F.newActions, 'New tags', {
      ...(spec.values.newActions ? { initial: spec.values.newActions } : {}),
      max: 25 * (ACTION_MAX + 2),
      placeholder: 'New tags, comma-separated',
      hint: 'Tags not in the list yet; they join the list for everyone.',
    }),
  );
  return blocks;
}

function formBlocks(spec: FormSpec): KnownBlock[] {
  const { values, metadata } = spec;
  const blocks: KnownBlock[] = spec.notice ? [section(spec.notice)] : [];
  // From the metadata, so the line stays when the form is re-rendered (type change, errors).
  if (spec.mode === 'log' && metadata.fu) {
    blocks.push(section(':white_check_mark: Logging this marks the follow-up as done.'));
  }
  if (spec.mode === 'log') blocks.push(contactsBlock(values));
  else if (metadata.cn) blocks.push(section(`*Contact:* ${escapeMrkdwn(metadata.cn)}`));
  blocks.push(typeBlock(spec));
  if (values.type === OTHER_TYPE_VALUE) {
    blocks.push(
      textInput(F.customType, 'New type', {
        ...(values.customType ? { initial: values.customType } : {}),
        max: TYPE_MAX,
        optional: false,
        hint: 'It joins the list of types for everyone.',
      }),
    );
  }
  if (showsVisitAddress(values)) {
    blocks.push(
      textInput(F.visitAddress, 'Visit address', {
        ...(values.visitAddress ? { initial: values.visitAddress } : {}),
        max: VISIT_ADDRESS_MAX,
        multiline: true,
      }),
    );
  }
  blocks.push(...actionsBlocks(spec));
  const cutHint =
    'The message was too long for this field, so it was shortened; the link to the message is kept.';
  if (metadata.ld) {
    blocks.push(
      section(
        '_The description is longer than this form can hold, so it stays as it is. Use "Show more" to read it._',
      ),
    );
  } else {
    blocks.push(
      textInput(F.description, 'Description', {
        ...(values.description ? { initial: values.description } : {}),
        max: LIMITS.plainTextInputLength,
        multiline: true,
        ...(metadata.cut ? { hint: cutHint } : {}),
      }),
    );
  }
  blocks.push(
    ...dateTimeInputs(F, ['Date', 'Time'], spec.time, {
      ...(values.date ? { date: values.date } : {}),
      ...(values.time ? { time: values.time } : {}),
      optional: false,
    }),
  );
  const important = option('High importance', IMPORTANT_VALUE);
  blocks.push(
    input(
      F.important,
      'Importance',
      {
        type: 'checkboxes',
        action_id: F.important.actionId,
        options: [important],
        ...(values.important ? { initial_options: [important] } : {}),
      },
      { optional: true },
    ),
  );
  blocks.push(selectInput(F.direction, 'Direction', DIRECTION_LABELS, values.direction));
  blocks.push(selectInput(F.channel, 'Channel', CHANNEL_LABELS, values.channel));
  blocks.push(
    ...dateTimeInputs(
      { date: F.followUpDate, time: F.followUpTime },
      ['Follow-up date', 'Follow-up time'],
      spec.time,
      {
        ...(values.followUpDate ? { date: values.followUpDate } : {}),
        ...(values.followUpTime ? { time: values.followUpTime } : {}),
        optional: true,
      },
    ),
  );
  blocks.push(
    input(
      F.followUpAssignee,
      'Follow-up assignee',
      {
        type: 'users_select',
        action_id: F.followUpAssignee.actionId,
        ...(values.assigneeId ? { initial_user: values.assigneeId } : {}),
      },
      { optional: true, hint: plain('Who gets the reminder. Only used when a follow-up date is set.') },
    ),
  );
  if (spec.mode === 'log') {
    blocks.push(
      input(
        F.attachments,
        'Attachments',
        { type: 'file_input', action_id: F.attachments.actionId, max_files: LIMITS.fileInputMaxFiles },
        { optional: true },
      ),
    );
  }
  return blocks;
}

/** F1–F7: the log form (one or many contacts) and the edit form share one layout and one set of ids. */
export function interactionFormView(spec: FormSpec): ModalView {
  const log = spec.mode === 'log';
  return {
    type: 'modal',
    callback_id: log ? CallbackId.logForm : CallbackId.editForm,
    title: plain(log ? 'Log an interaction' : 'Edit interaction', LIMITS.modalTitle),
    submit: plain(log ? 'Log' : 'Save', LIMITS.modalButton),
    close: plain('Cancel', LIMITS.modalButton),
    private_metadata: encodeFormMetadata(spec.metadata),
    blocks: formBlocks(spec),
  };
}
