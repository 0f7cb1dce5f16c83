import { beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_HEADER } from '../../../src/core/exports/export-columns.js';
import { usePrivateTmpdir } from '../../support/private-tmpdir.js';
import { useSlackApp } from '../support/slack-app.js';
import { addContact, GENERAL, logFor, type Seeded, seedWorkspace, visibleText } from './support.js';

/** CSV lines of a shared file; the header first. */
function csvLines(slack: ReturnType<typeof useSlackApp>, fileId: string): string[] {
  const content = slack.fake.fileContent(fileId)?.toString('utf8') ?? '';
  return content
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split(/\r?\n/);
}

describe('/interaction report CSV', () => {
  const slack = useSlackApp();
  let seeded: Seeded;
  const spool = usePrivateTmpdir('report-csv-test-');

  beforeAll(async () => {
    seeded = await seedWorkspace(slack);
    const rivka = await addContact(slack, seeded.owner, { firstName: 'Rivka', lastName: 'Stern' });
    await logFor(slack, seeded.owner, rivka, {
      type: 'Visit',
      at: new Date('2019-12-31T10:00:00Z'),
      description: 'Before the period',
    });
    await logFor(slack, seeded.owner, rivka, {
      type: 'Call',
      at: new Date('2021-03-04T10:00:00Z'),
      description: 'Years ago',
    });
    await logFor(slack, seeded.owner, rivka, {
      type: 'Visit',
      at: new Date('2024-06-07T10:00:00Z'),
      description: 'Mid-period',
    });
    await logFor(slack, seeded.owner, rivka, {
      type: 'Call',
      at: new Date('2026-11-10T10:00:00Z'),
      description: 'Last week',
    });
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
