import type { Table } from '../scenario.js';

/** F19: nothing crosses workspaces, not even when a tampered button names another workspace's ids. */
export const tenantIsolation: Table = {
  feature: 'tenant isolation',
  given: {
    contacts: ['Ann Lévy'],
    interactions: [
      { contact: 'Ann Lévy', type: 'Call', description: 'Our own call', followUpInMinutes: -30 },
    ],
    otherWorkspace: { contact: 'Zoe Stranger', description: 'Their secret call' },
  },
  rows: [
    [
      { step: 'timeline', as: 'alice', contact: 'Zoe Stranger' },
      { expect: 'refused', mentions: ['No contact matches'] },
    ],
    [
      { step: 'command', as: 'alice', text: 'list from:2026-01-01' },
      { expect: 'items', descriptions: ['Our own call'] },
    ],
    [
      { step: 'timeline', as: 'alice', contact: 'Ann Lévy' },
      { expect: 'items', descriptions: ['Our own call'] },
    ],
    [
      { step: 'foreign', as: 'alice', action: 'edit' },
      { expect: 'refused', mentions: ['no longer exists'] },
    ],
    [
      { step: 'foreign', as: 'alice', action: 'delete' },
      { expect: 'refused', mentions: ['no longer exists'] },
    ],
    [
      { step: 'followups', as: 'alice' },
      { expect: 'said', mentions: ['Ann Lévy'], absent: ['Zoe Stranger'] },
    ],
    [
      { step: 'foreign', as: 'alice', action: 'followUpDone' },
      { expect: 'refused', mentions: ['no longer exists'] },
    ],
    [
      { step: 'foreign', as: 'alice', action: 'timeline' },
      { expect: 'refused', mentions: ['no longer exists'] },
    ],
    [
      { step: 'command', as: 'alice', text: 'export' },
      { expect: 'csv', descriptions: ['Our own call'] },
    ],
  ],
};
