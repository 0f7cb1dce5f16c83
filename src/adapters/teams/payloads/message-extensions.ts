import { z } from 'zod';
import { Dialog } from '../ids.js';
import { invokeOf } from './envelope.js';
import { cardId, logInputs } from './fields.js';

/**
 * Message extensions: the "Find a contact" search (`composeExtension/query`), and "Log as
 * interaction" on a message — the dialog it opens (`composeExtension/fetchTask`) and that
 * dialog's submit (`composeExtension/submitAction`).
 */
const commandId = z.string().min(1).max(200);

const parameter = z.looseObject({ name: z.string().max(200), value: z.unknown() });

const queryValue = z.looseObject({
  commandId,
  parameters: z
    .array(parameter)
    .max(20)
    .refine((parameters) => parameters.every((p) => p.name !== 'query' || typeof p.value === 'string'), {
      message: 'The query is text',
    }),
  queryOptions: z
    .looseObject({
      count: z.number().int().min(0).optional(),
      skip: z.number().int().min(0).optional(),
    })
    .optional(),
});

const openValue = z.looseObject({
  commandId,
  commandContext: z.string().max(100).optional(),
  messagePayload: z
    .looseObject({
      body: z
        .looseObject({
          content: z.string().max(200_000).nullish(),
          contentType: z.string().max(100).nullish(),
        })
        .nullish(),
      linkToMessage: z.string().max(2_000).nullish(),
    })
    .optional(),
});

const submitValue = z.looseObject({
  commandId,
  botMessagePreviewAction: z.string().max(100).optional(),
  data: logInputs.extend({
    dialog: z.literal(Dialog.log).optional(),
    key: cardId,
    src: z.string().max(2_000).optional(),
  }),
});

export const messageExtensionQueryActivity = invokeOf('composeExtension/query', queryValue);
export const messageExtensionOpenActivity = invokeOf('composeExtension/fetchTask', openValue);
export const messageExtensionSubmitActivity = invokeOf('composeExtension/submitAction', submitValue);
