#!/usr/bin/env node
// Thin launcher for the compiled admin CLI (built by `npm install` through the prepare script).
import('../dist/src/cli/main.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('interaction-log: the CLI is not built yet; run `npm run build` first.');
    process.exit(1);
  }
  throw error;
});
