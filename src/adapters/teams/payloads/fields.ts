import { z } from 'zod';
import { ContactField, LogField } from '../ids.js';

/** An id the adapter put in a card (contact, interaction, follow-up, submission key). */
export const cardId = z.string().min(1).max(200);

/** What an input sends back: Teams sends every Adaptive Card input value as a string. */
const inputValue = z.string().max(100_000);

/** The inputs of one form, each an optional string; anything else riding along is tolerated. */
export function inputsOf<const K extends string>(ids: readonly K[]) {
  const shape = Object.fromEntries(ids.map((id) => [id, inputValue.optional()]));
  // Built from the form's own id list, so the keys are exactly K.
  return z.object(shape as Record<K, z.ZodOptional<typeof inputValue>>);
}

/** An object, never an array or a scalar: the first thing every value and data must be. */
export const anyObject = z.looseObject({});

/** The log and edit dialogs' inputs, also sent by the inline log form. */
export const logInputs = inputsOf(Object.values(LogField));
/** The contact dialog's inputs, also sent by the inline contact form. */
export const contactInputs = inputsOf(Object.values(ContactField));
