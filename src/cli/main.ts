import { ConfigError, readEnvFile } from '../infra/config/env.js';
import { runCli } from './run.js';

// Entry point of the `interaction-log` bin (bin/interaction-log.js imports the compiled file).
// The admin CLI reads the same `.env` as the app, so both open the same database.
try {
  readEnvFile();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
process.exitCode = code;
