import { isValidTimeZone } from '../exports/date-format.js';
import { renderOptionsOf, type Tenant } from './tenant.js';
import type { Workspace } from './workspace.js';

/** How times are read from and shown to one person. */
export interface TimeOptions {
  timeZone: string;
  dateFormat: string;
  /** The zone's name, set only when the times are not in the person's own zone. */
  zoneLabel?: string;
}

function labelOf(zone: string): string {
  return zone.replace(/_/g, ' ');
}

/**
 * The zone a person types times in and reads them in: their own (from the platform) when known,
 * else the workspace's, labelled so they know which clock a "10:30" is on.
 */
export function personalTime(tenant: Tenant): TimeOptions {
  return memberTime(tenant.workspace, tenant.actor.timezone);
}

/**
 * The same decision for someone who is not the one acting (a reminder's assignee): their own
 * zone when the platform told us one, else the workspace's, labelled.
 */
export function memberTime(workspace: Pick<Workspace, 'settings'>, ownZone: string | undefined): TimeOptions {
  const options = renderOptionsOf(workspace);
  if (ownZone && isValidTimeZone(ownZone)) return { timeZone: ownZone, dateFormat: options.dateFormat };
  return { ...options, zoneLabel: labelOf(options.timeZone) };
}

/**
 * Workspace-wide times (weekly report schedule, report periods): the workspace zone, labelled
 * unless it is the person's own.
 */
export function workspaceTime(tenant: Tenant): TimeOptions {
  const workspace = renderOptionsOf(tenant.workspace);
  return tenant.actor.timezone === workspace.timeZone
    ? workspace
    : { ...workspace, zoneLabel: labelOf(workspace.timeZone) };
}

/** "Time" or "Time (UTC)": a form field's label, naming the zone only when it is not the reader's. */
export function zonedLabel(label: string, options: Pick<TimeOptions, 'zoneLabel'>): string {
  return options.zoneLabel ? `${label} (${options.zoneLabel})` : label;
}
