import { createHash } from 'node:crypto';

// The W1 and W2 workloads of Dossier's benchmark (WORKLOAD.md §2, §3), written out here so that a clone needs
// nothing beside the repository. Counts and checksums must equal the reference's.

const baseMs = Date.parse('2024-01-01T00:00:00.000Z');
const iso = (ms: number): string => new Date(ms).toISOString();
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

const priorities = ['P1', 'P2', 'P3', 'P4'] as const;
const channels = ['phone', 'chat', 'email'] as const;
/** The permissions W2 grants and revokes. */
export const permissions = ['read', 'purchase', 'manage-users', 'admin', 'edit-profile'] as const;

/** First 16 hex characters of SHA-256 over the lines joined with newlines. */
export const checksum = (lines: ReadonlyArray<string>): string =>
  createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);

/** The median of some numbers (the mean of the middle two for an even count). */
export const median = (xs: ReadonlyArray<number>): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
};

/** The p-th percentile, nearest rank. */
export const percentile = (xs: ReadonlyArray<number>, p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

/** A W1 command, as WORKLOAD.md words it. */
export type W1Command =
  | {
      readonly type: 'OpenCase';
      readonly caseId: string;
      readonly customerId: string;
      readonly priority: string;
      readonly channel: string;
      readonly subject: string;
      readonly at: string;
    }
  | { readonly type: 'RespondToCase'; readonly caseId: string; readonly agentId: string; readonly at: string }
  | {
      readonly type: 'ResolveCase';
      readonly caseId: string;
      readonly resolution: string;
      readonly at: string;
    };

/** W1's number of cases. */
export const w1Cases = 10_000;
/** The stream (and case id) of W1's case i. */
export const w1CaseId = (i: number): string => `case-${pad(i, 7)}`;

/** W1's 30,000 commands in execution order: every open, then every response, then every resolution. */
export const w1Commands = (n = w1Cases): ReadonlyArray<W1Command> => {
  const commands: W1Command[] = [];
  for (let i = 0; i < n; i++)
    commands.push({
      type: 'OpenCase',
      caseId: w1CaseId(i),
      customerId: `cust-${pad(i % 5000, 4)}`,
      priority: priorities[i % 4] ?? 'P4',
      channel: channels[i % 3] ?? 'email',
      subject: `W1 case ${i}`,
      at: iso(baseMs + i * 1000),
    });
  for (let i = 0; i < n; i++)
    commands.push({
      type: 'RespondToCase',
      caseId: w1CaseId(i),
      agentId: `agent-${pad(i % 50, 2)}`,
      at: iso(baseMs + (n + i) * 1000),
    });
  for (let i = 0; i < n; i++)
    commands.push({
      type: 'ResolveCase',
      caseId: w1CaseId(i),
      resolution: 'resolved',
      at: iso(baseMs + (2 * n + i) * 1000),
    });
  return commands;
};

/** W1's checksum over its sanity lines when every check went as it must. */
export const w1ExpectedChecksum = 'fce012a249288984';

/** W2's long stream. */
export const w2Stream = 'profile-0001';

/** A W2 event in the neutral shape. */
export interface W2Event {
  readonly type: 'PermissionGranted' | 'PermissionRevoked';
  readonly data: { readonly userId: string; readonly permission: string };
}

/** The seed events of W2's long stream (10,000 in WORKLOAD.md; other sizes show how latency grows). */
export const w2SeedEvents = (n = 10_000): ReadonlyArray<W2Event> =>
  Array.from({ length: n }, (_, j) => ({
    type: j % 2 === 0 ? 'PermissionGranted' : 'PermissionRevoked',
    data: { userId: `user-${pad(j % 100, 3)}`, permission: permissions[Math.floor(j / 100) % 5] ?? 'read' },
  }));

/** A W2 command. */
export interface W2Command {
  readonly type: 'GrantPermission';
  readonly userId: string;
  readonly permission: string;
}

/** W2's 200 commands, every one of which must be accepted. */
export const w2Commands = (n = 200): ReadonlyArray<W2Command> =>
  Array.from({ length: n }, (_, r) => ({
    type: 'GrantPermission',
    userId: `user-${pad(2 * (r % 50) + 1, 3)}`,
    permission: permissions[Math.floor(r / 50) % 5] ?? 'read',
  }));

/** Count and checksum of a permission state: the sorted `userId:permission` lines. */
export const w2StateChecksum = (
  state: ReadonlyMap<string, ReadonlySet<string>>,
): { readonly count: number; readonly checksum: string } => {
  const lines: string[] = [];
  for (const [user, held] of state) for (const permission of held) lines.push(`${user}:${permission}`);
  lines.sort();
  return { count: lines.length, checksum: checksum(lines) };
};

/** W2's count and checksum at the reference size (10,000 seed events, 200 commands). */
export const w2Expected = { count: 450, checksum: '835a68ff5db802ae' } as const;

/** One measured run of a workload by one implementation. */
export interface WorkloadResult {
  readonly value: number;
  readonly unit: string;
  readonly count: number;
  readonly checksum: string;
  readonly p95?: number;
}

/** Collects garbage before a timed section when node runs with --expose-gc. */
export const settle = (): void => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc !== undefined) {
    gc();
    gc();
  }
};
