import type { FieldIds } from '../ids.js';
import type { ElementState, StateValues } from './shared.js';

export type { StateValues };

/** The state of one input, or undefined when Slack did not send it. */
export function stateOf(values: StateValues, ids: FieldIds): ElementState | undefined {
  return values[ids.blockId]?.[ids.actionId];
}

export function textOf(values: StateValues, ids: FieldIds): string {
  return stateOf(values, ids)?.value ?? '';
}
