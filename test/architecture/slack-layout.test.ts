import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The Slack adapter's layout, as in Bolt's starter template, so a newcomer finds a handler by
 * where Slack sends the request:
 * - `listeners/index.ts` wires every surface; `listeners/<surface>/index.ts` only registers ids
 *   to handlers: it imports its own folder, `listeners/support/`, `listeners/deps.ts` and
 *   `ids.ts`, and does nothing itself (no ack, no client or respond call, no core call);
 * - `listeners/<surface>/<feature>.ts` holds the handlers of one feature, `listeners/support/`
 *   what several handlers share;
 * - `blocks/` holds the pure Block Kit builders: data in, blocks or views out. They import no
 *   listener, no middleware, no notifier, not the Bolt app, and no Bolt or Web API runtime;
 * - the folders that mixed handlers and builders (`modals/`, `results/`, `views/`) are gone.
 */
const SLACK = resolve('src/adapters/slack');
const LISTENERS = join(SLACK, 'listeners');

/** Paths relative to src/adapters/slack, forward slashes. */
const rel = (path: string) => relative(SLACK, path).split('\\').join('/');

interface ImportOf {
  /** Relative specifiers resolved against src/adapters/slack (with .ts); packages as written. */
  target: string;
  typeOnly: boolean;
}

/**
 * Every import, re-export and dynamic import of a file, read with TypeScript's parser. An
 * import is type-only when the whole statement is (`import type`) or every name in it is.
 */
function importsOf(path: string, source: string): ImportOf[] {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true);
  const found: ImportOf[] = [];
  const add = (specifier: string, typeOnly: boolean) => {
    const target = specifier.startsWith('.')
      ? posix.normalize(posix.join(posix.dirname(path), specifier)).replace(/\.js$/, '.ts')
      : specifier;
    found.push({ target, typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named =
        clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings : undefined;
      const everyNameTyped =
        named !== undefined && !clause?.name && named.elements.every((element) => element.isTypeOnly);
      add(node.moduleSpecifier.text, Boolean(clause?.isTypeOnly) || everyNameTyped);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node.arguments[0].text, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** What a surface's index.ts may not do: anything but register. */
const HANDLER_WORK: readonly [RegExp, string][] = [
  [/\bclient\./, 'calls the Web API client'],
  [/\brespond\(/, 'responds'],
  [/\back\(/, 'acks'],
  [/\bsay\(/, 'says'],
  [/\.container\b/, 'calls the core'],
  [/\bawait\b/, 'awaits work'],
];

/** Problems in `listeners/<surface>/index.ts` (path relative to src/adapters/slack). */
function surfaceIndexProblems(path: string, source: string): string[] {
  const surface = posix.dirname(path);
  const problems = importsOf(path, source).flatMap(({ target, typeOnly }) => {
    if (!target.endsWith('.ts')) {
      return target === '@slack/bolt' && typeOnly ? [] : [`${path} imports ${target}`];
    }
    const allowed =
      target.startsWith(`${surface}/`) ||
      target.startsWith('listeners/support/') ||
      target === 'listeners/deps.ts' ||
      target === 'ids.ts';
    return allowed ? [] : [`${path} imports ${target}: a surface's index only registers its own handlers`];
  });
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest);
  const code = file.statements
    .filter((statement) => !ts.isImportDeclaration(statement))
    .map((statement) => statement.getText(file))
    .join('\n');
  for (const [pattern, what] of HANDLER_WORK) {
    if (pattern.test(code)) problems.push(`${path} ${what}: that belongs in a handler beside it`);
  }
  return problems;
}

/** Problems in a `blocks/` builder (path relative to src/adapters/slack). */
function builderProblems(path: string, source: string): string[] {
  return importsOf(path, source).flatMap(({ target, typeOnly }) => {
    const upward = ['listeners/', 'middleware/', 'notifiers/'].some((folder) => target.startsWith(folder));
    if (upward || target === 'app.ts')
      return [`${path} imports ${target}: a builder takes data, it does not handle`];
    if ((target === '@slack/bolt' || target === '@slack/web-api') && !typeOnly) {
      return [`${path} imports ${target} at run time: a builder does no I/O`];
    }
    return [];
  });
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const surfaces = readdirSync(LISTENERS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'support')
  .map((entry) => entry.name);

describe('the Slack adapter layout', () => {
  it('has the six surfaces of Bolt, each with an index.ts', () => {
    expect(surfaces.sort()).toEqual(['actions', 'commands', 'events', 'options', 'shortcuts', 'views']);
    for (const surface of surfaces) expect(existsSync(join(LISTENERS, surface, 'index.ts'))).toBe(true);
  });

  it('wires every surface from listeners/index.ts', () => {
    const path = join(LISTENERS, 'index.ts');
    const targets = importsOf(rel(path), readFileSync(path, 'utf8')).map(({ target }) => target);
    for (const surface of surfaces) expect(targets).toContain(`listeners/${surface}/index.ts`);
  });

  it("keeps every surface's index.ts to registering ids to handlers", () => {
    const problems = surfaces.flatMap((surface) => {
      const path = join(LISTENERS, surface, 'index.ts');
      return surfaceIndexProblems(rel(path), readFileSync(path, 'utf8'));
    });
    expect(problems).toEqual([]);
  });

  it("keeps each surface's handlers to their own surface: what two surfaces share is in support/", () => {
    const problems = surfaces.flatMap((surface) =>
      tsFiles(join(LISTENERS, surface)).flatMap((file) =>
        importsOf(rel(file), readFileSync(file, 'utf8'))
          .map(({ target }) => target)
          .filter((target) =>
            surfaces.some((other) => other !== surface && target.startsWith(`listeners/${other}/`)),
          )
          .map((target) => `${rel(file)} imports ${target}`),
      ),
    );
    expect(problems).toEqual([]);
  });

  it('keeps blocks/ pure: no listener, middleware, notifier, app or Slack runtime import', () => {
    const files = tsFiles(join(SLACK, 'blocks'));
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap((file) => builderProblems(rel(file), readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('has no modals/, results/ or views/ folder beside listeners/ and blocks/', () => {
    for (const gone of ['modals', 'results', 'views']) expect(existsSync(join(SLACK, gone))).toBe(false);
  });
});

describe('the Slack layout checks themselves', () => {
  it('find a surface index that acks, calls the core or imports a builder', () => {
    const planted = [
      "import type { App } from '@slack/bolt';",
      "import { timelineToBlocks } from '../../blocks/timeline-blocks.js';",
      "import { ActionId } from '../../ids.js';",
      "import type { SlackDeps } from '../deps.js';",
      "import { onPage } from './paging.js';",
      "import { claimSubmission } from '../support/view-claims.js';",
      'export function registerActionListeners(app: App, deps: SlackDeps): void {',
      '  app.action(ActionId.listOlder, async ({ ack, client }) => {',
      '    await ack();',
      '    await deps.container.interactions.list();',
      "    await client.chat.postMessage({ channel: 'x' });",
      '  });',
      '}',
    ].join('\n');
    expect(surfaceIndexProblems('listeners/actions/index.ts', planted).map((p) => p.split(':')[0])).toEqual([
      'listeners/actions/index.ts imports blocks/timeline-blocks.ts',
      'listeners/actions/index.ts calls the Web API client',
      'listeners/actions/index.ts acks',
      'listeners/actions/index.ts calls the core',
      'listeners/actions/index.ts awaits work',
    ]);
  });

  it('let a surface index through that only registers', () => {
    const clean = [
      "import type { App, BlockAction, ButtonAction } from '@slack/bolt';",
      "import { ActionId } from '../../ids.js';",
      "import type { SlackDeps } from '../deps.js';",
      "import { onPage } from './paging.js';",
      'export function registerActionListeners(app: App, deps: SlackDeps): void {',
      "  app.action<BlockAction<ButtonAction>>(ActionId.listOlder, (args) => onPage('older')(args, deps));",
      '}',
    ].join('\n');
    expect(surfaceIndexProblems('listeners/actions/index.ts', clean)).toEqual([]);
    expect(
      surfaceIndexProblems('listeners/actions/index.ts', "import { App } from '@slack/bolt';\n"),
    ).toEqual(['listeners/actions/index.ts imports @slack/bolt']);
  });

  it('find a builder reaching a listener, middleware or the Slack runtime, types included', () => {
    const planted = [
      "import type { SlackDeps } from '../listeners/deps.js';",
      "import { tenantOf } from '../middleware/tenant.js';",
      "import { App } from '@slack/bolt';",
      "import { WebClient } from '@slack/web-api';",
      "import type { RespondFn } from '@slack/bolt';",
      "import { type KnownBlock } from '@slack/types';",
      "import { section } from './block-kit.js';",
      "export { x } from '../notifiers/slack-errors.js';",
    ].join('\n');
    expect(builderProblems('blocks/x.ts', planted).map((p) => p.split(':')[0])).toEqual([
      'blocks/x.ts imports listeners/deps.ts',
      'blocks/x.ts imports middleware/tenant.ts',
      'blocks/x.ts imports @slack/bolt at run time',
      'blocks/x.ts imports @slack/web-api at run time',
      'blocks/x.ts imports notifiers/slack-errors.ts',
    ]);
  });
});
