/**
 * Every id the Teams surface puts in a card or a manifest, in one module: Action.Execute verbs,
 * dialog names, input ids, message-extension command ids. Renderers and listeners both import
 * from here, so a renamed verb cannot leave a button that nothing answers.
 */

/** `Action.Execute` verbs (`adaptiveCard/action` invokes); the card is refreshed in place. */
export const Verb = {
  timelinePage: 'timeline.page',
  timelineOpen: 'timeline.open',
  listPage: 'list.page',
  itemDelete: 'item.delete',
  itemDeleteConfirm: 'item.delete.confirm',
  itemDeleteCancel: 'item.delete.cancel',
  followUpDone: 'followup.done',
  followUpSnooze: 'followup.snooze',
  exportList: 'list.export',
  /** The log form inline in the conversation, for clients that cannot open dialogs. */
  logHere: 'log.here',
  logHereSubmit: 'log.here.submit',
  /** The contact form inline, likewise: the Playground could otherwise add no contact at all. */
  contactHere: 'contact.here',
  contactHereSubmit: 'contact.here.submit',
} as const;
export type VerbName = (typeof Verb)[keyof typeof Verb];

/** Dialogs (task modules) opened by `task/fetch`, named in the button's data. */
export const Dialog = {
  log: 'log',
  edit: 'edit',
  contactAdd: 'contact.add',
  settings: 'settings',
  roles: 'roles',
  filter: 'filter',
} as const;
export type DialogName = (typeof Dialog)[keyof typeof Dialog];

/** The data key that names which dialog a `task/fetch` or `task/submit` belongs to. */
export const DIALOG_KEY = 'dialog';

/**
 * In a log dialog's data (the reminder's button, then the dialog's submit): the interaction
 * whose follow-up the log closes. Reminder cards already sent carry this very key.
 */
export const FOLLOW_UP_OF_KEY = 'followUpOf';

/** Type-ahead datasets (`Data.Query` → `application/search`). */
export const Dataset = {
  contacts: 'contacts',
  members: 'members',
  /** Everyone in the workspace, whatever their role: the roles dialog's person picker. */
  people: 'people',
} as const;

/** Input ids of the log and edit dialogs (the keys of `task/submit` data). */
export const LogField = {
  contacts: 'contacts',
  type: 'type',
  customType: 'customType',
  actions: 'actions',
  newActions: 'newActions',
  description: 'description',
  date: 'date',
  time: 'time',
  followUpDate: 'followUpDate',
  followUpTime: 'followUpTime',
  assignee: 'assignee',
  important: 'important',
  visitAddress: 'visitAddress',
} as const;

/** Input ids of the contact dialog. */
export const ContactField = {
  firstName: 'firstName',
  lastName: 'lastName',
  email: 'email',
  phone: 'phone',
  organisation: 'organisation',
} as const;

/** Input ids of the F10 filter dialog (a bare `list`). */
export const FilterField = {
  from: 'filterFrom',
  to: 'filterTo',
  types: 'filterTypes',
  contact: 'filterContact',
  address: 'filterAddress',
  text: 'filterText',
} as const;

/** Input ids of the settings dialog. */
export const SettingsField = {
  timezone: 'timezone',
  dateFormat: 'dateFormat',
  interactionTypes: 'interactionTypes',
  actions: 'actionTags',
  reportEnabled: 'reportEnabled',
  reportWeekday: 'reportWeekday',
  reportTime: 'reportTime',
  reportHere: 'reportHere',
  defaultRole: 'defaultRole',
} as const;

/** Input ids of the people and roles dialog. */
export const RoleField = {
  person: 'rolePerson',
  role: 'newRole',
} as const;

/** The choice that lets the user type a type the workspace does not list yet. */
export const CUSTOM_TYPE_CHOICE = 'il.type.other';

/** Message-extension command ids; the manifest (manifests/teams/manifest.json) declares the same. */
export const MessageExtensionCommand = {
  findContact: 'findContact',
  logInteraction: 'logInteraction',
} as const;

/** Bot commands the manifest lists; each is a subcommand of the shared grammar. */
export const BOT_COMMANDS = [
  'help',
  'log',
  'timeline',
  'list',
  'export',
  'report',
  'followups',
  'contact',
  'settings',
] as const;
