/**
 * Every repository of a bundle with each method call passed through `around`, the engines'
 * outage guards' one way in: they see the method's name and run it when they choose.
 * Properties that are not methods pass through untouched.
 */
export function aroundRepositoryCalls<R extends object>(
  repositories: R,
  around: (method: string, run: () => unknown) => unknown,
): R {
  const wrapped: Record<string, unknown> = {};
  for (const [name, repository] of Object.entries(repositories)) {
    wrapped[name] =
      typeof repository === 'object' && repository !== null
        ? new Proxy(repository, {
            get(target, property) {
              const value: unknown = Reflect.get(target, property, target);
              if (typeof value !== 'function' || typeof property !== 'string') return value;
              return (...args: unknown[]) => around(property, () => value.apply(target, args));
            },
          })
        : repository;
  }
  return wrapped as R;
}
