// Lets a child process run the TypeScript sources with Node's type stripping: the sources
// import './x.js' (NodeNext), which exists only as './x.ts' before a build.
import { register } from 'node:module';

const hooks = `
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (specifier.startsWith('.') && specifier.endsWith('.js')) {
      return next(specifier.slice(0, -3) + '.ts', context);
    }
    throw error;
  }
}
`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
