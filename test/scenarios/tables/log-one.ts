import type { Table } from '../scenario.js';

/** F1: one interaction for one contact, from the form and from a typed line. */
export const logOne: Table = {
  feature: 'log one',
  given: { contacts: ['Ann Lévy', 'Dan Cohen'] },
  rows: [
    // Names typed after `log` choose the form's contacts ("ann" finds Ann Lévy, accents aside).
    [
      { step: 'command', as: 'alice', text: 'log ann' },
      { expect: 'said', mentions: ['Ann Lévy'] },
    ],
    [
      { step: 'log', as: 'alice', contacts: ['Ann Lévy'], type: 'Call', description: 'Met at the fair' },
      { expect: 'confirmed', mentions: ['Logged', 'Ann Lévy', 'Call'] },
    ],
    [
      { step: 'timeline', as: 'alice', contact: 'Ann Lévy' },
      { expect: 'items', descriptions: ['Met at the fair'] },
    ],
    [
      { step: 'command', as: 'bob', text: 'log "Dan Cohen" Visit "Brought the order forms"' },
      { expect: 'confirmed', mentions: ['Logged', 'Dan Cohen', 'Visit'] },
    ],
    [
      { step: 'timeline', as: 'alice', contact: 'Dan Cohen' },
      { expect: 'items', descriptions: ['Brought the order forms'] },
    ],
  ],
};
