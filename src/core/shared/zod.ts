import type { z } from 'zod';
import { type FieldErrors, ValidationError } from './errors.js';

/** Parses use-case input, turning zod issues into a ValidationError with one message per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_';
    fieldErrors[key] ??= issue.message;
  }
  throw new ValidationError(fieldErrors);
}
