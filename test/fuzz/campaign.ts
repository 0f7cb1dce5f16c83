import type { SlackTestApp } from '../slack/support/slack-app.js';
import type { TeamsTestApp } from '../teams/support/teams-app.js';
import { knownGapOf } from './known-gaps.js';
import { inputSeed, Rng } from './random.js';
import { SlackFuzzDriver } from './slack-driver.js';
import { TeamsFuzzDriver } from './teams-driver.js';
import { clip, type Exchange, type Platform, type Surface, violationsOf } from './verdicts.js';

export type FuzzSize = 'small' | 'full';

export interface CampaignOptions {
  seed: number;
  budgetMs: number;
  size: FuzzSize;
  /** Contact and interaction ids the store holds, for forged-but-real references. */
  known: () => readonly string[];
  /** Moves on when the budget is spent (injected so no test reads the wall clock itself). */
  now?: () => number;
}

export const SURFACES: Record<Platform, readonly Surface[]> = {
  slack: ['command', 'form', 'action', 'suggestion', 'shortcut'],
  teams: ['command', 'action', 'dialog', 'extension', 'suggestion'],
};

/** Inputs per platform and surface kind. Full is the floor: 3,000 each. */
export const INPUTS_PER_SURFACE: Record<FuzzSize, number> = { small: 30, full: 3_000 };
/** One input in this many runs with an outbound 429 or 5xx from the platform. */
const PLATFORM_FAULT_EVERY = 17;

export interface Finding {
  platform: Platform;
  surface: Surface;
  inputClass: string;
  seed: number;
  invariant: string;
  detail: string;
  knownGap?: string;
  sent: string;
}

export interface CampaignResult {
  inputs: Record<string, number>;
  faults: Record<string, number>;
  findings: Finding[];
  budgetSpent: boolean;
}

/** Slack and Teams platform faults, as the fakes inject them (Retry-After on 429s). */
function injectPlatformFault(
  platform: Platform,
  rng: Rng,
  slack?: SlackTestApp,
  teams?: TeamsTestApp,
): string {
  const kind = rng.pick(['429', '500', '502', '503'] as const);
  if (platform === 'slack' && slack) {
    slack.fake.failNext('*', kind === '429' ? { status: 429, retryAfter: 1 } : { status: Number(kind) });
  } else if (teams) {
    teams.connector.failNext(
      'a:personal-alice',
      kind === '429' ? { status: 429, retryAfterSeconds: 1 } : { status: Number(kind) as 500 | 502 | 503 },
    );
  }
  return `${platform}-${kind}`;
}

/**
 * Round-robin over platforms and surfaces until each has its quota or the budget is spent.
 * Input i of the run uses its own seed (inputSeed), printed with any finding.
 */
export async function runCampaign(
  options: CampaignOptions,
  apps: { slack?: SlackTestApp; teams?: TeamsTestApp },
): Promise<CampaignResult> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const drivers: { platform: Platform; run: SlackFuzzDriver | TeamsFuzzDriver }[] = [];
  if (apps.slack) drivers.push({ platform: 'slack', run: new SlackFuzzDriver(apps.slack, options.known) });
  if (apps.teams) drivers.push({ platform: 'teams', run: new TeamsFuzzDriver(apps.teams, options.known) });
  const quota = INPUTS_PER_SURFACE[options.size];
  const result: CampaignResult = { inputs: {}, faults: {}, findings: [], budgetSpent: false };
  let index = 0;
  for (let round = 0; round < quota; round += 1) {
    for (const { platform, run } of drivers) {
      for (const surface of SURFACES[platform]) {
        if (now() - started > options.budgetMs) {
          result.budgetSpent = true;
          return result;
        }
        const seed = inputSeed(options.seed, index++);
        const rng = new Rng(seed);
        const fault =
          rng.int(1, PLATFORM_FAULT_EVERY) === 1
            ? injectPlatformFault(platform, rng, apps.slack, apps.teams)
            : undefined;
        if (fault) result.faults[fault] = (result.faults[fault] ?? 0) + 1;
        const exchange = await run.run(surface, rng, seed, fault);
        clearLeftoverFaults(apps);
        const key = `${platform}.${surface}`;
        result.inputs[key] = (result.inputs[key] ?? 0) + 1;
        result.findings.push(...findingsOf(exchange));
      }
    }
  }
  return result;
}

/** An injected fault the input never hit must not leak into the next input. */
function clearLeftoverFaults(apps: { slack?: SlackTestApp; teams?: TeamsTestApp }): void {
  apps.slack?.fake.clearFailures();
  apps.teams?.connector.clearFailures();
}

export function findingsOf(exchange: Exchange): Finding[] {
  return violationsOf(exchange).map((violation) => {
    const gap = knownGapOf(exchange, violation.invariant);
    return {
      platform: exchange.platform,
      surface: exchange.surface,
      inputClass: exchange.inputClass,
      seed: exchange.seed,
      invariant: violation.invariant,
      detail: violation.detail,
      ...(gap ? { knownGap: gap.name } : {}),
      sent: clip(typeof exchange.sent === 'string' ? exchange.sent : JSON.stringify(exchange.sent), 400),
    };
  });
}
