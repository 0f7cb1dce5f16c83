import type { Table } from '../scenario.js';

/** F16/F17: viewers read only; members write their own; settings are for owners and admins. */
export const roles: Table = {
  feature: 'roles',
  given: {
    contacts: ['Ann Lévy'],
    interactions: [{ contact: 'Ann Lévy', type: 'Call', description: 'Owner call', by: 'alice' }],
  },
  rows: [
    [
      { step: 'timeline', as: 'vera', contact: 'Ann Lévy' },
      { expect: 'items', descriptions: ['Owner call'] },
    ],
    [
      { step: 'openLogForm', as: 'vera' },
      { expect: 'refused', mentions: ['Viewers can read the log but cannot change it'] },
    ],
    [
      { step: 'command', as: 'vera', text: 'log "Ann Lévy" Call "Viewer call"' },
      { expect: 'refused', mentions: ['Viewers can read the log but cannot change it'] },
    ],
    [
      { step: 'log', as: 'bob', contacts: ['Ann Lévy'], type: 'Call', description: 'Member call' },
      { expect: 'confirmed', mentions: ['Logged'] },
    ],
    [
      { step: 'timeline', as: 'bob', contact: 'Ann Lévy' },
      { expect: 'items', descriptions: ['Member call', 'Owner call'] },
    ],
    [{ step: 'openEdit', as: 'bob', item: 'Owner call' }, { expect: 'notOffered' }],
    [
      { step: 'timeline', as: 'vera', contact: 'Ann Lévy' },
      { expect: 'items', descriptions: ['Member call', 'Owner call'] },
    ],
    [{ step: 'openEdit', as: 'vera', item: 'Member call' }, { expect: 'notOffered' }],
    [
      { step: 'timeline', as: 'bob', contact: 'Ann Lévy' },
      { expect: 'items', descriptions: ['Member call', 'Owner call'] },
    ],
    [
      { step: 'openEdit', as: 'bob', item: 'Member call' },
      { expect: 'form', mentions: ['Member call'] },
    ],
    [
      { step: 'settings', as: 'bob' },
      { expect: 'refused', mentions: ['Only workspace admins can change settings and roles.'] },
    ],
    [
      { step: 'settings', as: 'alice' },
      { expect: 'form', mentions: ['Time zone'] },
    ],
    [
      { step: 'timeline', as: 'vera', contact: 'Ann Lévy' },
      { expect: 'items', descriptions: ['Member call', 'Owner call'] },
    ],
  ],
};
