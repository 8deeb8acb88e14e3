// The Projections gRPC service, the part the clients use to manage the system projections and to run simple user
// projections: Create (continuous, one-time or transient, with a query), Enable, Disable and Statistics. The other
// calls (Update, Delete, Reset, State, Result, RestartSubsystem) answer UNIMPLEMENTED. An unknown name answers
// NOT_FOUND, a taken name ALREADY_EXISTS and a query that does not compile INVALID_ARGUMENT.
import { randomUUID } from 'node:crypto';
import {
  status as GrpcStatus,
  type handleServerStreamingCall,
  type handleUnaryCall,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import type { ServerContext } from './context.js';
import { callError, invalidArgumentError } from './errors.js';
import type { ProjectionEngine, ProjectionMode } from './projections/engine.js';
import { userProjectionHandler } from './projections/userProjection.js';
import type { ProjectionsPb } from './protocol.js';

const notFound = (name: string) => callError(GrpcStatus.NOT_FOUND, `Projection '${name}' not found.`);

export function projectionsHandlers(
  context: ServerContext,
  engine: ProjectionEngine,
): UntypedServiceImplementation {
  const pb = context.protocol.projections;

  const create: handleUnaryCall<ProjectionsPb.CreateReq, ProjectionsPb.CreateResp> = (call, callback) => {
    const options = call.request.getOptions();
    if (options === undefined) return callback(invalidArgumentError('Create needs options.'));
    const continuous = options.getContinuous();
    const transient = options.getTransient();
    const mode: ProjectionMode = continuous ? 'Continuous' : transient ? 'Transient' : 'OneTime';
    const name = continuous?.getName() ?? transient?.getName() ?? randomUUID();
    let handler;
    try {
      handler = userProjectionHandler(options.getQuery(), continuous?.getEmitEnabled() ?? false);
    } catch (error) {
      return callback(invalidArgumentError(`The query does not compile: ${String(error)}`));
    }
    const emitEnabled = continuous?.getEmitEnabled() ?? false;
    if (!engine.add({ name, mode, emitEnabled, handler }, true))
      return callback(callError(GrpcStatus.ALREADY_EXISTS, `Projection '${name}' already exists.`));
    callback(null, new pb.CreateResp());
  };

  const enable: handleUnaryCall<ProjectionsPb.EnableReq, ProjectionsPb.EnableResp> = (call, callback) => {
    const name = call.request.getOptions()?.getName() ?? '';
    if (!engine.enable(name)) return callback(notFound(name));
    callback(null, new pb.EnableResp());
  };

  const disable: handleUnaryCall<ProjectionsPb.DisableReq, ProjectionsPb.DisableResp> = (call, callback) => {
    const name = call.request.getOptions()?.getName() ?? '';
    if (!engine.disable(name)) return callback(notFound(name));
    callback(null, new pb.DisableResp());
  };

  const statistics: handleServerStreamingCall<ProjectionsPb.StatisticsReq, ProjectionsPb.StatisticsResp> = (
    call,
  ) => {
    const options = call.request.getOptions();
    const name = options?.getName() ?? '';
    const wanted = name === '' ? engine.statuses() : [engine.status(name)];
    for (const status of wanted) {
      if (status === undefined) return void call.emit('error', notFound(name));
      const mode = options?.hasContinuous() ? 'Continuous' : options?.hasOneTime() ? 'OneTime' : undefined;
      if (options?.hasTransient() === true && status.mode !== 'Transient') continue;
      if (mode !== undefined && status.mode !== mode) continue;
      const details = new pb.StatisticsResp.Details()
        .setName(status.name)
        .setEffectivename(status.name)
        .setMode(status.mode)
        .setStatus(status.status)
        .setStatereason(status.stateReason)
        .setEventsprocessedafterrestart(status.processed.toString())
        .setProgress(100)
        .setVersion('1')
        .setEpoch('-1');
      call.write(new pb.StatisticsResp().setDetails(details));
    }
    call.end();
  };

  return { create, enable, disable, statistics };
}
