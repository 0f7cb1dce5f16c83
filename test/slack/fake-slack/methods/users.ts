import type { FakeUser, JsonObject } from '../types.js';
import { argString, fail, type MethodHandler, ok } from './registry.js';

/** Offset of an IANA zone at a given instant, in seconds (what users.info calls tz_offset). */
function tzOffsetSeconds(tz: string, at: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60;
  return match[1] === '-' ? -seconds : seconds;
}

/** The user object; `email` only with users:read.email, as on Slack. */
export function userToApi(user: FakeUser, withEmail: boolean, now: number): JsonObject {
  return {
    id: user.id,
    team_id: user.teamId,
    name: user.name,
    deleted: user.deleted,
    real_name: user.realName,
    tz: user.tz,
    tz_label: user.tz,
    tz_offset: tzOffsetSeconds(user.tz, now),
    profile: {
      real_name: user.realName,
      display_name: user.name,
      real_name_normalized: user.realName,
      display_name_normalized: user.name,
      ...(withEmail && user.email ? { email: user.email } : {}),
      team: user.teamId,
      ...(user.botId ? { bot_id: user.botId } : {}),
    },
    is_admin: user.isAdmin,
    is_owner: user.isOwner,
    is_primary_owner: user.isPrimaryOwner,
    is_restricted: user.isRestricted,
    is_ultra_restricted: user.isUltraRestricted,
    is_bot: user.isBot,
    is_app_user: false,
    updated: Math.floor(now / 1000),
  };
}

const info: MethodHandler = ({ args, auth, core }) => {
  const user = core.workspace.users.get(argString(args, 'user') ?? '');
  if (!user || user.teamId !== auth.teamId) return fail('user_not_found');
  return ok({ user: userToApi(user, auth.scopes.includes('users:read.email'), core.now()) });
};

const lookupByEmail: MethodHandler = ({ args, auth, core }) => {
  const email = (argString(args, 'email') ?? '').toLowerCase();
  const user = [...core.workspace.users.values()].find(
    (u) => u.teamId === auth.teamId && u.email?.toLowerCase() === email,
  );
  // Documented: a deactivated user answers users_not_found, not a user with deleted: true.
  if (!user || user.deleted) return fail('users_not_found');
  return ok({ user: userToApi(user, true, core.now()) });
};

const authTest: MethodHandler = ({ auth, core }) => {
  const team = core.workspace.teams.get(auth.teamId);
  const botUser = core.workspace.users.get(auth.botUserId);
  return ok({
    url: 'https://fake.slack.test/',
    team: team?.name ?? auth.teamId,
    user: botUser?.name ?? 'fakebot',
    team_id: auth.teamId,
    user_id: auth.botUserId,
    bot_id: auth.botId,
    app_id: auth.appId,
    ...(team?.enterpriseId ? { enterprise_id: team.enterpriseId } : {}),
    is_enterprise_install: auth.isEnterpriseInstall,
  });
};

const teamInfo: MethodHandler = ({ args, auth, core }) => {
  const teamId = argString(args, 'team') ?? auth.teamId;
  const team = core.workspace.teams.get(teamId);
  if (!team || teamId !== auth.teamId) return fail('team_not_found');
  return ok({
    team: {
      id: team.id,
      name: team.name,
      domain: team.domain,
      email_domain: 'example.com',
      icon: { image_default: true, image_34: `https://fake.slack.test/icon-34.png` },
      ...(team.enterpriseId
        ? { enterprise_id: team.enterpriseId, enterprise_name: team.enterpriseName ?? team.enterpriseId }
        : {}),
    },
  });
};

export const usersMethods: Record<string, MethodHandler> = {
  'users.info': info,
  'users.lookupByEmail': lookupByEmail,
  'auth.test': authTest,
  'team.info': teamInfo,
};
