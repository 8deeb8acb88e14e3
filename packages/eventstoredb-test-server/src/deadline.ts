// When a BatchAppend's deadline falls. The options carry it as an absolute google.protobuf.Timestamp (`deadline` in
// @eventstore/db-client's protocol, `deadline_21_10_0` in kurrentdb-client's) or, where the server lists the
// `deadline_duration` feature, as a google.protobuf.Duration from receipt (kurrentdb-client's `deadline`).
import type { ClientPackage } from './testServer.js';

interface SecondsAndNanos {
  getSeconds(): number;
  getNanos(): number;
}

const millisOf = (value: SecondsAndNanos): number => value.getSeconds() * 1_000 + value.getNanos() / 1e6;

type Getter = () => SecondsAndNanos | undefined;

/** The instant (ms since the epoch) after which the append is too late, or undefined when it has no deadline. */
export const deadlineOf = (
  clientPackage: ClientPackage,
  options: object,
  receivedAt: number,
): number | undefined => {
  const call = (name: string): SecondsAndNanos | undefined => {
    const getter = (options as Record<string, unknown>)[name];
    return typeof getter === 'function' ? (getter as Getter).call(options) : undefined;
  };
  if (clientPackage === '@kurrent/kurrentdb-client') {
    const absolute = call('getDeadline21100');
    if (absolute !== undefined) return millisOf(absolute);
    const relative = call('getDeadline');
    return relative === undefined ? undefined : receivedAt + millisOf(relative);
  }
  const absolute = call('getDeadline');
  return absolute === undefined ? undefined : millisOf(absolute);
};
