import { LIMITS } from './blocks/limits.js';

/**
 * Every Slack id the app sends or listens for, in one place, so a renderer and its listener
 * can never disagree on a string. Ids are namespaced `il.` so they never clash with another
 * app's in a shared workspace payload log.
 */
export const SlashCommand = { interaction: '/interaction' } as const;

export const CallbackId = {
  logForm: 'il.log',
  editForm: 'il.edit',
  deleteConfirm: 'il.delete',
  contactForm: 'il.contact',
  contactImport: 'il.contact.import',
  filterForm: 'il.filter',
  settingsForm: 'il.settings',
  /** Global shortcut: open the log form from anywhere. */
  logShortcut: 'il.shortcut.log',
  /** Message shortcut (F6): log a chat message as an interaction. */
  logMessageShortcut: 'il.shortcut.log_message',
} as const;

/** An input's block_id and action_id: state.values[blockId][actionId] holds its value. */
export interface FieldIds {
  readonly blockId: string;
  readonly actionId: string;
}

function field(form: string, name: string): FieldIds {
  return { blockId: `il.${form}.${name}`, actionId: `il.${form}.${name}.input` };
}

/** Shared by the log and edit forms, so one state parser reads both. */
export const InteractionFormField = {
  contacts: field('interaction', 'contacts'),
  type: field('interaction', 'type'),
  customType: field('interaction', 'custom_type'),
  actions: field('interaction', 'actions'),
  newActions: field('interaction', 'new_actions'),
  description: field('interaction', 'description'),
  date: field('interaction', 'date'),
  time: field('interaction', 'time'),
  followUpDate: field('interaction', 'follow_up_date'),
  followUpTime: field('interaction', 'follow_up_time'),
  followUpAssignee: field('interaction', 'follow_up_assignee'),
  important: field('interaction', 'important'),
  visitAddress: field('interaction', 'visit_address'),
  direction: field('interaction', 'direction'),
  channel: field('interaction', 'channel'),
  attachments: field('interaction', 'attachments'),
} as const satisfies Record<string, FieldIds>;

export const ContactFormField = {
  firstName: field('contact', 'first_name'),
  lastName: field('contact', 'last_name'),
  emails: field('contact', 'emails'),
  phones: field('contact', 'phones'),
  street: field('contact', 'street'),
  city: field('contact', 'city'),
  postalCode: field('contact', 'postal_code'),
  country: field('contact', 'country'),
  organisation: field('contact', 'organisation'),
  tags: field('contact', 'tags'),
  externalId: field('contact', 'external_id'),
} as const satisfies Record<string, FieldIds>;

export const ContactImportField = {
  file: field('import', 'file'),
} as const satisfies Record<string, FieldIds>;

export const FilterFormField = {
  from: field('filter', 'from'),
  to: field('filter', 'to'),
  types: field('filter', 'types'),
  actions: field('filter', 'actions'),
  authors: field('filter', 'authors'),
  contactText: field('filter', 'contact_text'),
  addressText: field('filter', 'address_text'),
  organisation: field('filter', 'organisation'),
  /** Checkboxes: important only / with files. */
  flags: field('filter', 'flags'),
  followUp: field('filter', 'follow_up'),
  text: field('filter', 'text'),
  sort: field('filter', 'sort'),
} as const satisfies Record<string, FieldIds>;

/** The filter form's flag checkboxes: their option values. */
export const FLAG_IMPORTANT = 'important';
export const FLAG_FILES = 'files';

export const SettingsFormField = {
  timezone: field('settings', 'timezone'),
  dateFormat: field('settings', 'date_format'),
  interactionTypes: field('settings', 'interaction_types'),
  actions: field('settings', 'actions'),
  reportEnabled: field('settings', 'report_enabled'),
  reportChannel: field('settings', 'report_channel'),
  reportWeekday: field('settings', 'report_weekday'),
  reportTime: field('settings', 'report_time'),
  defaultRole: field('settings', 'default_role'),
  /** One role change per save: the person, then the role they get. */
  roleUser: field('settings', 'role_user'),
  role: field('settings', 'role'),
} as const satisfies Record<string, FieldIds>;

/** Buttons and menus in messages and the Home tab. */
export const ActionId = {
  timelineLog: 'il.timeline.log',
  timelineExport: 'il.timeline.export',
  timelineOlder: 'il.timeline.older',
  timelineNewer: 'il.timeline.newer',
  listExport: 'il.list.export',
  listOlder: 'il.list.older',
  listNewer: 'il.list.newer',
  listRefine: 'il.list.refine',
  /** Opens the log form with no contact preselected (home, list, help). */
  logInteraction: 'il.log.open',
  /** Opens the filter form (home "Search interactions"). */
  homeSearch: 'il.home.search',
  followUpSnooze1h: 'il.followup.snooze_1h',
  followUpSnoozeTomorrow: 'il.followup.snooze_tomorrow',
  followUpSnoozeNextWeek: 'il.followup.snooze_next_week',
  followUpCalendar: 'il.followup.calendar',
} as const;

/**
 * Per-item elements get `${prefix}:${itemId}` action ids so every action_id in a message is
 * unique; listeners match the prefix (ActionIdPattern) and read the item from the validated value.
 */
export const ItemActionPrefix = {
  itemMenu: 'il.item.menu',
  itemShowMore: 'il.item.more',
  followUpDone: 'il.followup.done',
  followUpSnoozeSelect: 'il.followup.snooze',
  followUpOpenTimeline: 'il.followup.timeline',
  /** "Log the follow-up", on the reminder DM, the App Home and the follow-ups list alike. */
  followUpLog: 'il.followup.log',
} as const;
export type ItemActionPrefix = (typeof ItemActionPrefix)[keyof typeof ItemActionPrefix];

export function itemActionId(prefix: ItemActionPrefix, itemId: string): string {
  return fitId(`${prefix}:${itemId}`, LIMITS.actionId);
}

function prefixPattern(prefix: string): RegExp {
  return new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:`);
}

/** For `app.action(ActionIdPattern.itemMenu, …)`. */
export const ActionIdPattern = {
  itemMenu: prefixPattern(ItemActionPrefix.itemMenu),
  itemShowMore: prefixPattern(ItemActionPrefix.itemShowMore),
  followUpDone: prefixPattern(ItemActionPrefix.followUpDone),
  followUpSnoozeSelect: prefixPattern(ItemActionPrefix.followUpSnoozeSelect),
  followUpOpenTimeline: prefixPattern(ItemActionPrefix.followUpOpenTimeline),
  // Also the bare id, which reminder DMs sent before the per-item id still carry.
  followUpLog: /^il\.followup\.log(?::|$)/,
} as const satisfies Record<keyof typeof ItemActionPrefix, RegExp>;

export const BlockId = {
  timelineActions: 'il.timeline.actions',
  listActions: 'il.list.actions',
  homeActions: 'il.home.actions',
  followUpActions: 'il.followup.actions',
  helpActions: 'il.help.actions',
  /** Per-item blocks: unique per message because an interaction appears once per message. */
  item: (interactionId: string) => fitId(`il.item:${interactionId}`, LIMITS.blockId),
  itemMeta: (interactionId: string) => fitId(`il.item.meta:${interactionId}`, LIMITS.blockId),
  itemMore: (interactionId: string) => fitId(`il.item.more:${interactionId}`, LIMITS.blockId),
  homeFollowUp: (interactionId: string) => fitId(`il.home.followup:${interactionId}`, LIMITS.blockId),
  homeFollowUpActions: (interactionId: string) =>
    fitId(`il.home.followup.actions:${interactionId}`, LIMITS.blockId),
} as const;

/** Truncating would make two items share an id and route clicks wrongly, so refuse instead. */
function fitId(id: string, max: number): string {
  if (id.length > max) throw new RangeError(`Slack id longer than ${max} characters: ${id.slice(0, 40)}…`);
  return id;
}

// ---- Contacts, settings and App Home (F11, F12, F16) ----

export const ContactCallbackId = {
  /** Home "Search": a contact search modal whose submission shows the results in place. */
  search: 'il.contact.search',
  /** Merge a duplicate into the contact picked in this modal. */
  merge: 'il.contact.merge_form',
} as const;

export const ContactSearchField = {
  text: field('contact_search', 'text'),
} as const satisfies Record<string, FieldIds>;

export const ContactMergeField = {
  target: field('contact_merge', 'target'),
} as const satisfies Record<string, FieldIds>;

/** Buttons on a contact (find results, the "contact saved" confirmation, the home search results). */
export const ContactActionId = {
  log: 'il.contact.log',
  timeline: 'il.contact.timeline',
  edit: 'il.contact.edit',
  merge: 'il.contact.merge',
} as const;

export const ContactBlockId = {
  /** One actions block per contact, so the same action ids repeat safely in one message. */
  result: (contactId: string) => fitId(`il.contact.result:${contactId}`, LIMITS.blockId),
} as const;

/** Home follow-up rows (BlockId.homeFollowUpActions): the reminder DM's listeners stay out of them. */
export const HomeBlockIdPattern = {
  followUpActions: prefixPattern('il.home.followup.actions'),
} as const;

// ---- Log, edit and delete forms (F1–F7) ----

/**
 * The type select's "Other…" option: reveals the custom type field. Namespaced so it cannot be
 * mistaken for a real type name.
 */
export const OTHER_TYPE_VALUE = 'il.type.other';

/**
 * The one option a search answers with when its request could not be read, carrying that
 * sentence. Slack has no disabled option, so picking it must mean nothing: readers drop it.
 */
export const UNREADABLE_OPTION_VALUE = 'il.unreadable';

/** The "logged" confirmation's per-contact timeline buttons: `${prefix}:${contactId}`. */
export const LoggedActionPrefix = { openTimeline: 'il.logged.timeline' } as const;

export function loggedActionId(
  prefix: (typeof LoggedActionPrefix)[keyof typeof LoggedActionPrefix],
  id: string,
) {
  return fitId(`${prefix}:${id}`, LIMITS.actionId);
}

export const LoggedActionPattern = {
  openTimeline: prefixPattern(LoggedActionPrefix.openTimeline),
} as const;

export const LoggedBlockId = {
  summary: 'il.logged.summary',
  timelines: 'il.logged.timelines',
} as const;

// ---- /interaction results: command replies, pickers, exports, follow-up list (results feature) ----

export const ResultActionId = {
  /** A match in the "several contacts match" picker: opens that timeline in place. */
  timelinePick: 'il.timeline.pick',
  /** "Send it to me as a DM" when the bot cannot post the CSV in the channel. */
  exportToDm: 'il.export.dm',
} as const;

export const ResultBlockId = {
  exportOffer: 'il.export.offer',
  /** `/interaction followups`: each follow-up's text and its Done / Snooze / Open timeline row. */
  followUpListItem: (interactionId: string) => fitId(`il.followups.item:${interactionId}`, LIMITS.blockId),
  followUpListActions: (interactionId: string) =>
    fitId(`il.followups.actions:${interactionId}`, LIMITS.blockId),
} as const;

/** The follow-up list reuses the follow-up action ids; its own block ids tell its clicks apart. */
export const ResultBlockIdPattern = {
  followUpListActions: prefixPattern('il.followups.actions'),
} as const;
