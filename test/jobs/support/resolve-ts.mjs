// Lets a child process run the TypeScript sources with Node's type stripping: the sources
// import './x.js' (NodeNext), which exists only as './x.ts' before a build. registerHooks is
// the in-thread hook API of Node 22.15+ (module.register is on its way out).
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (specifier.startsWith('.') && specifier.endsWith('.js')) {
        return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
      }
      throw error;
    }
  },
});
