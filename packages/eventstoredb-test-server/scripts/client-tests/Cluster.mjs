// Stands in for the client test suite's docker-based `Cluster` helper (packages/test/src/utils/Cluster.ts):
// `up()` starts an in-process @dossier/eventstoredb-test-server, `down()` stops it, and the connection strings point
// at it. The run script copies this file over the suite's Cluster.ts; the tests themselves run unchanged.
//
// One node only: a cluster (count > 1) is refused in `up()`, so tests that need several nodes fail as not
// applicable. A secure node (the default) serves TLS with the package's test certificate (CLIENT_TESTS_TLS_DIR, set
// by run.mjs) and checks credentials and ACLs (`authentication: true`); an insecure one checks nothing. There are no
// user certificates.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer } from '@dossier/eventstoredb-test-server';

const tlsDir = process.env.CLIENT_TESTS_TLS_DIR ?? '';

export class Cluster {
  domain = '127.0.0.1';
  #count;
  #server;

  constructor(count, insecure = false) {
    this.#count = count;
    this.insecure = insecure;
  }

  setLogLevel = () => this;
  setOption = () => this;
  enableNodeLogs = async () => undefined;

  get certs() {
    if (this.insecure) throw new Error('No Cert for insecure cluster');
    return {
      root: readFileSync(this.certPath.root),
      get users() {
        throw new Error('not applicable: no user certificates');
      },
    };
  }
  get certPath() {
    if (this.insecure) throw new Error('No Cert for insecure cluster');
    return {
      root: join(tlsDir, 'ca.crt'),
      get admin() {
        throw new Error('not applicable: no user certificates');
      },
      get invalid() {
        throw new Error('not applicable: no user certificates');
      },
    };
  }
  get uri() {
    return `${this.domain}:${this.#port()}`;
  }
  get endpoints() {
    return [{ address: this.domain, port: this.#port() }];
  }

  connectionString = () => this.connectionStringWithOverrides({});

  connectionStringWithOverrides = (features) => {
    const endpoints = (features.endpoints ?? this.endpoints).map((x) => `${x.address}:${x.port}`).join(',');
    const user = features.defaultUserCredentials ?? { username: 'admin', password: 'changeit' };
    const params = this.insecure ? ['tls=false'] : ['tls=true', `tlsCAFile=${this.certPath.root}`];
    if (features.nodePreference) params.push(`nodePreference=${features.nodePreference}`);
    if (features.maxDiscoverAttempts) params.push(`maxDiscoverAttempts=${features.maxDiscoverAttempts}`);
    if (features.discoveryInterval) params.push(`discoveryInterval=${features.discoveryInterval}`);
    if (features.throwOnAppendFailure === false) params.push('throwOnAppendFailure=false');
    if (features.defaultDeadline) params.push(`defaultDeadline=${features.defaultDeadline}`);
    if (features.connectionName) params.push(`connectionName=${features.connectionName}`);
    return `kurrentdb://${user.username}:${user.password}@${endpoints}?${params.join('&')}`;
  };

  up = async () => {
    if (this.#count > 1) throw new Error(`not applicable: a cluster of ${this.#count} nodes is not emulated`);
    const secure = this.insecure
      ? {}
      : {
          tls: {
            certChain: readFileSync(join(tlsDir, 'node.crt')),
            privateKey: readFileSync(join(tlsDir, 'node.key')),
          },
          authentication: true,
        };
    this.#server ??= await startTestServer({ client: '@kurrent/kurrentdb-client', ...secure });
  };

  down = async () => {
    await this.#server?.stop();
    this.#server = undefined;
  };

  killNode = async () => {
    throw new Error('not applicable: nodes cannot be killed');
  };
  resurrect = async () => {
    throw new Error('not applicable: nodes cannot be resurrected');
  };

  #port() {
    if (this.#server === undefined) throw new Error('Cluster.up() first');
    return this.#server.port;
  }
}
