import type { NaturalDateParser } from '../../core/commands/command-grammar.js';
import type { UseCases } from '../../core/use-cases.js';
import type { FileLinks } from './files/file-links.js';

/** What every Teams listener gets: the use cases and the few adapter-wide settings. Passed in, never imported. */
export interface TeamsDeps {
  container: UseCases;
  parseDate: NaturalDateParser;
  /** Signed download links for CSVs (exports, reports): bots cannot upload to channels. */
  files: FileLinks;
}
