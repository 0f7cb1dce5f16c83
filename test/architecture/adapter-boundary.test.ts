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

/**
 * Type-only imports from infra an adapter may have. Each needs a reason; nothing that runs.
 * - config/env.ts: the composition root hands each adapter its already parsed settings.
 */
const INFRA_TYPE_ALLOW_LIST = new Set([join(INFRA, 'config/env.ts')]);

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
  if (target.startsWith(INFRA)) {
    if (line.typeOnly && INFRA_TYPE_ALLOW_LIST.has(target)) return undefined;
    return `imports ${relative(resolve('.'), target)} (storage and other infrastructure come through use cases)`;
  }
  if (target.startsWith(APP) && !line.typeOnly) {
    return `imports values from ${relative(resolve('.'), target)} (only the Container type may be used)`;
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
    '%s imports nothing from infra and no values from the composition root',
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
      false,
      true,
      true,
      false,
    ]);
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
