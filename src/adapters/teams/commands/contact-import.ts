import type { Activity, ActivityLike } from '@microsoft/teams.api';
import { isDomainError } from '../../../core/shared/errors.js';
import type { Tenant } from '../../../core/workspaces/tenant.js';
import type { TeamsDeps } from '../deps.js';
import { userMessageFor } from '../errors.js';
import { userText } from '../limits.js';

/** Teams' attachment for a file sent to a bot in personal chat (manifest: supportsFiles). */
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';
/** Larger files are refused before any row is written: a contact list is not a database dump. */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

interface FileInfo {
  name: string;
  downloadUrl: string;
}

function csvAttachment(activity: Activity): FileInfo | undefined {
  const attachments = 'attachments' in activity ? (activity.attachments ?? []) : [];
  for (const attachment of attachments) {
    if (attachment.contentType !== FILE_DOWNLOAD_INFO) continue;
    const content: unknown = attachment.content;
    const url =
      typeof content === 'object' && content !== null && 'downloadUrl' in content
        ? content.downloadUrl
        : undefined;
    const name = attachment.name ?? 'contacts.csv';
    if (typeof url === 'string' && /^https?:\/\//.test(url) && /\.(csv|txt)$/i.test(name))
      return { name, downloadUrl: url };
  }
  return undefined;
}

export function isContactImport(text: string, activity: Activity): boolean {
  return /^contacts?\s+import\b/i.test(text) && csvAttachment(activity) !== undefined;
}

async function download(file: FileInfo): Promise<Buffer | string> {
  const response = await fetch(file.downloadUrl);
  if (!response.ok) return `Teams refused the download (HTTP ${response.status}). Send the file again.`;
  const bytes = Buffer.from(await response.arrayBuffer());
  return bytes.length > MAX_IMPORT_BYTES
    ? 'The file is larger than 5 MB. Split it and import the parts.'
    : bytes;
}

/**
 * F11 import in Teams: the CSV attached to "contact import" in personal chat, read with the same
 * reader and use case as Slack and the CLI. The file is checked whole (encoding, header)
 * before the first row is written.
 */
export async function importContactsFromAttachment(
  tenant: Tenant,
  deps: TeamsDeps,
  activity: Activity,
): Promise<ActivityLike> {
  const file = csvAttachment(activity);
  if (!file) return 'Attach a CSV file to the message to import contacts.';
  const bytes = await download(file);
  const name = userText(file.name, 100);
  if (typeof bytes === 'string') return `⚠️ ${name} was not imported: ${bytes}`;
  try {
    const report = await deps.container.contacts.importContactFile(tenant.actor, bytes);
    const problems = report.results
      .filter((row) => row.status === 'skipped' && row.reason)
      .slice(0, 10)
      .map((row) => `- line ${row.line}: ${userText(row.reason ?? '', 200)}`);
    return [
      `✅ Imported ${name}: ${report.created} created, ${report.updated} updated, ${report.skipped} skipped.`,
      ...problems,
    ].join('\n');
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return `⚠️ ${name} was not imported: ${userText(userMessageFor(error) ?? '', 1_000)}`;
  }
}
