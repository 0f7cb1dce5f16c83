import type { Table } from '../scenario.js';

/** Bad input gets a specific message and writes nothing (the last row checks nothing was). */
export const badInput: Table = {
  feature: 'bad input',
  given: {
    contacts: ['Ann Lévy'],
    interactions: [{ contact: 'Ann Lévy', type: 'Call', description: 'The only call' }],
  },
  rows: [
    [
      {
        step: 'log',
        as: 'alice',
        contacts: ['Ann Lévy'],
        type: 'Call',
        description: 'From the future',
        at: { day: '2030-01-01', time: '10:00' },
      },
      { expect: 'refused', mentions: ["can't be in the future"] },
    ],
    [
      {
        step: 'log',
        as: 'alice',
        contacts: ['Ann Lévy'],
        type: 'Call',
        description: 'A slip of the year',
        at: { day: '1900-01-01', time: '10:00' },
      },
      { expect: 'refused', mentions: ['20 years'] },
    ],
    [
      { step: 'command', as: 'alice', text: 'log "Nobody Here" Call "Ghost call"' },
      { expect: 'refused', mentions: ['No contact matches "Nobody Here"'] },
    ],
    [
      { step: 'command', as: 'alice', text: 'log "Ann Lévy" Call ""' },
      { expect: 'refused', mentions: ['The description is empty'] },
    ],
    [
      { step: 'command', as: 'alice', text: 'list followup:later' },
      { expect: 'refused', mentions: ['followup:later', 'followup:open'] },
    ],
    [
      { step: 'command', as: 'alice', text: 'frobnicate' },
      { expect: 'refused', mentions: ['I don\'t know "frobnicate"'] },
    ],
    [
      { step: 'timeline', as: 'alice', contact: 'Ann Lévy' },
      { expect: 'items', descriptions: ['The only call'] },
    ],
  ],
};
