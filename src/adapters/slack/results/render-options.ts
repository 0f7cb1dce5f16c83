import { isValidTimeZone } from '../../../core/exports/date-format.js';
import { DEFAULT_TIMEZONE, type Workspace } from '../../../core/workspaces/workspace.js';
import type { RenderOptions } from '../views/blocks.js';

/** Dates in the workspace zone and format; a zone an admin mistyped falls back instead of throwing. */
export function renderOptionsOf(workspace: Workspace): RenderOptions {
  const { timezone, dateFormat } = workspace.settings;
  return { timeZone: isValidTimeZone(timezone) ? timezone : DEFAULT_TIMEZONE, dateFormat };
}
