import {
  CHANNELS,
  type Channel,
  DIRECTIONS,
  type Direction,
} from '../../../core/interactions/interaction.js';
import { InteractionFormField as F, type FieldIds, UNREADABLE_OPTION_VALUE } from '../ids.js';
import { attachedFile } from '../payloads/views.js';
import { type StateValues, stateOf } from './form-state.js';

/** A contact as the contacts select shows it: the option's label and its value (the id). */
export interface ContactChoice {
  id: string;
  label: string;
}

/** A file picked in the form, as Slack reports it (only the fields we keep). */
export interface PickedFile {
  id: string;
  name: string;
  mimeType: string;
  size: number;
  url: string;
}

/**
 * The form's raw values, as shown (initial values) or as submitted (view state): strings as the
 * widgets hold them. The same shape feeds the renderer and the submission parser, so a type
 * change re-renders the form with exactly what the user had entered.
 */
export interface FormValues {
  contacts: ContactChoice[];
  /** The selected option: a workspace type or OTHER_TYPE_VALUE. */
  type?: string;
  customType?: string;
  actions: string[];
  newActions?: string;
  description?: string;
  /** YYYY-MM-DD and HH:mm, in the workspace timezone. */
  date?: string;
  time?: string;
  followUpDate?: string;
  followUpTime?: string;
  assigneeId?: string;
  important: boolean;
  visitAddress?: string;
  direction?: Direction;
  channel?: Channel;
  files: PickedFile[];
}

export const IMPORTANT_VALUE = 'important';

function typedText(values: StateValues, field: FieldIds): string | undefined {
  const value = stateOf(values, field)?.value;
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function oneOf<T extends string>(list: readonly T[], value: string | undefined): T | undefined {
  return list.find((entry) => entry === value);
}

function files(values: StateValues): PickedFile[] {
  const raw = stateOf(values, F.attachments)?.files ?? [];
  return raw.flatMap((file): PickedFile[] => {
    const parsed = attachedFile.safeParse(file);
    if (!parsed.success) return [];
    const f = parsed.data;
    return [
      {
        id: f.id,
        name: f.name || f.title || f.id,
        mimeType: f.mimetype || 'application/octet-stream',
        size: f.size ?? 0,
        url: f.url_private || f.permalink || '',
      },
    ];
  });
}

/** Reads the form's state; fields that are not in this form (or empty) are simply absent. */
export function readFormValues(values: StateValues): FormValues {
  // The "could not be read" option a failed search showed is not a contact: picking it picks none.
  const contacts = (stateOf(values, F.contacts)?.selected_options ?? [])
    .filter((option) => option.value !== UNREADABLE_OPTION_VALUE)
    .map((option) => ({ id: option.value, label: option.text.text }));
  const form: FormValues = {
    contacts,
    actions: (stateOf(values, F.actions)?.selected_options ?? []).map((option) => option.value),
    important: (stateOf(values, F.important)?.selected_options ?? []).some(
      (option) => option.value === IMPORTANT_VALUE,
    ),
    files: files(values),
  };
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K] | undefined | null) => {
    if (value !== undefined && value !== null) form[key] = value;
  };
  set('type', stateOf(values, F.type)?.selected_option?.value);
  set('customType', typedText(values, F.customType));
  set('newActions', typedText(values, F.newActions));
  set('description', typedText(values, F.description));
  set('date', stateOf(values, F.date)?.selected_date);
  set('time', stateOf(values, F.time)?.selected_time);
  set('followUpDate', stateOf(values, F.followUpDate)?.selected_date);
  set('followUpTime', stateOf(values, F.followUpTime)?.selected_time);
  set('assigneeId', stateOf(values, F.followUpAssignee)?.selected_user);
  set('visitAddress', typedText(values, F.visitAddress));
  set('direction', oneOf(DIRECTIONS, stateOf(values, F.direction)?.selected_option?.value));
  set('channel', oneOf(CHANNELS, stateOf(values, F.channel)?.selected_option?.value));
  return form;
}
