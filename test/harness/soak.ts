/**
 * What the triggers' soaks share: a seeded random source (a soak runs the same every time), the
 * faults they inject, and the poll with chaos (a restart now and then, a fault on one of its
 * requests, the counts of what happened).
 */
import type { Fault, Sandbox } from '../sandbox/core';
import type { PollResult, TriggerHarness } from './poll';

/** mulberry32 from `seed`, and a chooser drawing from it. */
export function seededRandom(seed: number): {
	random: () => number;
	pick: <T>(list: readonly T[]) => T;
} {
	const random = () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
	return { random, pick };
}

/**
 * A fault a soak injects: a 5xx, a 429, a dropped connection, HTML with status 200, JSON cut off,
 * JSON of a wrong shape (one of `wrongShapes`), or one of `extraKinds`. `pick` is the soak's
 * seeded chooser, so a run is the same every time.
 */
export function soakFault(
	pick: <T>(list: readonly T[]) => T,
	wrongShapes: unknown[],
	extraKinds: string[] = [],
): { kind: string; [key: string]: unknown } {
	const kind = pick([
		'status',
		'status',
		'rateLimit',
		'drop',
		...extraKinds,
		'html',
		'truncated',
		'shape',
	]);
	if (kind === 'status') return { kind, status: pick([500, 502, 503]) };
	if (kind === 'rateLimit') return { kind, retryAfter: 1 };
	if (kind === 'shape') return { kind: 'status', status: 200, body: pick(wrongShapes) };
	return { kind };
}

/** What the polls with chaos met. */
export interface ChaosStats {
	/** Polls run by `poll` itself (not by `instead`). */
	polls: number;
	faults: number;
	/** Polls where a fault hit one of the requests. */
	hit: number;
	/** Polls that threw. */
	failed: number;
	/** Polls that went on past a fault that hit. */
	partial: number;
	restarts: number;
	/** Polls without a fault, whose outcome the soak checks against the sandbox. */
	clean: number;
	requests: number;
}

export interface ChaosOptions {
	sandbox: Pick<Sandbox, 'addFault' | 'clearFaults' | 'requests'>;
	/** The soak's seeded random source. */
	random: () => number;
	/** The fault for a poll that gets one (45 % of them), with its path and skip. */
	fault: () => Fault;
	/**
	 * Another kind of poll, rolled for right after the restart: with this chance it runs instead
	 * (its outcome not checked as clean, the faults cleared after it).
	 */
	instead?: { chance: number; poll: (trigger: TriggerHarness) => Promise<PollResult> };
}

/**
 * Polls with chaos: before a poll, a restart of n8n (6 %), then maybe `instead`, then a fault on
 * one of the poll's requests (45 %). The random draws come in this order every time, so a seed
 * gives the same run.
 */
export function chaosPoller(options: ChaosOptions) {
	const { sandbox, random } = options;
	const stats: ChaosStats = {
		polls: 0,
		faults: 0,
		hit: 0,
		failed: 0,
		partial: 0,
		restarts: 0,
		clean: 0,
		requests: 0,
	};
	const poll = async (trigger: TriggerHarness): Promise<{ result: PollResult; clean: boolean }> => {
		if (random() < 0.06) {
			await trigger.restart();
			stats.restarts++;
		}
		if (options.instead && random() < options.instead.chance) {
			const result = await options.instead.poll(trigger);
			sandbox.clearFaults();
			return { result, clean: false };
		}
		let faulted = false;
		if (random() < 0.45) {
			sandbox.addFault(options.fault());
			stats.faults++;
			faulted = true;
		}
		const before = sandbox.requests.length;
		const result = await trigger.poll();
		stats.polls++;
		const requests = sandbox.requests.slice(before);
		stats.requests += requests.length;
		const hit = requests.some((r) => r.fault);
		sandbox.clearFaults();
		if (hit) stats.hit++;
		if (result.error) stats.failed++;
		else if (hit) stats.partial++;
		if (!faulted) stats.clean++;
		return { result, clean: !faulted };
	};
	return { poll, stats };
}

/** A soak proves something only if the chaos happened: enough faults hit, polls failed, went on, restarted. */
export function expectEnoughChaos(stats: ChaosStats): void {
	expect(stats.hit).toBeGreaterThan(50);
	expect(stats.failed).toBeGreaterThan(10);
	expect(stats.partial).toBeGreaterThan(10);
	expect(stats.restarts).toBeGreaterThan(10);
}
