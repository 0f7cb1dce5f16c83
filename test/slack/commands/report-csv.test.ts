import { beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_HEADER } from '../../../src/core/exports/export-columns.js';
import { usePrivateTmpdir } from '../../support/private-tmpdir.js';
import { useSlackApp } from '../support/slack-app.js';
import { addContact, csvLines, GENERAL, logFor, type Seeded, seedWorkspace, visibleText } from './support.js';

describe('/interaction report CSV', () => {
  const slack = useSlackApp();
  let seeded: Seeded;
  const spool = usePrivateTmpdir('report-csv-test-');

  beforeAll(async () => {
    seeded = await seedWorkspace(slack);
    const rivka = await addContact(slack, seeded.owner, { firstName: 'Rivka', lastName: 'Stern' });
    const logged: Array<[type: string, at: string, description: string]> = [
      ['Visit', '2019-12-31T10:00:00Z', 'Before the period'],
      ['Call', '2021-03-04T10:00:00Z', 'Years ago'],
      ['Visit', '2024-06-07T10:00:00Z', 'Mid-period'],
      ['Call', '2026-11-10T10:00:00Z', 'Last week'],
    ];
    for (const [type, at, description] of logged) {
      await logFor(slack, seeded.owner, rivka, { type, at: new Date(at), description });
    }
  });

  it('streams a years-long report’s CSV through a temp file into one upload, and deletes the file', async () => {
    const uploadsBefore = slack.fake.callsTo('file_upload').length;
    await slack.command('report 2020-01-01..2026-12-31');

    const post = slack.fake.messages(GENERAL).at(-1);
    expect(post?.via).toBe('file_share');
    expect(visibleText(post?.blocks)).toContain('*Interactions:* 3');
    expect(slack.fake.callsTo('file_upload')).toHaveLength(uploadsBefore + 1);
    const [file] = post?.files ?? [];
    expect(slack.fake.files().find((shared) => shared.id === file?.id)?.filename).toBe(
      'interactions-2020-01-01_2026-12-31.csv',
    );
    const lines = csvLines(slack, String(file?.id));
    expect(lines[0]).toBe(EXPORT_HEADER.join(','));
    expect(lines).toHaveLength(1 + 3);
    expect(lines[1]).toContain('Rivka Stern');
    expect(lines[1]).toContain('Years ago');
    expect(lines[2]).toContain('Mid-period');
    expect(lines[3]).toContain('Last week');
    expect(lines.join('\n')).not.toContain('Before the period');
    expect(await spool.left()).toEqual([]);
  });
});
