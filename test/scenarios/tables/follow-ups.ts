import type { Table } from '../scenario.js';

const NO_HOME = 'Teams has no App Home tab; the `followups` card is its place for follow-ups';

/**
 * F12/F13: my follow-ups, in the follow-ups list and in the reminder itself, each with Done,
 * Snooze and Log the follow-up (a log that closes it).
 */
export const followUps: Table = {
  feature: 'follow-up buttons',
  given: {
    contacts: ['Ann Lévy', 'Dan Cohen', 'Eva Roth', 'Noa Levin', 'Sam Katz', 'Lea Stone', 'Tom Baker'],
    interactions: [
      { contact: 'Ann Lévy', type: 'Call', description: 'Send the quote', followUpInMinutes: -90 },
      { contact: 'Dan Cohen', type: 'Visit', description: 'Bring the forms', followUpInMinutes: -60 },
      { contact: 'Eva Roth', type: 'Call', description: 'Ring back about dates', followUpInMinutes: -30 },
      { contact: 'Noa Levin', type: 'Meeting', description: 'Confirm the venue', followUpInMinutes: -20 },
      { contact: 'Sam Katz', type: 'Call', description: 'Send the minutes', followUpInMinutes: -10 },
      { contact: 'Lea Stone', type: 'Visit', description: 'Return the keys', followUpInMinutes: -5 },
      {
        contact: 'Tom Baker',
        type: 'Visit',
        description: 'Plan the spring visit',
        followUpInMinutes: 3 * 24 * 60,
      },
    ],
  },
  rows: [
    [
      { step: 'followups', as: 'alice' },
      { expect: 'said', mentions: ['Ann Lévy', 'Dan Cohen', 'Eva Roth', 'Noa Levin', 'Sam Katz'] },
    ],
    [
      { step: 'followups', as: 'alice' },
      { expect: 'said', mentions: ['Tom Baker'] },
    ],
    [
      { step: 'followUpDone', as: 'alice', contact: 'Ann Lévy' },
      { expect: 'said', mentions: ['Dan Cohen'], absent: ['Ann Lévy'] },
    ],
    [
      { step: 'followUpSnooze', as: 'alice', contact: 'Dan Cohen' },
      { expect: 'confirmed', mentions: ['Dan Cohen'] },
    ],
    [
      { step: 'followups', as: 'alice' },
      { expect: 'said', mentions: ['Dan Cohen', 'Eva Roth'], absent: ['Ann Lévy'] },
    ],
    [
      { step: 'followUpLog', as: 'alice', contact: 'Eva Roth', type: 'Call', description: 'Agreed on March' },
      { expect: 'confirmed', mentions: ['Logged', 'Eva Roth'] },
    ],
    [
      { step: 'timeline', as: 'alice', contact: 'Eva Roth' },
      {
        expect: 'items',
        descriptions: ['Agreed on March', 'Ring back about dates'],
        mentions: ['Follow-up done'],
      },
    ],
    // The reminder the assignee receives carries the same three buttons.
    [
      { step: 'reminder', as: 'alice', contact: 'Noa Levin' },
      { expect: 'said', mentions: ['Follow-up', 'Noa Levin', 'Confirm the venue'] },
    ],
    [
      {
        step: 'followUpLog',
        as: 'alice',
        contact: 'Noa Levin',
        type: 'Meeting',
        description: 'Venue booked',
      },
      { expect: 'confirmed', mentions: ['Logged', 'Noa Levin'] },
    ],
    [
      { step: 'reminder', as: 'alice', contact: 'Sam Katz' },
      { expect: 'said', mentions: ['Sam Katz', 'Send the minutes'] },
    ],
    [
      { step: 'followUpDone', as: 'alice', contact: 'Sam Katz' },
      { expect: 'confirmed', mentions: ['Sam Katz'] },
    ],
    [
      { step: 'reminder', as: 'alice', contact: 'Lea Stone' },
      { expect: 'said', mentions: ['Lea Stone', 'Return the keys'] },
    ],
    [
      { step: 'followUpSnooze', as: 'alice', contact: 'Lea Stone' },
      { expect: 'confirmed', mentions: ['Lea Stone'] },
    ],
    [
      { step: 'followUpLog', as: 'alice', contact: 'Lea Stone', type: 'Visit', description: 'Keys returned' },
      { expect: 'confirmed', mentions: ['Logged', 'Lea Stone'] },
    ],
    [
      { step: 'followups', as: 'alice' },
      {
        expect: 'said',
        mentions: ['Dan Cohen'],
        absent: ['Ann Lévy', 'Eva Roth', 'Noa Levin', 'Sam Katz'],
      },
    ],
    [
      { step: 'home', as: 'alice' },
      { expect: 'said', mentions: ['Dan Cohen'] },
      { skip: { teams: NO_HOME } },
    ],
    [
      { step: 'followUpDone', as: 'alice', contact: 'Dan Cohen' },
      { expect: 'confirmed', mentions: ['Tom Baker'] },
      { skip: { teams: NO_HOME } },
    ],
    [
      { step: 'followups', as: 'alice' },
      { expect: 'said', mentions: ['Your follow-ups'], absent: ['Dan Cohen'] },
      { skip: { teams: NO_HOME } },
    ],
  ],
};
