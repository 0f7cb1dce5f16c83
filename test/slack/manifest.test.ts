import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../../src/adapters/slack/scopes.js';

const schema: object = JSON.parse(
  readFileSync('test/slack/schemas/slack-manifest.schema.1.0.0.json', 'utf8'),
);
const manifest = JSON.parse(readFileSync('manifests/slack/manifest.json', 'utf8'));

function validator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

describe('Slack app manifest', () => {
  it("is valid against Slack's own manifest schema", () => {
    const validate = validator();
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
  });

  it('is rejected by the schema when broken (the check has teeth)', () => {
    const validate = validator();
    const broken = structuredClone(manifest);
    broken.display_information.name = '';
    broken.features.shortcuts[0].name = 'A shortcut name far longer than Slack allows';
    expect(validate(broken)).toBe(false);
  });

  it('asks for exactly the bot scopes the code uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
  });

  it('declares the /interaction command and the App Home', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([
      '/interaction',
    ]);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });
});
