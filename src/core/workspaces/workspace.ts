import type { Role } from '../shared/actor.js';

export const PLATFORMS = ['slack', 'teams', 'cli'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const DEFAULT_INTERACTION_TYPES = [
  'Visit',
  'Call',
  'Meeting',
  'Appointment',
  'Email',
  'Note',
  'Other',
];
export const DEFAULT_ACTIONS = ['Discussion', 'To call back', 'Agreed', 'Declined', 'Donated'];
export const DEFAULT_DATE_FORMAT = 'dd/MM/yyyy HH:mm';
export const DEFAULT_TIMEZONE = 'UTC';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export interface ReportSchedule {
  enabled: boolean;
  channelId?: string;
  weekday: number;
  time: string; // HH:mm in the workspace timezone
}

export interface WorkspaceSettings {
  timezone: string;
  dateFormat: string;
  interactionTypes: string[];
  actions: string[];
  report: ReportSchedule;
  /** Role given to a chat user the first time they use the app. */
  defaultRole: Role;
}

/** One tenant: a Slack team / Enterprise Grid org, or a Teams tenant. Key = platform + externalId. */
export interface Workspace {
  id: string;
  platform: Platform;
  externalId: string;
  name: string;
  settings: WorkspaceSettings;
  createdAt: Date;
  updatedAt: Date;
}

export interface Member {
  workspaceId: string;
  userId: string;
  role: Role;
  displayName: string;
  /** The person's own zone, from the platform: what they type and read times in. */
  timezone?: string;
  /** Platform facts as last read (Slack owner/admin, guest), refreshed now and then. */
  platformAdmin?: boolean;
  guest?: boolean;
  /** When the platform was last asked about this person; unset: never (or it did not answer). */
  profileCheckedAt?: Date;
  /** Started as a viewer because the platform could not be asked; gets its real role when it answers. */
  provisional?: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export function defaultSettings(): WorkspaceSettings {
  return {
    timezone: DEFAULT_TIMEZONE,
    dateFormat: DEFAULT_DATE_FORMAT,
    interactionTypes: [...DEFAULT_INTERACTION_TYPES],
    actions: [...DEFAULT_ACTIONS],
    report: { enabled: false, weekday: 1, time: '09:00' },
    defaultRole: 'member',
  };
}
