import type { Table } from '../scenario.js';

/** F12/F13: my follow-ups, each with Done, Snooze and Log the follow-up (which closes it). */
export const followUps: Table = {
  feature: 'follow-up buttons',
  given: {
    contacts: ['Ann Lévy', 'Dan Cohen', 'Eva Roth'],
    interactions: [
      { contact: 'Ann Lévy', type: 'Call', description: 'Send the quote', followUpInMinutes: -90 },
      { contact: 'Dan Cohen', type: 'Visit', description: 'Bring the forms', followUpInMinutes: -60 },
      { contact: 'Eva Roth', type: 'Call', description: 'Ring back about dates', followUpInMinutes: -30 },
    ],
  },
  rows: [
    [
      { step: 'followups', as: 'alice' },
      { expect: 'said', mentions: ['Ann Lévy', 'Dan Cohen', 'Eva Roth'] },
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
      { step: 'followups', as: 'alice' },
      { expect: 'said', mentions: ['Dan Cohen'], absent: ['Ann Lévy', 'Eva Roth'] },
    ],
    [
      { step: 'timeline', as: 'alice', contact: 'Eva Roth' },
      {
        expect: 'items',
        descriptions: ['Agreed on March', 'Ring back about dates'],
        mentions: ['Follow-up done'],
      },
    ],
  ],
};
