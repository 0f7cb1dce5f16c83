import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

/** The composition root: the only code that picks an engine (and so may name one). */
const COMPOSITION_ROOT = ['app/', 'main.ts'];

/**
 * Each engine's packages, and where they may be imported: the engine's own folder and the
 * composition root. agenda is MongoDB's job runner, so it lives with the job definitions.
 */
const ENGINE_PACKAGES: { engine: string; packages: (name: string) => boolean; home: string[] }[] = [
  {
    engine: 'MongoDB',
    packages: (name) =>
      name === 'mongoose' || name === 'mongodb' || name === 'agenda' || name.startsWith('@agendajs/'),
    home: ['infra/mongo/', 'infra/jobs/', ...COMPOSITION_ROOT],
  },
  {
    engine: 'SQLite',
    packages: (name) => name === 'node:sqlite',
    home: ['infra/sqlite/', ...COMPOSITION_ROOT],
  },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every module a file names: static imports and re-exports (types too), dynamic imports, require. */
function importsOf(source: string): string[] {
  const pattern =
    /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/gm;
  return [...source.matchAll(pattern)].map((match) => match[1] ?? match[2] ?? match[3] ?? match[4] ?? '');
}

function packageOf(specifier: string): string {
  if (specifier.startsWith('node:')) return specifier;
  if (specifier.startsWith('@')) return specifier.split('/').slice(0, 2).join('/');
  return specifier.split('/')[0] ?? specifier;
}

/** The engine packages `file` (a path under src/) imports outside their allowed folders. */
function misplacedImports(path: string, imports: string[]): string[] {
  return imports.filter((specifier) =>
    ENGINE_PACKAGES.some(
      ({ packages, home }) =>
        packages(packageOf(specifier)) && !home.some((allowed) => path.startsWith(allowed)),
    ),
  );
}

describe('storage boundary', () => {
  const files = sourceFiles(SRC).map((file) => [relative(SRC, file).split('\\').join('/'), file] as const);

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(files)(
    'src/%s imports a storage engine only in that engine’s folder or the composition root',
    (path, file) => {
      expect(misplacedImports(path, importsOf(readFileSync(file, 'utf8')))).toEqual([]);
    },
  );

  it('detects a misplaced engine import (the scanner itself works)', () => {
    const source = [
      "import type { Connection } from 'mongoose';",
      "import { ObjectId } from 'mongodb';",
      "import { Agenda } from 'agenda';",
      "import { MongoBackend } from '@agendajs/mongo-backend';",
      "import { DatabaseSync } from 'node:sqlite';",
      "const lazy = await import('node:sqlite');",
      "import { z } from 'zod';",
    ].join('\n');
    const imports = importsOf(source);
    expect(misplacedImports('adapters/slack/app.ts', imports)).toEqual([
      'mongoose',
      'mongodb',
      'agenda',
      '@agendajs/mongo-backend',
      'node:sqlite',
      'node:sqlite',
    ]);
    expect(misplacedImports('infra/sqlite/database.ts', imports)).toEqual([
      'mongoose',
      'mongodb',
      'agenda',
      '@agendajs/mongo-backend',
    ]);
    expect(misplacedImports('infra/jobs/agenda.ts', imports)).toEqual(['node:sqlite', 'node:sqlite']);
    expect(misplacedImports('app/open-scheduling.ts', imports)).toEqual([]);
    expect(misplacedImports('main.ts', imports)).toEqual([]);
    // A folder whose name only starts like an allowed one is not it.
    expect(misplacedImports('infra/mongo-tools/x.ts', ["import 'mongoose';"].flatMap(importsOf))).toEqual([
      'mongoose',
    ]);
  });
});
