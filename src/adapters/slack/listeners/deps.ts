import type { InstallationStore } from '@slack/oauth';
import type { WebClientOptions } from '@slack/web-api';
import type { NaturalDateParser } from '../../../core/commands/command-grammar.js';
import type { UseCases } from '../../../core/use-cases.js';
import type { AckDeadlineFactory } from './support/ack-deadline.js';

/** What every listener gets: the use cases, and the few adapter-wide settings. Passed in, never imported. */
export interface SlackDeps {
  container: UseCases;
  parseDate: NaturalDateParser;
  /** For clients built outside a request (DMs, uploads): same API URL and logger as Bolt's. */
  webClientOptions: WebClientOptions;
  /** OAuth installs, removed when the app is uninstalled or its bot token revoked (F19). */
  installationStore?: InstallationStore;
  /** When a slow form submission is acked with a "saving" view (default: 2 s into the write). */
  submissionDeadline?: AckDeadlineFactory;
  /** When a slow contact search is answered with no options (default: 2 s into the search). */
  suggestionDeadline?: AckDeadlineFactory;
}
