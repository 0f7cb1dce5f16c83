import { isDomainError } from '../../../../core/shared/errors.js';
import type { SlackMessage } from '../../blocks/block-kit.js';
import { importingView } from '../../blocks/contact-import.js';
import { importFailedMessage, importReportMessage } from '../../blocks/import-report.js';
import { userMessageFor } from '../../errors.js';
import { ContactImportField } from '../../ids.js';
import { type Tenant, tenantOf } from '../../middleware/tenant.js';
import { formStateOf, type ImportedFile, uploadedFile } from '../../payloads/views.js';
import type { SlackDeps } from '../deps.js';
import type { SubmitArgs } from '../support/listener-args.js';
import { claimSubmission } from '../support/view-claims.js';

/**
 * The whole file is held in memory (up to this size) and read twice: once to check it is a
 * readable CSV, then to import. A broken quote on line 9,000 is thus reported before any row
 * is written, instead of leaving a half-imported file behind.
 */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/**
 * Acks at once with an "Importing…" view (files can be large), then downloads the upload with
 * the bot token, imports it and DMs the per-row report. A double submit is claimed by view id.
 */
export async function submitContactImport(
  { ack, view, client, context }: SubmitArgs,
  deps: SlackDeps,
): Promise<void> {
  const tenant = tenantOf(context);
  const file = uploadedFile(formStateOf(view));
  const problem = !file
    ? 'Choose a CSV file to import.'
    : !isCsv(file)
      ? 'This is not a CSV file. Save the spreadsheet as CSV (comma or semicolon separated) and upload that.'
      : undefined;
  if (!file || problem) {
    await ack({ response_action: 'errors', errors: { [ContactImportField.file.blockId]: problem ?? '' } });
    return;
  }
  const claim = await claimSubmission(deps, tenant, 'slack-contact-import', view.id);
  await ack({ response_action: 'update', view: importingView(file.name) });
  if (!claim.acquired) return;
  const token = typeof context.botToken === 'string' ? context.botToken : undefined;
  const message = await importFile(deps, tenant, file, token);
  await client.chat.postMessage({ channel: tenant.actor.userId, text: message.text, blocks: message.blocks });
}

function isCsv(file: ImportedFile): boolean {
  return file.filetype === 'csv' || /\.(csv|txt)$/i.test(file.name);
}

/** The report to DM. Bad files and refusals become a message; infrastructure failures are thrown. */
async function importFile(
  deps: SlackDeps,
  tenant: Tenant,
  file: ImportedFile,
  token: string | undefined,
): Promise<SlackMessage> {
  const download = await downloadFile(deps, file, token);
  if (!download.ok) return importFailedMessage(file.name, download.reason);
  try {
    // The core checks the whole file (encoding, quotes, header) before the first write.
    const report = await deps.container.contacts.importContactFile(tenant.actor, download.bytes);
    return importReportMessage(file.name, report);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return importFailedMessage(file.name, userMessageFor(error));
  }
}

type Download = { ok: true; bytes: Buffer } | { ok: false; reason: string };

/**
 * GET url_private_download with the bot token, as Slack requires for private files. The token
 * only goes to Slack's own hosts (or the API host the app is configured with, in tests).
 */
async function downloadFile(
  deps: SlackDeps,
  file: ImportedFile,
  token: string | undefined,
): Promise<Download> {
  const url = file.url_private_download || file.url_private;
  if (!token || !url || !trustedFileUrl(url, deps.webClientOptions.slackApiUrl)) {
    return { ok: false, reason: 'Slack did not give a download link for it. Upload it again.' };
  }
  const logger = deps.container.logger;
  try {
    const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    const type = response.headers.get('content-type') ?? '';
    // Slack answers a missing files:read scope with its HTML sign-in page, status 200.
    if (!response.ok || type.includes('text/html') || !response.body) {
      logger.warn('Could not download an uploaded CSV', { status: response.status, contentType: type });
      return { ok: false, reason: `Slack refused the download (HTTP ${response.status}). Upload it again.` };
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      if (size > MAX_IMPORT_BYTES) {
        return {
          ok: false,
          reason: `it is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files.`,
        };
      }
      chunks.push(Buffer.from(chunk));
    }
    return { ok: true, bytes: Buffer.concat(chunks) };
  } catch (error) {
    logger.warn('Could not download an uploaded CSV', { error: String(error) });
    return { ok: false, reason: 'the download from Slack failed. Try again in a moment.' };
  }
}

export function trustedFileUrl(url: string, slackApiUrl: string | undefined): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (
    parsed.protocol === 'https:' &&
    (parsed.hostname === 'slack.com' || parsed.hostname.endsWith('.slack.com'))
  )
    return true;
  if (!slackApiUrl) return false;
  try {
    return new URL(slackApiUrl).origin === parsed.origin;
  } catch {
    return false;
  }
}
