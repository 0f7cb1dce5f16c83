import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { BOT_COMMANDS, MessageExtensionCommand } from '../../src/adapters/teams/ids.js';

const MANIFEST_PATH = 'manifests/teams/manifest.json';
const manifestJson = readFileSync(MANIFEST_PATH, 'utf8');

/** The parts of the manifest these tests read. */
interface ManifestShape {
  $schema: string;
  manifestVersion: string;
  icons: { color: string; outline: string };
  bots: { botId: string; commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
  composeExtensions: { botId: string; commands: { id: string; type: string; title: string }[] }[];
  validDomains: string[];
}
const manifest: ManifestShape = JSON.parse(manifestJson);

/**
 * The schema file @microsoft/app-manifest bundles for a Teams `$schema` URL. Passing it to
 * validateAgainstSchema explicitly keeps validation offline: without a schema argument the
 * package fetches `$schema` over the network whenever it has no local copy of that version.
 */
function bundledSchemaPath(schemaUrl: string): string {
  const version = /\/json-schemas\/teams\/(v[^/]+)\/MicrosoftTeams\.schema\.json$/.exec(schemaUrl)?.[1];
  if (!version) throw new Error(`not a Teams manifest schema URL: ${schemaUrl}`);
  const packageDir = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest'));
  return join(packageDir, 'json-schemas', 'teams', version, 'MicrosoftTeams.schema.json');
}

const schema = JSON.parse(readFileSync(bundledSchemaPath(manifest.$schema), 'utf8'));

/** The parsed JSON as the package script sees it (the typed converter throws on broken shapes). */
function validate(json: string): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(JSON.parse(json), schema);
}

/** A structured copy of the committed manifest for a test to break. */
function brokenCopy(): ManifestShape & Record<string, unknown> {
  return structuredClone(manifest) as ManifestShape & Record<string, unknown>;
}

interface Png {
  width: number;
  height: number;
  colorType: number;
  /** RGBA rows, only filled in for 8-bit RGBA images. */
  rgba: Uint8Array;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** A small PNG reader: IHDR, and for 8-bit RGBA (non-interlaced) the unfiltered pixels. */
function readPng(path: string): Png {
  const bytes = readFileSync(path);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const bitDepth = bytes[24];
  const colorType = bytes[25] ?? -1;
  const interlace = bytes[28];
  const idat: Buffer[] = [];
  for (let offset = 8; offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    if (bytes.toString('ascii', offset + 4, offset + 8) === 'IDAT') {
      idat.push(bytes.subarray(offset + 8, offset + 8 + length));
    }
    offset += 12 + length;
  }
  const rgba = new Uint8Array(width * height * 4);
  if (colorType !== 6 || bitDepth !== 8 || interlace !== 0) return { width, height, colorType, rgba };
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= 4 ? (rgba[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (rgba[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= 4 && y > 0 ? (rgba[(y - 1) * stride + x - 4] ?? 0) : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter ?? 0] ?? 0;
      rgba[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, colorType, rgba };
}

describe('Teams app manifest', () => {
  it('is valid, offline, against the Teams v1.25 schema it names', async () => {
    expect(manifest.$schema).toBe(
      'https://developer.microsoft.com/en-us/json-schemas/teams/v1.25/MicrosoftTeams.schema.json',
    );
    expect(manifest.manifestVersion).toBe('1.25');
    expect(existsSync(bundledSchemaPath(manifest.$schema))).toBe(true);
    const errors = await validate(manifestJson);
    expect(errors, errors.join('\n')).toEqual([]);
  });

  it('is reported invalid without a bot id', async () => {
    const broken = brokenCopy();
    const bot: Partial<ManifestShape['bots'][number]> | undefined = broken.bots[0];
    if (bot) delete bot.botId;
    const errors = await validate(JSON.stringify(broken));
    expect(errors.join('\n')).toMatch(/\/bots\/0 must have required property 'botId'/);
  });

  it('is reported invalid with a manifest version the schema does not describe', async () => {
    const broken = brokenCopy();
    broken.manifestVersion = '1.99';
    const errors = await validate(JSON.stringify(broken));
    expect(errors.join('\n')).toMatch(/\/manifestVersion must be equal to constant/);
  });

  it('is reported invalid with a bad accent colour or an over-long command title', async () => {
    const broken = brokenCopy();
    broken.accentColor = 'blue';
    const command = broken.composeExtensions[0]?.commands[0];
    if (command) command.title = 'A message extension title far longer than Teams allows';
    const errors = await validate(JSON.stringify(broken));
    expect(errors.join('\n')).toMatch(/accentColor/);
    expect(errors.join('\n')).toMatch(/title/);
  });

  it('declares the bot commands and message extension commands the adapter handles', () => {
    const [bot] = manifest.bots;
    expect(bot?.commandLists).toHaveLength(1);
    const [list] = bot?.commandLists ?? [];
    expect(list?.scopes.slice().sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(list?.commands.length).toBeLessThanOrEqual(12);
    expect(list?.commands.map((c) => c.title)).toEqual([...BOT_COMMANDS]);
    expect(list?.commands.map((c) => c.title)).toEqual([
      'help',
      'log',
      'timeline',
      'list',
      'export',
      'report',
      'followups',
      'contact',
      'settings',
    ]);
    const [extension] = manifest.composeExtensions;
    expect(extension?.commands.length).toBeLessThanOrEqual(10);
    expect(extension?.commands.map((c) => [c.id, c.type])).toEqual([
      [MessageExtensionCommand.findContact, 'query'],
      [MessageExtensionCommand.logInteraction, 'action'],
    ]);
    expect(extension?.botId).toBe(bot?.botId);
    expect(bot?.botId).toBe('00000000-0000-0000-0000-000000000000');
  });

  it('ships a 192×192 colour icon and a 32×32 white-on-transparent outline icon', () => {
    const color = readPng(`manifests/teams/${manifest.icons.color}`);
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = readPng(`manifests/teams/${manifest.icons.outline}`);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.colorType).toBe(6);
    let opaque = 0;
    let transparent = 0;
    const notWhite: number[] = [];
    for (let i = 0; i < outline.rgba.length; i += 4) {
      const alpha = outline.rgba[i + 3] ?? 0;
      if (alpha === 0) {
        transparent++;
        continue;
      }
      opaque++;
      if (outline.rgba[i] !== 255 || outline.rgba[i + 1] !== 255 || outline.rgba[i + 2] !== 255) {
        notWhite.push(i / 4);
      }
    }
    expect(notWhite, `pixels that are visible but not white: ${notWhite.join(', ')}`).toEqual([]);
    expect(opaque).toBeGreaterThan(0);
    expect(transparent).toBeGreaterThan(0);
  });
});

describe('npm run package:teams', () => {
  const clientId = '3f1c2b4a-9d8e-4f7a-b6c5-1a2b3c4d5e6f';
  const scratch = mkdtempSync(join(tmpdir(), 'il-teams-package-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  /** A copy of manifests/teams with the manifest replaced, for the script to refuse. */
  function sourceWith(name: string, broken: unknown): string {
    const dir = join(scratch, name);
    cpSync('manifests/teams', dir, { recursive: true });
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(broken, null, 2));
    return dir;
  }

  function runPackage(args: string[], env: Record<string, string>) {
    return spawnSync(process.execPath, ['scripts/package-teams.mjs', ...args], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
  }

  it('is the package:teams npm script', () => {
    const pkg: { scripts: Record<string, string> } = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.scripts['package:teams']).toBe('node scripts/package-teams.mjs');
  });

  it('zips the manifest and both icons, with the bot id and host from the environment', () => {
    const out = execFileSync(process.execPath, ['scripts/package-teams.mjs'], {
      env: { ...process.env, TEAMS_CLIENT_ID: clientId, TEAMS_APP_HOST: 'bot.contoso.test' },
      encoding: 'utf8',
    });
    const zipPath = out.trim();
    expect(zipPath).toMatch(/dist\/teams\/interaction-log-teams\.zip$/);
    const entries = unzipSync(readFileSync(zipPath));
    expect(Object.keys(entries).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const packed: ManifestShape = JSON.parse(strFromU8(entries['manifest.json'] ?? new Uint8Array()));
    expect(packed.bots[0]?.botId).toBe(clientId);
    expect(packed.composeExtensions[0]?.botId).toBe(clientId);
    expect(packed.validDomains).toContain('bot.contoso.test');
    expect(JSON.stringify(packed)).not.toMatch(
      /your-host\.example\.com|00000000-0000-0000-0000-000000000000/,
    );
    expect(Buffer.from(entries['color.png'] ?? [])).toEqual(readFileSync('manifests/teams/color.png'));
    expect(Buffer.from(entries['outline.png'] ?? [])).toEqual(readFileSync('manifests/teams/outline.png'));
  });

  it('refuses a TEAMS_CLIENT_ID that is not a GUID', () => {
    const run = runPackage([], { TEAMS_CLIENT_ID: 'not-a-guid' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/TEAMS_CLIENT_ID/);
  });

  it('exits non-zero and lists the errors for an invalid manifest', () => {
    const broken = brokenCopy();
    const bot: Partial<ManifestShape['bots'][number]> | undefined = broken.bots[0];
    if (bot) delete bot.botId;
    const run = runPackage([sourceWith('no-bot-id', broken)], { TEAMS_CLIENT_ID: clientId });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/is not a valid Teams manifest/);
    expect(run.stderr).toMatch(/botId/);
  });

  it('refuses a $schema version it has no bundled copy of, instead of fetching it', () => {
    const broken = brokenCopy();
    broken.$schema = 'https://developer.microsoft.com/json-schemas/teams/v1.99/MicrosoftTeams.schema.json';
    const run = runPackage([sourceWith('unknown-schema', broken)], { TEAMS_CLIENT_ID: clientId });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/bundles no schema for v1\.99/);
  });
});
