import { writeFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { addContact, seedWorkspace } from '../slack/commands/support.js';
import { useSlackApp } from '../slack/support/slack-app.js';
import { addContact as addTeamsContact, seedTenant } from '../teams/support/seed.js';
import { useTeamsApp } from '../teams/support/teams-app.js';
import { type Finding, type FuzzSize, type OutageOutcome, runCampaign } from './campaign.js';

export interface SuiteOptions {
  seed: number;
  budgetMs: number;
  size: FuzzSize;
  /** Where to write the JSON summary (the CLI prints it). */
  summaryPath?: string;
}

/**
 * The fuzz campaign as a vitest suite: the real Slack and Teams apps on their own default
 * (SQLite) stores, a few contacts each, then the campaign. Call at describe level.
 */
export function defineFuzzSuite(options: SuiteOptions): void {
  const slack = useSlackApp();
  const teams = useTeamsApp();
  const known: string[] = [];
  beforeAll(async () => {
    const { owner } = await seedWorkspace(slack);
    for (const [first, last] of [
      ['Yael', 'Cohen'],
      ['Dan', 'Ross'],
      ['Anna', 'Lévy'],
    ] as const) {
      known.push((await addContact(slack, owner, { firstName: first, lastName: last })).id);
    }
    const world = await seedTenant(teams.container);
    for (const [first, last] of [
      ['Yael', 'Cohen'],
      ['Ann', 'Berg'],
    ] as const) {
      known.push((await addTeamsContact(teams.container, world.actors.alice, first, last)).id);
    }
  });

  it(`keeps every invariant on seed ${options.seed} (${options.size})`, {
    timeout: options.budgetMs + 120_000,
  }, async () => {
    const started = performance.now();
    const result = await runCampaign({ ...options, known: () => known }, { slack, teams });
    const unknown = result.findings.filter((finding) => !finding.knownGap);
    const summary = {
      seed: options.seed,
      size: options.size,
      budgetMs: options.budgetMs,
      budgetSpent: result.budgetSpent,
      durationMs: Math.round(performance.now() - started),
      inputs: result.inputs,
      msPerInput: Object.fromEntries(
        Object.entries(result.elapsedMs).map(([key, ms]) => [
          key,
          Math.round(ms / (result.inputs[key] ?? 1)),
        ]),
      ),
      faultsInjected: result.faults,
      violations: countBy(unknown, (f) => `${f.platform}.${f.invariant}`),
      outages: summariseOutages(result.outages),
      knownGaps: countBy(
        result.findings.filter((f) => f.knownGap),
        (f) => String(f.knownGap),
      ),
      examples: firstOfEachKind(unknown),
      knownGapExamples: firstOfEachKind(result.findings.filter((f) => f.knownGap)),
    };
    const text = JSON.stringify(summary, null, 2);
    if (options.summaryPath) writeFileSync(options.summaryPath, text);
    console.log(text);
    expect(unknown, `violations; replay with --seed ${options.seed}`).toEqual([]);
  });
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/** One example per platform, input class and invariant: the seed replays it. */
function firstOfEachKind(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.platform}|${finding.inputClass}|${finding.invariant}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Per outage kind and platform: how many, the answers people saw, the slowest answer, rows kept. */
function summariseOutages(outages: readonly OutageOutcome[]) {
  const groups: Record<
    string,
    { probes: number; answers: Record<string, number>; maxAnswerMs: number; rowsKept: number }
  > = {};
  for (const outage of outages) {
    const key = `${outage.platform}.${outage.kind}`;
    const group = groups[key] ?? { probes: 0, answers: {}, maxAnswerMs: 0, rowsKept: 0 };
    groups[key] = group;
    group.probes += 1;
    const answer = outage.answer.replace(/[0-9A-F]{8}$/, '<ref>');
    group.answers[answer] = (group.answers[answer] ?? 0) + 1;
    group.maxAnswerMs = Math.max(group.maxAnswerMs, outage.answerMs);
    group.rowsKept += outage.rowsAfterRecovery;
  }
  return groups;
}
