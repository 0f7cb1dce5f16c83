import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The import graph of src/: no circles (a circle makes load order matter and hides which module
 * owns a thing), and no arrow pointing up the layers. The layers, bottom to top:
 *   core (decides) → infra (ports' implementations) and adapters (Slack, Teams: parse, call the
 *   core, render) and http → app (the composition root) → cli and main.ts.
 * A layer imports its own files and the layers listed for it below, nothing else. Type-only
 * imports count too: a type names the module it comes from, and a circle of types is still a
 * circle a reader has to untangle.
 */
const SRC = resolve('src');

type Layer =
  | 'core'
  | 'infra'
  | 'adapters/shared'
  | 'adapters/slack'
  | 'adapters/teams'
  | 'http'
  | 'app'
  | 'cli'
  | 'main';

/** What each layer may import (besides itself). */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  core: [],
  infra: ['core'],
  'adapters/shared': ['core'],
  'adapters/slack': ['core', 'adapters/shared'],
  'adapters/teams': ['core', 'adapters/shared'],
  http: ['core'],
  app: ['core', 'infra', 'adapters/shared', 'adapters/slack', 'adapters/teams', 'http'],
  cli: ['core', 'infra', 'app'],
  main: ['core', 'infra', 'adapters/shared', 'adapters/slack', 'adapters/teams', 'http', 'app'],
};

/** The layer of a path relative to src/ (forward slashes). */
function layerOf(path: string): Layer {
  if (path === 'main.ts') return 'main';
  for (const layer of ['adapters/shared', 'adapters/slack', 'adapters/teams'] as const) {
    if (path.startsWith(`${layer}/`)) return layer;
  }
  const top = path.split('/')[0] ?? '';
  if (top === 'core' || top === 'infra' || top === 'http' || top === 'app' || top === 'cli') return top;
  throw new Error(`${path} is in no known layer of src/: add it to the import-graph test`);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * The src/ files one file names, as paths relative to src/: static imports, re-exports (types
 * included) and dynamic imports, read by the TypeScript compiler's own pre-processor rather than a
 * regex, so multi-line imports and comments cannot hide an arrow.
 */
function importsOf(file: string, source: string): string[] {
  const { importedFiles } = ts.preProcessFile(source, true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) =>
      relative(SRC, resolve(dirname(file), specifier))
        .split('\\')
        .join('/')
        .replace(/\.js$/, '.ts'),
    );
}

type Graph = ReadonlyMap<string, readonly string[]>;

/** Every circle in the graph, each once, as the path of files that closes it (Tarjan's components). */
function circlesIn(graph: Graph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];

  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      const selfLoop = (graph.get(node) ?? []).includes(node);
      if (component.length > 1 || selfLoop) components.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components;
}

/** Arrows from a file to one in a layer its own layer may not import. */
function upwardArrowsIn(graph: Graph): string[] {
  return [...graph].flatMap(([from, targets]) =>
    targets
      .filter((to) => {
        const source = layerOf(from);
        const target = layerOf(to);
        return source !== target && !MAY_IMPORT[source].includes(target);
      })
      .map((to) => `${from} → ${to} (${layerOf(from)} may not import ${layerOf(to)})`),
  );
}

const graph: Graph = new Map(
  sourceFiles(SRC).map((file) => [
    relative(SRC, file).split('\\').join('/'),
    importsOf(file, readFileSync(file, 'utf8')),
  ]),
);

describe('the import graph of src/', () => {
  it('reads the whole tree', () => {
    expect(graph.size).toBeGreaterThan(200);
    expect([...graph.values()].flat().length).toBeGreaterThan(500);
  });

  it('has no import circles', () => {
    expect(circlesIn(graph)).toEqual([]);
  });

  it('has no arrow pointing up the layers', () => {
    expect(upwardArrowsIn(graph)).toEqual([]);
  });

  it('names a file in no layer instead of letting it pass', () => {
    expect(() => layerOf('scripts/x.ts')).toThrow(/no known layer/);
  });
});

describe('the import-graph checks themselves', () => {
  it('read type imports, re-exports, dynamic and multi-line imports, and ignore packages', () => {
    const file = resolve('src/core/a/x.ts');
    const source = [
      "import type { A } from './a.js';",
      "export { B } from '../b/b.js';",
      'const c = await import("./c.js");',
      'import {',
      '  D,',
      "} from '../../infra/d.js';",
      "import { z } from 'zod';",
      "// import { e } from './commented-out.js';",
    ].join('\n');
    expect(importsOf(file, source)).toEqual(['core/a/a.ts', 'core/b/b.ts', 'core/a/c.ts', 'infra/d.ts']);
  });

  it('find a planted circle through three files, and a file importing itself', () => {
    const planted: Graph = new Map([
      ['core/a.ts', ['core/b.ts']],
      ['core/b.ts', ['core/c.ts', 'core/d.ts']],
      ['core/c.ts', ['core/a.ts']],
      ['core/d.ts', []],
      ['core/e.ts', ['core/e.ts']],
    ]);
    expect(circlesIn(planted)).toEqual([['core/a.ts', 'core/b.ts', 'core/c.ts'], ['core/e.ts']]);
    expect(
      circlesIn(new Map([...planted].filter(([file]) => file !== 'core/c.ts' && file !== 'core/e.ts'))),
    ).toEqual([]);
  });

  it('find planted upward arrows and let downward ones through', () => {
    const planted: Graph = new Map([
      ['core/a.ts', ['infra/b.ts', 'adapters/slack/c.ts', 'app/d.ts', 'http/e.ts']],
      ['infra/b.ts', ['core/a.ts', 'adapters/shared/f.ts', 'app/d.ts']],
      [
        'adapters/slack/c.ts',
        ['core/a.ts', 'adapters/shared/f.ts', 'adapters/teams/g.ts', 'infra/b.ts', 'app/d.ts'],
      ],
      ['adapters/shared/f.ts', []],
      ['adapters/teams/g.ts', []],
      ['app/d.ts', ['core/a.ts', 'infra/b.ts', 'adapters/slack/c.ts', 'http/e.ts']],
      ['http/e.ts', []],
    ]);
    expect(upwardArrowsIn(planted).map((arrow) => arrow.split(' (')[0])).toEqual([
      'core/a.ts → infra/b.ts',
      'core/a.ts → adapters/slack/c.ts',
      'core/a.ts → app/d.ts',
      'core/a.ts → http/e.ts',
      'infra/b.ts → adapters/shared/f.ts',
      'infra/b.ts → app/d.ts',
      'adapters/slack/c.ts → adapters/teams/g.ts',
      'adapters/slack/c.ts → infra/b.ts',
      'adapters/slack/c.ts → app/d.ts',
    ]);
  });
});
