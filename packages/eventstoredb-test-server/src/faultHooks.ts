// The hook between gRPC and the handlers: each Append, BatchAppend and Read call passes here first, takes the
// fault waiting for it (if any) and is served through it. The handlers themselves know nothing of faults.
import {
  Metadata,
  status as GrpcStatus,
  type handleBidiStreamingCall,
  type handleClientStreamingCall,
  type handleServerStreamingCall,
  type ServerDuplexStream,
  type ServerWritableStream,
} from '@grpc/grpc-js';
import { streamIdentifier, streamNameOf, uuidToString } from './convert.js';
import { timeoutStatus, type CallError } from './errors.js';
import type { Fault, FaultInjector, LeaderAddress } from './faults.js';
import type {
  AppendReq,
  AppendResp,
  BatchAppendReq,
  BatchAppendResp,
  Protocol,
  ReadReq,
  ReadResp,
} from './protocol.js';

/** Whether a call asked for the leader (the clients' `requiresLeader`), which a follower must refuse. */
const requiresLeader = (call: { readonly metadata: Metadata }): boolean =>
  call.metadata.get('requires-leader')[0]?.toString() === 'true';

const callError = (code: GrpcStatus, details: string, trailers: Record<string, string> = {}): CallError => {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(trailers)) metadata.set(key, value);
  return Object.assign(new Error(details), { code, details, metadata });
};

/** As the server's RpcExceptions.LeaderInfo: NotFound with the leader's endpoint in the trailers. */
const notLeaderError = (leader: LeaderAddress): CallError =>
  callError(GrpcStatus.NOT_FOUND, 'Leader info available', {
    exception: 'not-leader',
    'leader-endpoint-host': leader.host,
    'leader-endpoint-port': String(leader.port),
  });

const deadlineExceededError = (): CallError => callError(GrpcStatus.DEADLINE_EXCEEDED, 'Timeout');

/** How long a cut read or subscription waits for the messages it sent to reach the client. */
const cutAfterMs = 30;

const later = (ms: number, run: () => void): void => void setTimeout(run, ms).unref();

/** The same length of bytes from a fixed sequence (a linear congruential generator): garbage, but the same each run. */
const noise = (length: number): Uint8Array => {
  const bytes = new Uint8Array(length);
  let x = 0x2545f491;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
};

/**
 * The message, made to serialize as bytes that are no such message (see the `garble` fault): the generated
 * serializers of the services call the message's own `serializeBinary`, which this instance's answers instead.
 */
const garbled = <M extends { serializeBinary(): Uint8Array }>(
  message: M,
  how: 'cut' | 'noise' = 'cut',
): M => {
  const real = message.serializeBinary();
  const bytes =
    how === 'cut' ? real.subarray(0, Math.max(1, real.length >> 1)) : noise(Math.max(8, real.length));
  message.serializeBinary = () => bytes;
  return message;
};

/** Silences every connection for `ms`, then serves the call. */
const afterSilence = (faults: FaultInjector, ms: number, run: () => void): void => {
  faults.proxy.silence();
  later(ms, () => {
    faults.proxy.speak();
    run();
  });
};

type Writable<Req, Res> = ServerWritableStream<Req, Res> | ServerDuplexStream<Req, Res>;

/** Replaces `call.write` with `write(message, original)` for this call only. */
const interceptWrites = <Req, Res>(
  call: Writable<Req, Res>,
  write: (message: Res, original: (message: Res) => boolean) => boolean,
): void => {
  const original = call.write.bind(call) as (message: Res) => boolean;
  (call as { write: (message: Res) => boolean }).write = (message) => write(message, original);
};

export function faultyAppend(
  faults: FaultInjector,
  self: () => LeaderAddress,
  handler: handleClientStreamingCall<AppendReq, AppendResp>,
): handleClientStreamingCall<AppendReq, AppendResp> {
  return (call, callback) => {
    // The stream is named in the first request, which has not arrived yet: appends over Append are not attributed.
    const fault = faults.take('append', undefined, requiresLeader(call));
    if (fault === undefined) return handler(call, callback);
    const drop = (): void => void faults.proxy.drop(call.getPeer());
    const discard = (then: () => void): void => {
      call.on('data', () => undefined);
      call.on('end', then);
      call.on('error', () => undefined);
    };
    switch (fault.kind) {
      case 'drop':
        return discard(drop);
      case 'dropAfterCommit':
        return handler(call, (error, response) => (error === null ? drop() : callback(error, response)));
      case 'delay':
        return later(fault.ms, () => handler(call, callback));
      case 'silent':
        return afterSilence(faults, fault.ms, () => handler(call, callback));
      case 'notLeader':
        return discard(() => callback(notLeaderError(fault.leader ?? self())));
      case 'timeout':
        if (fault.committed !== true) return discard(() => callback(deadlineExceededError()));
        return handler(call, (error, response) =>
          error === null ? callback(deadlineExceededError()) : callback(error, response),
        );
      case 'garble':
        return handler(call, (error, response) =>
          error === null && response !== undefined && response !== null
            ? callback(null, garbled(response, fault.bytes))
            : callback(error, response),
        );
    }
  };
}

export function faultyBatchAppend(
  faults: FaultInjector,
  protocol: Protocol,
  self: () => LeaderAddress,
  handler: handleBidiStreamingCall<BatchAppendReq, BatchAppendResp>,
): handleBidiStreamingCall<BatchAppendReq, BatchAppendResp> {
  return (call) => {
    // One BatchAppend call carries many appends: each takes its own fault, on its first request (the options).
    const faultOf = new Map<string, Fault>();
    let answer:
      ((message: BatchAppendResp, original: (m: BatchAppendResp) => boolean) => boolean) | undefined;
    interceptWrites(call, (message, original) =>
      answer === undefined ? original(message) : answer(message, original),
    );
    const on = call.on.bind(call);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- EventEmitter's own listener type
    (call as { on: typeof call.on }).on = (event: string, listener: (...args: any[]) => void) => {
      if (event !== 'data') return on(event, listener);
      const serve = listener as unknown as (request: BatchAppendReq) => void;
      return on('data', (request: BatchAppendReq) => {
        const key = uuidToString(request.getCorrelationId());
        const options = request.getOptions();
        if (options !== undefined && !faultOf.has(key)) {
          const fault = faults.take(
            'append',
            streamNameOf(options.getStreamIdentifier()),
            requiresLeader(call),
          );
          if (fault !== undefined) faultOf.set(key, fault);
        }
        const fault = faultOf.get(key);
        if (fault === undefined) return serve(request);
        const final = request.getIsFinal();
        if (final) faultOf.delete(key);
        // Serves the request, answering through `reply` instead of the handler's answer.
        const serveAnswering = (reply: typeof answer): void => {
          answer = reply;
          try {
            serve(request);
          } finally {
            answer = undefined;
          }
        };
        switch (fault.kind) {
          case 'drop':
            return void faults.proxy.drop(call.getPeer());
          case 'dropAfterCommit':
            if (!final) return serve(request);
            return serveAnswering(() => faults.proxy.drop(call.getPeer()));
          case 'delay':
            return later(fault.ms, () => serve(request));
          case 'silent':
            return afterSilence(faults, fault.ms, () => serve(request));
          case 'notLeader':
            // The server checks for the leader once per call: every append on it fails, none is written.
            return void call.emit('error', notLeaderError(fault.leader ?? self()));
          case 'timeout': {
            if (fault.committed === true) {
              if (!final) return serve(request);
              return serveAnswering((response, original) =>
                original(response.setError(timeoutStatus(protocol))),
              );
            }
            // Nothing of it reaches the handler, which would answer it too; the answer is made here.
            if (!final) return;
            const stream = options?.getStreamIdentifier() ?? streamIdentifier(protocol, '');
            const timedOut = new protocol.streams.BatchAppendResp().setStreamIdentifier(stream);
            const correlationId = request.getCorrelationId();
            if (correlationId !== undefined) timedOut.setCorrelationId(correlationId);
            return void call.write(timedOut.setError(timeoutStatus(protocol)));
          }
          case 'garble':
            if (!final) return serve(request);
            return serveAnswering((response, original) => original(garbled(response, fault.bytes)));
        }
      });
    };
    handler(call);
  };
}

export function faultyRead(
  faults: FaultInjector,
  self: () => LeaderAddress,
  handler: handleServerStreamingCall<ReadReq, ReadResp>,
): handleServerStreamingCall<ReadReq, ReadResp> {
  return (call) => {
    const options = call.request.getOptions();
    const target = options?.hasSubscription() === true ? 'subscription' : 'read';
    const stream = options?.getStream();
    const fault = faults.take(
      target,
      stream === undefined ? undefined : streamNameOf(stream.getStreamIdentifier()),
      requiresLeader(call),
    );
    if (fault === undefined) return handler(call);
    const fail = (error: CallError): void => void call.emit('error', error);
    switch (fault.kind) {
      case 'drop':
      case 'dropAfterCommit': {
        const after = fault.kind === 'drop' ? (fault.afterMessages ?? 0) : 0;
        let sent = 0;
        let cut = false;
        const drop = (): boolean => {
          // Cut once what was sent has reached the client: a reset would discard bytes still in flight.
          if (!cut) later(cutAfterMs, () => faults.proxy.drop(call.getPeer()));
          cut = true;
          return false;
        };
        interceptWrites(call, (message, original) =>
          cut || sent >= after ? drop() : (sent++, original(message)),
        );
        // The call never ends cleanly: the reset ends it, so the client cannot take a cut read for a whole one.
        (call as { end: () => void }).end = () => void drop();
        return handler(call);
      }
      case 'delay':
        return later(fault.ms, () => handler(call));
      case 'silent':
        return afterSilence(faults, fault.ms, () => handler(call));
      case 'notLeader':
        return fail(notLeaderError(fault.leader ?? self()));
      case 'timeout':
        return fail(deadlineExceededError());
      case 'garble': {
        const at = fault.afterMessages ?? 0;
        let sent = 0;
        interceptWrites(call, (message, original) =>
          original(sent++ === at ? garbled(message, fault.bytes) : message),
        );
        return handler(call);
      }
    }
  };
}
