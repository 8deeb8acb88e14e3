// Which client failures leave a call safe to make again, and the wait between tries.

/** The wait before the next try: 25 ms, doubling, at most a second. */
export const pause = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 25 * 2 ** attempt)));

/** The clients' error types after which an append may have been written. */
const unknownTypes: ReadonlySet<string> = new Set([
  'unavailable',
  'cancelled',
  'deadline-exceeded',
  'timeout',
]);
/** gRPC codes a client left raw with the same meaning: CANCELLED, DEADLINE_EXCEEDED, UNAVAILABLE. */
const unknownCodes: ReadonlySet<number> = new Set([1, 4, 14]);

const typeOf = (thrown: unknown): unknown => (thrown as { type?: unknown } | null)?.type;

/**
 * An answer that arrived but could not be read (grpc-js's own words for it, whatever the client made of the error): the
 * call reached the server, and what the server did is not known.
 */
const unreadableAnswer = (thrown: unknown): boolean => {
  const { message, details } = (thrown ?? {}) as { readonly message?: unknown; readonly details?: unknown };
  return [message, details].some(
    (text) => typeof text === 'string' && text.includes('Response message parsing error'),
  );
};

/** Whether the append that threw may have been written all the same. */
export const outcomeUnknown = (thrown: unknown): boolean => {
  if (unreadableAnswer(thrown)) return true;
  const type = typeOf(thrown);
  if (typeof type === 'string') return unknownTypes.has(type);
  const code = (thrown as { code?: unknown } | null)?.code;
  return typeof code === 'number' && unknownCodes.has(code);
};

/** Refused by a follower: nothing was written, and the client has turned to the leader it named. */
export const notLeader = (thrown: unknown): boolean => typeOf(thrown) === 'not-leader';

/** Whether a call that threw this may be made again as it was: a read always, an append only as `sendAppend` does. */
export const retriesSafely = (thrown: unknown): boolean => outcomeUnknown(thrown) || notLeader(thrown);

export const wrongExpectedVersion = (thrown: unknown): boolean => typeOf(thrown) === 'wrong-expected-version';
