// Faults a test asks for: what goes wrong, on which kind of call, how many times. The server takes the first
// matching fault when a call (or, over BatchAppend, one append) arrives; see faultHooks.ts for what each does.
import type { FaultProxy } from './faultProxy.js';

/** The calls a fault can hit: an append (Append, or one append over BatchAppend), a read, a subscription. */
export type FaultTarget = 'append' | 'read' | 'subscription';

/** The leader a `notLeader` answer names. */
export interface LeaderAddress {
  readonly host: string;
  readonly port: number;
}

export type Fault =
  /**
   * The connection is cut (a TCP reset), every call on it failing with UNAVAILABLE. On an append, before anything
   * is written; on a read or a subscription, after `afterMessages` messages were sent (default 0; a subscription
   * counts its confirmation and caught-up too), or at its end if it had fewer.
   */
  | { readonly kind: 'drop'; readonly afterMessages?: number }
  /** An append is written, then the connection is cut before the answer: the client cannot know it was written. */
  | { readonly kind: 'dropAfterCommit' }
  /** The call is served `ms` late. */
  | { readonly kind: 'delay'; readonly ms: number }
  /**
   * The call is answered with a timeout (the clients' DeadlineExceededError) — as a server does when a commit is
   * not acknowledged in time. `committed`: whether the append was written all the same, as a real server's
   * commit may still be (default false). On a read, nothing is sent.
   */
  | { readonly kind: 'timeout'; readonly committed?: boolean }
  /** Refused with NotLeader naming the leader (this server unless told): the client reconnects there. */
  | { readonly kind: 'notLeader'; readonly leader?: LeaderAddress }
  /**
   * The node goes silent: no byte moves on any connection, in either direction, for `ms` (connections stay open;
   * the client waits for its deadline or keep-alive); then everything held is delivered and the call is served.
   */
  | { readonly kind: 'silent'; readonly ms: number }
  /**
   * A message goes out as bytes that are no answer: on a read or a subscription the one after `afterMessages` (default
   * 0), on an append its answer (the append is written). `cut` (default) sends the real message's first half, `noise`
   * as many bytes of a fixed pseudo-random sequence: what a broken proxy or a bit flip would deliver, which the client
   * must refuse without taking any of it for an event.
   */
  | { readonly kind: 'garble'; readonly afterMessages?: number; readonly bytes?: 'cut' | 'noise' };

/** A fault that hit a call: which, on what, and on which stream (none for `$all`). */
export interface FiredFault {
  readonly target: FaultTarget;
  readonly fault: Fault;
  readonly stream: string | undefined;
}

/** What `TestServer.faults` lets a test do. Only a server started with `{ faults: true }` can inject them. */
export interface Faults {
  /** The next `times` calls of `target` (default 1) get `fault`, after any injected before for that target. */
  inject(target: FaultTarget, fault: Fault, times?: number): void;
  /** How many injected faults have not hit a call yet. */
  pending(): number;
  /** Forgets the faults not fired yet. */
  clear(): void;
  /** The faults that hit calls, in order. */
  readonly fired: readonly FiredFault[];
  /** Cuts every open client connection now; answers how many. */
  dropConnections(): number;
  /** How many client connections are open. */
  readonly openConnections: number;
  /** The node dies: it stops listening (connections are refused) and every open connection is reset. */
  down(): Promise<void>;
  /** The node is back, on the same port. */
  up(): Promise<void>;
  /** Whether the node is silent now (a `silent` fault holding every byte). */
  readonly silent: boolean;
}

interface Queued {
  readonly target: FaultTarget;
  readonly fault: Fault;
  left: number;
}

/** The faults of one server: a queue the hooks take from, and the relay that cuts or holds connections. */
export class FaultInjector implements Faults {
  readonly fired: FiredFault[] = [];
  readonly #queue: Queued[] = [];
  #proxy: FaultProxy | undefined;
  #leader: () => LeaderAddress | undefined = () => undefined;

  /**
   * As a cluster's follower: a call that requires the leader (its `requires-leader` header) is refused with NotLeader
   * naming `leader()`, while it names one; any other is served, as a follower forwards writes to the leader.
   */
  follow(leader: () => LeaderAddress | undefined): void {
    this.#leader = leader;
  }

  /** The relay in front of the server, once it listens: only then can faults be injected. */
  attach(proxy: FaultProxy): void {
    this.#proxy = proxy;
  }

  get proxy(): FaultProxy {
    if (this.#proxy === undefined)
      throw new Error('eventstoredb-test-server: start the server with { faults: true } to inject faults');
    return this.#proxy;
  }

  inject(target: FaultTarget, fault: Fault, times = 1): void {
    void this.proxy;
    if (!Number.isInteger(times) || times < 1)
      throw new Error(`faults.inject: times must be a positive integer`);
    this.#queue.push({ target, fault, left: times });
  }

  /** The fault for this call, if one is waiting: taken, and recorded as fired. */
  take(target: FaultTarget, stream: string | undefined, requiresLeader = false): Fault | undefined {
    const leader = requiresLeader ? this.#leader() : undefined;
    if (leader !== undefined) return { kind: 'notLeader', leader };
    const index = this.#queue.findIndex((queued) => queued.target === target);
    const queued = this.#queue[index];
    if (queued === undefined) return undefined;
    queued.left -= 1;
    if (queued.left === 0) this.#queue.splice(index, 1);
    this.fired.push({ target, fault: queued.fault, stream });
    return queued.fault;
  }

  pending(): number {
    return this.#queue.reduce((sum, queued) => sum + queued.left, 0);
  }

  clear(): void {
    this.#queue.length = 0;
  }

  dropConnections(): number {
    return this.proxy.dropAll();
  }

  down(): Promise<void> {
    return this.proxy.down();
  }

  up(): Promise<void> {
    return this.proxy.up();
  }

  get openConnections(): number {
    return this.#proxy?.open ?? 0;
  }

  get silent(): boolean {
    return this.#proxy?.silent ?? false;
  }
}
