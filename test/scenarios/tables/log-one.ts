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
    // F1/F4: a type typed on the spot joins the list; a follow-up set in the form is listed.
    [
      {
        step: 'log',
        as: 'alice',
        contacts: ['Dan Cohen'],
        type: 'Home visit',
        newType: true,
        description: 'Saw the new flat',
        followUp: { day: '2026-11-16', time: '18:00' },
      },
      { expect: 'confirmed', mentions: ['Logged', 'Home visit', 'Dan Cohen'] },
    ],
    [
      { step: 'timeline', as: 'alice', contact: 'Dan Cohen' },
      {
        expect: 'items',
        descriptions: ['Saw the new flat', 'Brought the order forms'],
        mentions: ['Home visit'],
      },
    ],
    [
      { step: 'command', as: 'alice', text: 'list type:"Home visit"' },
      { expect: 'items', descriptions: ['Saw the new flat'] },
    ],
    [
      { step: 'followups', as: 'alice' },
      { expect: 'said', mentions: ['Dan Cohen', 'Saw the new flat'] },
    ],
  ],
};
