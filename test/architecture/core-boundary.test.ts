import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = resolve('src/core');
/** The core may use only these packages: no Slack, Teams, mongoose, mongodb, agenda, pino or CSV. */
const ALLOWED_PACKAGES = new Set(['zod', 'date-fns', '@date-fns/tz']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function importsOf(source: string): string[] {
  const pattern =
    /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;
  return [...source.matchAll(pattern)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
}

function allowedInCore(file: string, specifier: string): boolean {
  if (specifier.startsWith('node:')) return true;
  if (specifier.startsWith('.')) return resolve(join(file, '..'), specifier).startsWith(CORE);
  const packageName = specifier.startsWith('@')
    ? specifier.split('/').slice(0, 2).join('/')
    : specifier.split('/')[0]!;
  return ALLOWED_PACKAGES.has(packageName);
}

const TEAMS = resolve('src/adapters/teams');
const SLACK = resolve('src/adapters/slack');

describe('core boundary', () => {
  const files = sourceFiles(CORE);

  it('finds the core sources', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((file) => [relative(CORE, file), file]))(
    '%s imports nothing platform- or storage-specific',
    (_name, file) => {
      const offending = importsOf(readFileSync(file, 'utf8')).filter(
        (specifier) => !allowedInCore(file, specifier),
      );
      expect(offending).toEqual([]);
    },
  );

  it('detects a forbidden import (the scanner itself works)', () => {
    expect(importsOf("import { App } from '@slack/bolt';\nimport x from 'mongoose';")).toEqual([
      '@slack/bolt',
      'mongoose',
    ]);
    const coreFile = join(CORE, 'x.ts');
    for (const specifier of [
      '@slack/bolt',
      '@microsoft/teams.apps',
      '@microsoft/teams.cards',
      'mongoose',
      'agenda',
    ]) {
      expect(allowedInCore(coreFile, specifier), specifier).toBe(false);
    }
    expect(allowedInCore(coreFile, 'zod')).toBe(true);
  });
});

describe('adapter boundary', () => {
  it.each(sourceFiles(TEAMS).map((file) => [relative(TEAMS, file), file]))(
    'teams/%s imports nothing from the Slack adapter (shared logic lives in the core)',
    (_name, file) => {
      const fromSlack = importsOf(readFileSync(file, 'utf8')).filter(
        (specifier) =>
          specifier.startsWith('@slack/') ||
          (specifier.startsWith('.') && resolve(join(file, '..'), specifier).startsWith(SLACK)),
      );
      expect(fromSlack).toEqual([]);
    },
  );
});
