import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CallbackId } from '../../../src/adapters/slack/ids.js';

const manifest = JSON.parse(readFileSync('manifests/slack/manifest.json', 'utf8')) as {
  features: { shortcuts: { type: string; callback_id: string }[] };
};

describe('the shortcuts in the Slack manifest', () => {
  it('use the callback ids the app listens for', () => {
    const byType = Object.fromEntries(manifest.features.shortcuts.map((s) => [s.type, s.callback_id]));
    expect(byType).toEqual({ global: CallbackId.logShortcut, message: CallbackId.logMessageShortcut });
  });
});
