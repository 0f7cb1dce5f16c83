import type { CliIo } from '../cli-io.js';

/** One subcommand of the `interaction-log` admin CLI. */
export interface CliCommand {
  name: string;
  /** One line for the general help. */
  summary: string;
  /** The full text shown by `interaction-log <name> --help`. */
  help: string;
  /** Resolves to the process exit code; throws for errors the runner turns into messages. */
  run(args: string[], io: CliIo): Promise<number>;
}
