import { z } from 'zod';
import { invokeOf } from './envelope.js';

/** The dialogs' type-ahead (`Data.Query` on an Input.ChoiceSet → `application/search`). */
const searchValue = z.looseObject({
  queryText: z.string().max(1_000).optional(),
  dataset: z.string().max(100).optional(),
  queryOptions: z
    .looseObject({ top: z.number().int().optional(), skip: z.number().int().min(0).optional() })
    .optional(),
});

export const searchActivity = invokeOf('application/search', searchValue);
