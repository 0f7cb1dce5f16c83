// Builds the Teams app package for sideloading or store submission:
//   dist/teams/interaction-log-teams.zip = manifest.json + color.png + outline.png (zip root).
// TEAMS_CLIENT_ID replaces the placeholder bot id 00000000-0000-0000-0000-000000000000 wherever
// it appears (bots[].botId, composeExtensions[].botId, webApplicationInfo.id if one is added);
// TEAMS_APP_HOST replaces your-host.example.com (validDomains and the developer URLs).
//
// The manifest is validated offline against the JSON schema bundled in @microsoft/app-manifest,
// chosen by the version its $schema names. The schema object is passed to validateAgainstSchema
// explicitly, so the package's fallback (fetching $schema over the network when it has no local
// copy) can never run: a $schema the package does not bundle is an error here.
// An invalid manifest prints every error and exits 1; nothing is written.
//
// Run: TEAMS_CLIENT_ID=<guid> TEAMS_APP_HOST=<host> npm run package:teams
//      node scripts/package-teams.mjs [manifest-dir]   (default manifests/teams)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { zipSync } from 'fflate';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = process.argv[2] ? resolve(process.argv[2]) : join(ROOT, 'manifests', 'teams');
const OUT = join(ROOT, 'dist', 'teams', 'interaction-log-teams.zip');
const PLACEHOLDER_BOT_ID = '00000000-0000-0000-0000-000000000000';
const PLACEHOLDER_HOST = 'your-host.example.com';
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const HOST = /^[A-Za-z0-9.-]+(:\d+)?$/;
// https://developer.microsoft.com/[locale/]json-schemas/teams/v1.25/MicrosoftTeams.schema.json
const SCHEMA_URL =
  /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v[0-9.]+|vDevPreview)\/MicrosoftTeams\.schema\.json$/i;

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** The schema file @microsoft/app-manifest ships for the $schema URL, read from disk. */
function bundledSchema(schemaUrl) {
  const match = SCHEMA_URL.exec(String(schemaUrl ?? ''));
  if (!match) {
    fail(`$schema must be a Teams manifest schema URL on developer.microsoft.com, got "${schemaUrl}".`);
  }
  const packageDir = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest'));
  const file = join(packageDir, 'json-schemas', 'teams', match[1], 'MicrosoftTeams.schema.json');
  if (!existsSync(file)) {
    fail(`@microsoft/app-manifest bundles no schema for ${match[1]}; pick a published manifest version.`);
  }
  // The same clean-up the package applies to its schema text (\a and \v are not JSON escapes).
  const text = readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return JSON.parse(text);
}

let text = readFileSync(join(SOURCE, 'manifest.json'), 'utf8');

const clientId = process.env.TEAMS_CLIENT_ID?.trim();
if (clientId) {
  if (!GUID.test(clientId)) fail(`TEAMS_CLIENT_ID must be the bot's app id (a GUID), got "${clientId}".`);
  text = text.replaceAll(PLACEHOLDER_BOT_ID, clientId);
} else {
  process.stderr.write(
    `warning: TEAMS_CLIENT_ID is not set; the package keeps the placeholder bot id ${PLACEHOLDER_BOT_ID} and Teams will not reach your bot.\n`,
  );
}

const host = process.env.TEAMS_APP_HOST?.trim();
if (host) {
  if (!HOST.test(host)) fail(`TEAMS_APP_HOST must be a host name such as bot.example.com, got "${host}".`);
  text = text.replaceAll(PLACEHOLDER_HOST, host);
} else {
  process.stderr.write(
    `warning: TEAMS_APP_HOST is not set; validDomains and the developer URLs keep ${PLACEHOLDER_HOST}.\n`,
  );
}

let manifest;
try {
  manifest = JSON.parse(text);
} catch (error) {
  fail(`${relative(process.cwd(), SOURCE)}/manifest.json is not JSON: ${error.message}`);
}
const errors = await AppManifestUtils.validateAgainstSchema(manifest, bundledSchema(manifest.$schema));
if (errors.length > 0) {
  fail(
    `${relative(process.cwd(), SOURCE) || '.'}/manifest.json is not a valid Teams manifest:\n${errors
      .map((error) => `  - ${error}`)
      .join('\n')}`,
  );
}

const zip = zipSync(
  {
    'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
    [manifest.icons.color]: readFileSync(join(SOURCE, manifest.icons.color)),
    [manifest.icons.outline]: readFileSync(join(SOURCE, manifest.icons.outline)),
  },
  { level: 9 },
);
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, zip);
process.stdout.write(`${relative(process.cwd(), OUT) || OUT}\n`);
