import { z } from 'zod';
import { invokeOf } from './envelope.js';

/**
 * Invokes the adapter does not answer, whose `value` the Teams SDK's router nevertheless reads
 * while choosing a handler — a missing value there would fail the whole request. File consent
 * cards are not used (CSV files travel as signed links), nor message actions.
 */
export const fileConsentActivity = invokeOf(
  'fileConsent/invoke',
  z.looseObject({ action: z.enum(['accept', 'decline']) }),
);
export const messageSubmitActivity = invokeOf(
  'message/submitAction',
  z.looseObject({ actionName: z.string().max(200) }),
);
