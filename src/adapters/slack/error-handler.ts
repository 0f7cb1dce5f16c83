import type { AnyMiddlewareArgs, CodedError, Context } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../core/shared/ports.js';
import { writeOutcomeOf } from '../../core/shared/write-outcome.js';
import { describeForSlack, slackFailureText } from './errors.js';

type Body = AnyMiddlewareArgs['body'];

/** Bolt's extended error handler arguments (the type itself is not exported by @slack/bolt). */
interface ErrorHandlerArgs {
  error: CodedError;
  body: Body;
  context: Context;
}

function text(source: unknown, ...path: string[]): string | undefined {
  let node = source;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || !(key in node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * The one global sink for errors a listener did not handle. Domain errors the user caused get
 * their specific message; anything else is logged with context (never tokens) and the user
 * hears back with a reference id that is also in the log line.
 */
export function createGlobalErrorHandler(
  logger: Logger,
  clientForToken: (botToken: string) => WebClient,
  /**
   * When authorization itself failed (Slack refused auth.test, the installation could not be
   * read), the context has no token and no user: the request's own workspace token and user
   * are the only way left to tell someone whose shortcut has no response_url.
   */
  clientForRequest: (body: unknown) => Promise<WebClient | undefined> = async () => undefined,
) {
  return async ({ error, body, context }: ErrorHandlerArgs): Promise<void> => {
    const cause = 'original' in error && error.original instanceof Error ? error.original : error;
    const description = describeForSlack(cause, writeOutcomeOf(cause));
    const message = slackFailureText(description);
    if (description.kind === 'refused') {
      logger.info('Request refused', {
        code: description.code,
        teamId: context.teamId,
        userId: context.userId,
      });
    } else {
      const details = {
        referenceId: description.referenceId,
        saved: description.saved,
        errorCode: error.code,
        error: cause.message,
        stack: cause.stack,
        teamId: context.teamId,
        enterpriseId: context.enterpriseId,
        userId: context.userId,
        requestType: requestTypeOf(body),
      };
      if (description.kind === 'store-unreachable') logger.warn('The store is unreachable', details);
      else logger.error('Unhandled error in a Slack listener', details);
    }
    const userId = context.userId ?? text(body, 'user', 'id') ?? text(body, 'user_id');
    await tellUser(body, userId, message, () => clientOf(context, body), logger);
  };
  async function clientOf(context: Context, body: Body): Promise<WebClient | undefined> {
    if (typeof context.botToken === 'string') return clientForToken(context.botToken);
    return clientForRequest(body);
  }
}

export function requestTypeOf(body: Body): string | undefined {
  return text(body, 'type') ?? text(body, 'command') ?? text(body, 'event', 'type');
}

async function tellUser(
  body: Body,
  userId: string | undefined,
  message: string,
  clientFor: () => Promise<WebClient | undefined>,
  logger: Logger,
) {
  try {
    const responseUrl = text(body, 'response_url');
    if (responseUrl) {
      const response = await fetch(responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text: message }),
      });
      if (response.ok) return;
    }
    if (!userId) return;
    const client = await clientFor();
    if (!client) return;
    const channel =
      text(body, 'channel_id') ?? text(body, 'channel', 'id') ?? text(body, 'container', 'channel_id');
    if (channel) {
      await client.chat.postEphemeral({ channel, user: userId, text: message });
      return;
    }
    // Modals and App Home have no channel: a DM is the only place left to say it.
    const dm = await client.conversations.open({ users: userId });
    if (dm.channel?.id) await client.chat.postMessage({ channel: dm.channel.id, text: message });
  } catch (notifyError) {
    logger.warn('Could not tell the user about an error', { error: String(notifyError) });
  }
}
