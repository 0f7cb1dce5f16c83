import { z } from 'zod';
import { interactionFilterSchema } from '../interactions/interaction.schemas.js';

/**
 * The export takes the same F10 filters as the workspace list (one schema for both), so a
 * bad filter is reported on the same field path ("filter.to") wherever it is typed.
 */
export const exportInputSchema = z.object(
  { filter: interactionFilterSchema.default({}) },
  { error: 'Choose what to export.' },
);
