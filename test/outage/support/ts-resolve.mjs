// Lets `node src/main.ts` run from the sources in a test, as `npm start` runs the build: a
// missing './x.js' is looked up as the './x.ts' beside it, and .ts files are transpiled with
// the project's TypeScript (Node's own type stripping refuses parameter properties).
import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (error) {
      const relative =
        specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('file:');
      if (error?.code === 'ERR_MODULE_NOT_FOUND' && relative && specifier.endsWith('.js')) {
        return next(`${specifier.slice(0, -3)}.ts`, context);
      }
      throw error;
    }
  },
  load(url, context, next) {
    if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
    const source = readFileSync(fileURLToPath(url), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      fileName: fileURLToPath(url),
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023 },
    });
    return { format: 'module', source: outputText, shortCircuit: true };
  },
});
