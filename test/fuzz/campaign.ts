import type { SlackTestApp } from '../slack/support/slack-app.js';
import type { TeamsTestApp } from '../teams/support/teams-app.js';
import { knownGapOf } from './known-gaps.js';
import { inputSeed, Rng } from './random.js';
import { SlackFuzzDriver } from './slack-driver.js';
import { freezeStore } from './store-freeze.js';
import { interactionsDescribed } from './store-rows.js';
import { TeamsFuzzDriver } from './teams-driver.js';
import { clip, type Exchange, isSuccess, type Platform, type Surface, violationsOf } from './verdicts.js';

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
/** A frozen store (another connection holding the write lock) once in this many rounds. */
const FREEZE_EVERY_ROUNDS: Record<FuzzSize, number> = { small: 30, full: 100 };
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
  /** Milliseconds spent per platform and surface (setup requests such as opening a form included). */
  elapsedMs: Record<string, number>;
  /** Per outage kind and platform: what the person saw (first words of the answer) and how long it took. */
  outages: OutageOutcome[];
}

export interface OutageOutcome {
  kind: string;
  platform: Platform;
  answer: string;
  answerMs: number;
  rowsAfterRecovery: number;
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
  const result: CampaignResult = {
    inputs: {},
    faults: {},
    findings: [],
    budgetSpent: false,
    outages: [],
    elapsedMs: {},
  };
  const every = FREEZE_EVERY_ROUNDS[options.size];
  let index = 0;
  for (let round = 0; round < quota; round += 1) {
    if (round % every === 1) {
      for (const { platform, run } of drivers) {
        const seed = inputSeed(options.seed, index++);
        const app = platform === 'slack' ? apps.slack : apps.teams;
        if (!app) continue;
        await frozenStoreProbe(platform, run, app.store.storage, seed, result);
      }
    }
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
        const key = `${platform}.${surface}`;
        result.inputs[key] = (result.inputs[key] ?? 0) + 1;
        const inputStarted = now();
        try {
          result.findings.push(...findingsOf(await run.run(surface, rng, seed, fault)));
        } catch (error) {
          // The harness itself failed to build or read an input: reported, never blamed on the app.
          result.findings.push(harnessFinding(platform, surface, seed, error));
        }
        clearLeftoverFaults(apps);
        result.elapsedMs[key] = (result.elapsedMs[key] ?? 0) + now() - inputStarted;
      }
    }
  }
  return result;
}

/**
 * A one-line log while another connection holds the write lock, then the lock released: the
 * answer must be honest about what the store has once it is back (no false failure, nothing lost).
 */
async function frozenStoreProbe(
  platform: Platform,
  run: SlackFuzzDriver | TeamsFuzzDriver,
  storage: Parameters<typeof interactionsDescribed>[0],
  seed: number,
  result: CampaignResult,
): Promise<void> {
  const description = `frozen store probe ${seed}`;
  const frozen = await freezeStore(storage);
  const started = performance.now();
  let exchange: Exchange;
  try {
    exchange = await run.logLine(description, seed, 'store-frozen');
  } finally {
    await frozen.thaw();
  }
  const answerMs = Math.round(performance.now() - started);
  const rows = interactionsDescribed(storage, description);
  exchange.rowsWritten = rows;
  exchange.lost = rows === 0 && exchange.replies.some(isSuccess);
  result.faults['store-frozen-sqlite'] = (result.faults['store-frozen-sqlite'] ?? 0) + 1;
  result.inputs[`${platform}.store-frozen`] = (result.inputs[`${platform}.store-frozen`] ?? 0) + 1;
  result.findings.push(...findingsOf(exchange));
  result.outages.push({
    kind: 'store-frozen-sqlite',
    platform,
    answer: clip(exchange.replies.join(' | ') || `(HTTP ${exchange.status}, nothing)`, 140),
    answerMs,
    rowsAfterRecovery: rows,
  });
}

/** An injected fault the input never hit must not leak into the next input. */
function clearLeftoverFaults(apps: { slack?: SlackTestApp; teams?: TeamsTestApp }): void {
  apps.slack?.fake.clearFailures();
  apps.teams?.connector.clearFailures();
}

function harnessFinding(platform: Platform, surface: Surface, seed: number, error: unknown): Finding {
  const detail =
    error instanceof Error ? `${error.message} ${error.stack?.split('\n')[1]?.trim() ?? ''}` : String(error);
  return {
    platform,
    surface,
    inputClass: `${surface}:harness`,
    seed,
    invariant: 'harness-error',
    detail,
    sent: '',
  };
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
      sent: clip(
        typeof exchange.sent === 'string' ? exchange.sent : JSON.stringify(exchange.sent),
        Number(process.env.FUZZ_CLIP ?? 400),
      ),
    };
  });
}
