import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/core/shared/actor.js';
import { FOLLOW_UP_LIST_QUERY, presentFollowUpList } from '../../../src/core/views/follow-up-list-view.js';
import { buildInteraction, NOW } from './build.js';

const me: Actor = { workspaceId: 'w1', userId: 'U0ME', role: 'member' };
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000);

function followUp(id: string, dueAt: Date, extra: { assigneeId?: string; status?: 'open' | 'done' } = {}) {
  return buildInteraction({
    id,
    followUp: { dueAt, assigneeId: extra.assigneeId ?? me.userId, status: extra.status ?? 'open' },
  });
}

describe('presentFollowUpList (the `followups` list on Slack and Teams)', () => {
  it('reads every open follow-up, not only those due today', () => {
    expect(FOLLOW_UP_LIST_QUERY.scope).toBe('open');
  });

  it('shows every open one of mine, overdue first, then upcoming soonest first', () => {
    const list = presentFollowUpList(
      me,
      [
        followUp('next-week', hours(7 * 24)),
        followUp('tomorrow', hours(24)),
        followUp('late-2h', hours(-2)),
        followUp('late-1d', hours(-24)),
        followUp('done', hours(-3), { status: 'done' }),
        followUp('theirs', hours(-5), { assigneeId: 'U0OTHER' }),
      ],
      NOW,
    );
    expect(list.items.map((view) => view.interactionId)).toEqual([
      'late-1d',
      'late-2h',
      'tomorrow',
      'next-week',
    ]);
    expect(list.overdue).toBe(2);
    expect(list.more).toBe(false);
  });

  it('says there may be more when the read hit its limit', () => {
    const full = Array.from({ length: FOLLOW_UP_LIST_QUERY.limit }, (_, index) =>
      followUp(`f${index}`, hours(index + 1)),
    );
    expect(presentFollowUpList(me, full, NOW).more).toBe(true);
  });
});
