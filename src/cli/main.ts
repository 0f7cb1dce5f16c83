import { runCli } from './run.js';

// Entry point of the `interaction-log` bin (bin/interaction-log.js imports the compiled file).
const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
process.exitCode = code;
