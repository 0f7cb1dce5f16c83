import type { PlainTextOption } from '@slack/types';
import { isDomainError } from '../../../../core/shared/errors.js';
import type { SlackDeps } from '../deps.js';
import { beforeDeadline, timedAckDeadline } from '../support/ack-deadline.js';

/**
 * Answers a search-as-you-type request exactly once, within Slack's 3 seconds. A search still
 * running at the deadline (a database that is not answering) gets no options now and its late
 * result is dropped: acking again would answer a request already answered. A failed search is
 * logged, never turned into a message: it is a read, the person's form is untouched, and a
 * "did not go through" arriving later reads as if what they had submitted had failed.
 */
export async function answerSuggestionsOnce<T>(
  ack: (answer: { options: PlainTextOption[] }) => Promise<void>,
  search: Promise<T>,
  render: (found: T) => PlainTextOption[],
  deps: SlackDeps,
  context: { teamId?: string; picker: string },
): Promise<void> {
  const { logger } = deps.container;
  const raced = await beforeDeadline(search, deps.suggestionDeadline ?? timedAckDeadline());
  if (raced.kind === 'done') {
    await ack({ options: render(raced.value) });
    return;
  }
  if (raced.kind === 'late') {
    logger.warn('A search outlived the answer deadline; answered with no options', context);
    search.catch((error: unknown) => {
      logger.warn('A search answered too late failed', { ...context, error: String(error) });
    });
  } else if (!isDomainError(raced.error)) {
    logger.error('A search failed; answered with no options', {
      ...context,
      error: raced.error instanceof Error ? raced.error.message : String(raced.error),
    });
  }
  // Text the search refuses (too long) gets no options rather than an error, too.
  await ack({ options: [] });
}
