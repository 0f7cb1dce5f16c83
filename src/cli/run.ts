import { ImportFileError, isDomainError, ValidationError } from '../core/shared/errors.js';
import { ConfigError } from '../infra/config/env.js';
import { EmbeddedDatabaseUnavailable } from '../infra/mongo/embedded-ferretdb.js';
import { SqliteStoreError } from '../infra/sqlite/database.js';
import { CliError, type CliIo, EXIT, line, UsageError } from './cli-io.js';
import type { CliCommand } from './commands/command.js';
import { dbCommand } from './commands/db.js';
import { exportCommand } from './commands/export.js';
import { importContactsCommand } from './commands/import-contacts.js';
import { seedCommand } from './commands/seed.js';
import { setRoleCommand } from './commands/set-role.js';

const COMMANDS: CliCommand[] = [importContactsCommand, exportCommand, seedCommand, setRoleCommand, dbCommand];

function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    'Usage: interaction-log <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Run `interaction-log <command> --help` for its options.',
    'The database is MONGODB_URI, or the SQLite file under DATA_DIR when it is unset (STORE=ferretdb: the embedded FerretDB).',
  ].join('\n');
}

/** parseArgs reports unknown or malformed options as TypeErrors with an ERR_PARSE_ARGS_* code. */
function isParseArgsError(error: unknown): error is Error {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    error.code.startsWith('ERR_PARSE_ARGS')
  );
}

/**
 * Runs one CLI invocation and resolves to its exit code; never throws. Tests call it
 * in-process with their own streams and environment.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((command) => command.name === args[0]) : undefined;
    line(name === undefined ? io.stderr : io.stdout, topic ? topic.help : generalHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    line(io.stderr, `error: unknown command "${name}".\n\n${generalHelp()}`);
    return EXIT.usage;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    return report(error, command, io);
  }
}

function report(error: unknown, command: CliCommand, io: CliIo): number {
  const hint = `Run \`interaction-log ${command.name} --help\` for usage.`;
  if (error instanceof UsageError || isParseArgsError(error)) {
    line(io.stderr, `error: ${error.message}\n${hint}`);
    return EXIT.usage;
  }
  if (error instanceof ValidationError) {
    for (const [field, message] of Object.entries(error.fieldErrors))
      line(io.stderr, `error: ${field}: ${message}`);
    line(io.stderr, hint);
    return EXIT.usage;
  }
  if (error instanceof ImportFileError) {
    line(io.stderr, `error: the file cannot be imported: ${error.message}`);
    return EXIT.failed;
  }
  if (
    error instanceof CliError ||
    error instanceof ConfigError ||
    error instanceof EmbeddedDatabaseUnavailable ||
    error instanceof SqliteStoreError ||
    isDomainError(error)
  ) {
    line(io.stderr, `error: ${error.message}`);
    return EXIT.failed;
  }
  const detail =
    error instanceof Error ? (io.env.LOG_LEVEL === 'debug' ? error.stack : error.message) : String(error);
  line(io.stderr, `error: ${command.name} failed: ${detail}`);
  return EXIT.failed;
}
