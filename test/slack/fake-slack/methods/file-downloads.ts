import type { UploadedFile } from '@slack/bolt';
import type { FakeCore } from '../core.js';
import { FAKE_DEFAULTS } from '../state.js';
import { fileToApi } from './files.js';

export interface UserFileUpload {
  filename: string;
  content: Buffer | string;
  /** Who uploaded it (default alice). */
  user?: string;
  teamId?: string;
}

/**
 * A file a user uploaded through a modal's `file_input`. Slack stores it complete but shares it
 * nowhere; the app receives it in the view_submission state (`files`) and downloads
 * `url_private_download` with its bot token. The fake's download route (http.ts) already serves
 * completed files to a valid token of the file's team, so registering the file is all it takes.
 * Returns the file as the submission's state carries it.
 */
export function addUserFile(core: FakeCore, upload: UserFileUpload): UploadedFile {
  const content = typeof upload.content === 'string' ? Buffer.from(upload.content, 'utf8') : upload.content;
  const teamId = upload.teamId ?? FAKE_DEFAULTS.teamId;
  const user = upload.user ?? FAKE_DEFAULTS.users.alice;
  const file = core.files.create({
    teamId,
    user,
    filename: upload.filename,
    title: upload.filename,
    length: content.length,
    created: core.now(),
  });
  file.content = content;
  file.completed = true;
  const api = fileToApi(core, file, false);
  const text = (key: string): string => {
    const value = api[key];
    return typeof value === 'string' ? value : '';
  };
  const seconds = Math.floor(file.created / 1000);
  return {
    id: file.id,
    created: seconds,
    timestamp: seconds,
    name: file.filename,
    title: file.title,
    filetype: text('filetype'),
    mimetype: text('mimetype'),
    permalink: text('permalink'),
    url_private: text('url_private'),
    url_private_download: text('url_private_download'),
    user,
    user_team: teamId,
    size: content.length,
  };
}
