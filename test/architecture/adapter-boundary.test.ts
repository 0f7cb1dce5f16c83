import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Storage sits behind ports: the Slack and Teams adapters (and the HTTP routes) parse, call a
 * core use case and render. They never import the store or its repositories, and never reach
 * the store through the container; only the composition root (src/app, main.ts, the CLI) does.
 */
const ADAPTERS = [resolve('src/adapters'), resolve('src/http')];
const INFRA = resolve('src/infra');
const APP = resolve('src/app');

/** How an adapter could still reach the store: the container's old fields, or the root's accessor. */
const STORE_ACCESS = /\.(?:repositories|storage|database|connection)\b|\bstorageOf\b/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

interface ImportLine {
  specifier: string;
  typeOnly: boolean;
}

/** Static and dynamic imports and re-exports, with whether they import types only. */
function importLinesOf(source: string): ImportLine[] {
  const pattern =
    /(import|export)(\s+type)?\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;
  return [...source.matchAll(pattern)].map((match) => ({
    specifier: match[3] ?? match[4] ?? match[5] ?? '',
    typeOnly: match[2] !== undefined,
  }));
}

/** What is wrong with one import of `file`, or undefined when it is allowed. */
function boundaryBreach(file: string, line: ImportLine): string | undefined {
  if (!line.specifier.startsWith('.')) return undefined;
  const target = resolve(join(file, '..'), line.specifier).replace(/\.js$/, '.ts');
  // Types too: an adapter names the core's UseCases and its own settings types, so nothing it
  // compiles against moves when the store or the config module changes.
  if (target.startsWith(INFRA)) {
    return `imports ${relative(resolve('.'), target)} (storage and other infrastructure come through use cases)`;
  }
  if (target.startsWith(APP)) {
    return `imports ${relative(resolve('.'), target)} (adapters see the core's UseCases, not the composition root)`;
  }
  return undefined;
}

/** Lines that reach the store by name, comments aside. */
function storeAccessIn(source: string): string[] {
  return source
    .split('\n')
    .map((text) => text.replace(/\/\/.*$/, ''))
    .filter((text) => !/^\s*\*/.test(text) && STORE_ACCESS.test(text))
    .map((text) => text.trim());
}

const files = ADAPTERS.flatMap(sourceFiles);

describe('adapters reach storage only through use cases', () => {
  it('finds the adapter sources', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(files.map((file) => [relative(resolve('src'), file), file]))(
    '%s imports nothing from infra or the composition root',
    (_name, file) => {
      const breaches = importLinesOf(readFileSync(file, 'utf8')).flatMap(
        (line) => boundaryBreach(file, line) ?? [],
      );
      expect(breaches).toEqual([]);
    },
  );

  it.each(files.map((file) => [relative(resolve('src'), file), file]))(
    '%s never touches the repositories or the store of the container',
    (_name, file) => {
      expect(storeAccessIn(readFileSync(file, 'utf8'))).toEqual([]);
    },
  );

  it('detects the breaches it is there for (the scanner itself works)', () => {
    const file = resolve('src/adapters/slack/modals/x.ts');
    const imports = importLinesOf(
      [
        "import { MongoClaimRepository } from '../../../infra/mongo/repositories/claim-audit.repository.js';",
        "import type { AppConfig } from '../../../infra/config/env.js';",
        "import { loadConfig } from '../../../infra/config/env.js';",
        "import { storageOf } from '../../../app/container.js';",
        "import type { Container } from '../../../app/container.js';",
      ].join('\n'),
    );
    expect(imports.map((line) => boundaryBreach(file, line) !== undefined)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(boundaryBreach(file, { specifier: '../../../core/use-cases.js', typeOnly: true })).toBeUndefined();
    expect(
      storeAccessIn(
        [
          'const { claims } = deps.container.repositories;',
          'const refs = container.storage.conversationRefs;',
          'const store = storageOf(container);',
          '// container.repositories is gone',
          'await deps.container.exactlyOnce.claim(actor, scope, key);',
        ].join('\n'),
      ),
    ).toHaveLength(3);
  });
});
