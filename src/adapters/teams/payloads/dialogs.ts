import { z } from 'zod';
import { Dialog, FilterField, FOLLOW_UP_OF_KEY, RoleField, SettingsField } from '../ids.js';
import { invokeOf } from './envelope.js';
import { cardId, contactInputs, inputsOf, logInputs } from './fields.js';

/**
 * Dialogs (task modules): the data of the button that opened one (`task/fetch`) and of its
 * submit button with the inputs (`task/submit`), one shape per dialog, named by `dialog`
 * (a log dialog's buttons have always been allowed to leave it out).
 */
const settingsInputs = inputsOf(Object.values(SettingsField));
const roleInputs = inputsOf(Object.values(RoleField));
const filterInputs = inputsOf(Object.values(FilterField));

/** As many contacts as the core takes in one log. */
const contactIds = z.array(cardId).max(500);

const openData = z.discriminatedUnion('dialog', [
  z.object({
    dialog: z.literal(Dialog.log).optional(),
    contactIds: contactIds.optional(),
    contactNames: z.array(z.string().max(300)).max(500).optional(),
    contactId: cardId.optional(),
    [FOLLOW_UP_OF_KEY]: cardId.optional(),
  }),
  z.object({ dialog: z.literal(Dialog.edit), id: cardId }),
  z.object({ dialog: z.literal(Dialog.contactAdd) }),
  z.object({ dialog: z.literal(Dialog.settings) }),
  z.object({ dialog: z.literal(Dialog.roles) }),
  z.object({ dialog: z.literal(Dialog.filter) }),
]);

const submitData = z.discriminatedUnion('dialog', [
  logInputs.extend({
    dialog: z.literal(Dialog.log).optional(),
    key: cardId,
    src: z.string().max(2_000).optional(),
    [FOLLOW_UP_OF_KEY]: cardId.optional(),
  }),
  logInputs.extend({ dialog: z.literal(Dialog.edit), key: cardId, id: cardId }),
  contactInputs.extend({ dialog: z.literal(Dialog.contactAdd), key: cardId }),
  settingsInputs.extend({ dialog: z.literal(Dialog.settings) }),
  roleInputs.extend({ dialog: z.literal(Dialog.roles) }),
  filterInputs.extend({ dialog: z.literal(Dialog.filter) }),
]);

export const dialogOpenActivity = invokeOf('task/fetch', z.looseObject({ data: openData }));
export const dialogSubmitActivity = invokeOf('task/submit', z.looseObject({ data: submitData }));

export type DialogOpenData = z.output<typeof openData>;
export type DialogSubmitData = z.output<typeof submitData>;
