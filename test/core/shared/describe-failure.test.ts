import { describe, expect, it } from 'vitest';
import {
  describeFailure,
  STORE_UNREACHABLE_MAYBE_SAVED,
  STORE_UNREACHABLE_NOTHING_SAVED,
} from '../../../src/core/shared/describe-failure.js';
import { ErrorCode, ForbiddenError, ValidationError } from '../../../src/core/shared/errors.js';
import { StoreUnreachableError } from '../../../src/core/shared/store-unreachable.js';
import {
  journalingWrites,
  runWriteScope,
  WriteOutcomeUnknownError,
  writeOutcomeOf,
} from '../../../src/core/shared/write-outcome.js';

const ref = { referenceId: 'ABCD1234' };

describe('describeFailure: one decision for every surface', () => {
  it('gives a refusal its own words and fields, and promises nothing was saved', () => {
    const refused = describeFailure(new ValidationError({ contacts: 'Pick at least one contact.' }), {
      outcome: 'nothing-written',
      ...ref,
    });
    expect(refused).toEqual({
      kind: 'refused',
      code: ErrorCode.ValidationFailed,
      text: 'Pick at least one contact.',
      fieldErrors: { contacts: 'Pick at least one contact.' },
      saved: 'nothing',
    });
    expect(
      describeFailure(new ForbiddenError('Viewers cannot log.'), { outcome: 'unknown', ...ref }),
    ).toMatchObject({ kind: 'refused', code: ErrorCode.Forbidden, saved: 'nothing' });
  });

  it('says the database is unreachable and nothing was saved only when no write may have applied', () => {
    const outage = new StoreUnreachableError('unreachable', false);
    expect(describeFailure(outage, { outcome: 'nothing-written', ...ref })).toEqual({
      kind: 'store-unreachable',
      saved: 'nothing',
      text: STORE_UNREACHABLE_NOTHING_SAVED,
      referenceId: 'ABCD1234',
    });
    // Wrapped by the request's scope after a write had started: "may have been saved", and how to check.
    const wrapped = new WriteOutcomeUnknownError(new StoreUnreachableError('not-answering', true));
    expect(describeFailure(wrapped, { outcome: writeOutcomeOf(wrapped), ...ref })).toMatchObject({
      kind: 'store-unreachable',
      saved: 'maybe',
      text: STORE_UNREACHABLE_MAYBE_SAVED,
    });
  });

  it('says "did not go through" for our own failures only when nothing may have been written', () => {
    const failure = new Error('boom');
    expect(describeFailure(failure, { outcome: 'nothing-written', ...ref }).text).toContain(
      'did not go through. If it happens again, give this reference to your admin: ABCD1234',
    );
    const maybe = describeFailure(failure, { outcome: 'unknown', ...ref });
    expect(maybe).toMatchObject({ kind: 'unexpected', saved: 'maybe' });
    expect(maybe.text).toContain('may have been saved. Look at the timeline before you try again.');
    expect(maybe.text).not.toContain('did not go through');
  });
});

describe('the write journal under an outage', () => {
  const repositories = (write: () => Promise<void>) =>
    journalingWrites({ things: { insertOne: write, findOne: async () => null } });

  it('counts a write the store surely refused as nothing written', async () => {
    const repos = repositories(() => Promise.reject(new StoreUnreachableError('locked', false)));
    const failure = await runWriteScope(async () => {
      await repos.things.insertOne();
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreUnreachableError);
    expect(writeOutcomeOf(failure)).toBe('nothing-written');
  });

  it('counts a write cut off mid-way, or one that succeeded before a later failure, as maybe written', async () => {
    const cut = repositories(() => Promise.reject(new StoreUnreachableError('not-answering', true)));
    const cutFailure = await runWriteScope(async () => {
      await cut.things.insertOne();
    }).catch((error: unknown) => error);
    expect(writeOutcomeOf(cutFailure)).toBe('unknown');

    const saved = repositories(async () => {});
    const laterFailure = await runWriteScope(async () => {
      await saved.things.insertOne();
      throw new StoreUnreachableError('unreachable', false);
    }).catch((error: unknown) => error);
    expect(laterFailure).toBeInstanceOf(WriteOutcomeUnknownError);
    expect(writeOutcomeOf(laterFailure)).toBe('unknown');
  });

  it('counts a write still running when the request fails as maybe written', async () => {
    const repos = repositories(() => new Promise<void>(() => {}));
    const failure = await runWriteScope(async () => {
      void repos.things.insertOne();
      throw new StoreUnreachableError('not-answering', false);
    }).catch((error: unknown) => error);
    expect(writeOutcomeOf(failure)).toBe('unknown');
  });
});
