import { createEvent, type EventAttributes } from 'ics';

/** What a calendar entry for a follow-up says. */
export interface FollowUpEvent {
  interactionId: string;
  contactName: string;
  typeLabel: string;
  actions: readonly string[];
  description: string;
  /** The effective fire time (snooze or due date). */
  start: Date;
  durationMinutes?: number;
  /** When the file is made (DTSTAMP): passed in, so the same input gives the same file. */
  now: Date;
  url?: string;
}

export interface IcsFile {
  filename: string;
  content: string;
}

const DESCRIPTION_MAX = 1000;

/**
 * F13 "Add to calendar": one VEVENT at the follow-up time, with a reminder at start. The UID is
 * stable per interaction, so importing a later file (after a snooze) updates the same entry in
 * calendars that honour UIDs instead of adding a second one.
 */
export function followUpIcs(event: FollowUpEvent): IcsFile {
  const details = [
    `${event.typeLabel} with ${event.contactName}`,
    event.actions.length > 0 ? `Actions: ${event.actions.join(', ')}` : '',
    event.description.trim().slice(0, DESCRIPTION_MAX),
  ].filter((line) => line !== '');
  // `timestamp` (DTSTAMP) is read by the ics package but missing from its type definitions.
  const attributes: EventAttributes & { timestamp: number } = {
    uid: `follow-up-${event.interactionId}@interaction-log`,
    productId: 'interaction-log',
    start: event.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: event.durationMinutes ?? 30 },
    title: `Follow-up: ${event.contactName}`,
    description: details.join('\n'),
    status: 'CONFIRMED',
    alarms: [
      {
        action: 'display',
        description: `Follow-up: ${event.contactName}`,
        trigger: { minutes: 0, before: true },
      },
    ],
    timestamp: event.now.getTime(),
    ...(event.url ? { url: event.url } : {}),
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw new Error(`Could not build the calendar file: ${error?.message ?? 'empty'}`);
  const slug = event.contactName
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // drop the accents NFKD split off, so "Élise" stays "Elise"
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return { filename: `follow-up-${slug || 'contact'}.ics`, content: value };
}
