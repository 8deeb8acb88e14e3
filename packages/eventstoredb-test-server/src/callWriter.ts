// Writing to a server stream with backpressure, stopping when the client has gone.
import type { ServerDuplexStream, ServerWritableStream } from '@grpc/grpc-js';

type WritableCall<Req, Res> = ServerWritableStream<Req, Res> | ServerDuplexStream<Req, Res>;

export function isOpen<Req, Res>(call: WritableCall<Req, Res>): boolean {
  return !call.cancelled && !call.writableEnded && !call.destroyed;
}

/** Writes one message; waits for 'drain' when the buffer is full. Resolves false once the call is over. */
export async function write<Req, Res>(call: WritableCall<Req, Res>, message: Res): Promise<boolean> {
  if (!isOpen(call)) return false;
  if (!call.write(message)) {
    await new Promise<void>((resolve) => {
      const done = (): void => {
        call.off('drain', done);
        call.off('cancelled', done);
        call.off('close', done);
        resolve();
      };
      call.on('drain', done);
      call.on('cancelled', done);
      call.on('close', done);
    });
  }
  return isOpen(call);
}
