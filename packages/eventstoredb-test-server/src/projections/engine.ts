// Runs projections over `$all`: each running projection has a cursor into the log and, after every write, processes
// the records past it in order and writes what it emits. Records written by a projection are processed in turn (by
// the others, and by itself), until every cursor is at the end. A projection started later catches up from the
// start of the log first, as a newly enabled projection does from its last checkpoint (none yet).
//
// Unlike the server's, this engine works synchronously inside the write that triggered it: a read right after an
// append already sees the links. A handler that throws faults its projection (status `Faulted`, reason kept).
import { ExpectedVersion, type RecordedEvent, type Store } from '../storage.js';
import type { Emitted } from './emitted.js';
import type { ProjectionHandler } from './systemProjections.js';

export type ProjectionMode = 'Continuous' | 'OneTime' | 'Transient';

export interface ProjectionDefinition {
  readonly name: string;
  readonly mode: ProjectionMode;
  /** Whether it may write events other than links (a user projection's `emit`, `linkTo`). */
  readonly emitEnabled: boolean;
  readonly handler: ProjectionHandler;
}

export interface ProjectionStatus {
  readonly name: string;
  readonly mode: ProjectionMode;
  readonly status: 'Running' | 'Stopped' | 'Faulted';
  readonly stateReason: string;
  /** Records of `$all` processed so far. */
  readonly processed: number;
}

interface Running {
  definition: ProjectionDefinition;
  enabled: boolean;
  cursor: number;
  faulted: string | undefined;
}

export class ProjectionEngine {
  readonly #store: Store;
  readonly #projections = new Map<string, Running>();
  #running = false;

  constructor(store: Store) {
    this.#store = store;
    store.onChange(() => this.run());
  }

  /** Registers a projection (stopped unless `enabled`); false when one of that name exists. */
  add(definition: ProjectionDefinition, enabled: boolean): boolean {
    if (this.#projections.has(definition.name)) return false;
    this.#projections.set(definition.name, { definition, enabled, cursor: 0, faulted: undefined });
    this.run();
    return true;
  }

  /** Starts a projection; false when there is none of that name. */
  enable(name: string): boolean {
    const projection = this.#projections.get(name);
    if (projection === undefined) return false;
    projection.enabled = true;
    projection.faulted = undefined;
    this.run();
    return true;
  }

  /** Stops a projection where it is; false when there is none of that name. */
  disable(name: string): boolean {
    const projection = this.#projections.get(name);
    if (projection === undefined) return false;
    projection.enabled = false;
    return true;
  }

  status(name: string): ProjectionStatus | undefined {
    const projection = this.#projections.get(name);
    return projection === undefined ? undefined : statusOf(projection);
  }

  statuses(): readonly ProjectionStatus[] {
    return [...this.#projections.values()].map(statusOf);
  }

  /** Processes every record past each running projection's cursor, the ones they write included. */
  run(): void {
    if (this.#running) return;
    this.#running = true;
    try {
      for (let progressed = true; progressed;) {
        progressed = false;
        for (const projection of this.#projections.values()) {
          while (projection.enabled && projection.faulted === undefined) {
            const record = this.#store.log[projection.cursor];
            if (record === undefined) break;
            projection.cursor++;
            progressed = true;
            this.#process(projection, record);
          }
        }
      }
    } finally {
      this.#running = false;
    }
  }

  #process(projection: Running, record: RecordedEvent): void {
    if (record.stream.startsWith('$$')) return;
    let emitted: readonly Emitted[];
    try {
      emitted = projection.definition.handler(record);
    } catch (error) {
      projection.faulted = error instanceof Error ? error.message : String(error);
      return;
    }
    for (const { stream, event } of emitted) this.#store.append(stream, ExpectedVersion.Any, [event]);
  }
}

function statusOf(projection: Running): ProjectionStatus {
  const { name, mode } = projection.definition;
  const status = projection.faulted !== undefined ? 'Faulted' : projection.enabled ? 'Running' : 'Stopped';
  return { name, mode, status, stateReason: projection.faulted ?? '', processed: projection.cursor };
}
