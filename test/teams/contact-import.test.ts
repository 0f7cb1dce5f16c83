import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_DOWNLOAD_INFO } from '../../src/adapters/teams/commands/contact-import.js';
import { seedTenant, type TeamsWorld } from './support/seed.js';
import { personalChat, useTeamsApp } from './support/teams-app.js';

/** Where Teams lets the bot download a file sent in personal chat: a plain HTTPS link, here local. */
function startFileHost(files: Record<string, string>): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const content = files[(request.url ?? '').slice(1)];
    if (content === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/csv' }).end(content);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }),
    ),
  );
}

describe('Teams: importing contacts from a CSV sent to the bot', () => {
  const t = useTeamsApp();
  let world: TeamsWorld;
  let host: { url: string; server: Server };

  beforeAll(async () => {
    world = await seedTenant(t.container);
    host = await startFileHost({
      'good.csv': 'first name;last name;email\nGrace;Hopper;grace@example.org\nAlan;Turing;not-an-email\n',
      'broken.csv': [
        'first name,email',
        'Quote,quote@example.org',
        '"Broken,broken@example.org',
        'After,after@example.org',
      ].join('\n'),
    });
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => host?.server.close(() => resolve()));
  });

  const sendFile = (name: string) =>
    t.message('contact import', {
      extra: {
        attachments: [
          { contentType: FILE_DOWNLOAD_INFO, name, content: { downloadUrl: `${host.url}/${name}` } },
        ],
      },
    });
  const lastReply = () => t.connector.messages(personalChat('alice')).at(-1)?.text ?? '';

  it('imports the rows and answers with the counts and each problem row', async () => {
    expect((await sendFile('good.csv')).status).toBe(200);
    expect(lastReply()).toContain('✅ Imported good.csv: 1 created, 0 updated, 1 skipped.');
    expect(lastReply()).toContain('- line 3:');
    const found = await t.container.contacts.findContacts(world.actors.alice, { text: 'hopper' });
    expect(found.map((contact) => contact.emails)).toEqual([['grace@example.org']]);
  });

  it('refuses a file it cannot read whole, with its line, and imports nothing from it', async () => {
    expect((await sendFile('broken.csv')).status).toBe(200);
    expect(lastReply()).toContain('broken.csv was not imported: line 3');
    expect(await t.container.contacts.findContacts(world.actors.alice, { text: 'quote' })).toEqual([]);
  });
});
