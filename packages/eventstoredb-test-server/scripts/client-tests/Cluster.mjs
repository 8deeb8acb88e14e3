// Stands in for the client test suite's docker-based `Cluster` helper (packages/test/src/utils/Cluster.ts):
// `up()` starts an in-process @dossier/eventstoredb-test-server (or, for a cluster, `startTestCluster` with as many
// nodes, node 0 leading), `down()` stops it, and the connection strings point at it. The run script copies this
// file over the suite's Cluster.ts; the tests themselves run unchanged.
//
// `killNode` and `resurrect` stop a node and bring every node back (a cluster's leader moving to the next live
// node), as the suite's docker cluster does. A secure node (the default) serves TLS with the package's test
// certificate (CLIENT_TESTS_TLS_DIR, set by run.mjs) and checks credentials and ACLs (`authentication: true`); an
// insecure one checks nothing. There are no user certificates.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestCluster, startTestServer } from '@dossier/eventstoredb-test-server';

const tlsDir = process.env.CLIENT_TESTS_TLS_DIR ?? '';

export class Cluster {
  domain = '127.0.0.1';
  #count;
  #server;
  #cluster;

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
    return `${this.domain}:${this.#ports()[0]}`;
  }
  get endpoints() {
    return this.#ports().map((port) => ({ address: this.domain, port }));
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
    const secure = this.insecure
      ? {}
      : {
          tls: {
            certChain: readFileSync(join(tlsDir, 'node.crt')),
            privateKey: readFileSync(join(tlsDir, 'node.key')),
          },
          authentication: true,
        };
    if (this.#count > 1)
      this.#cluster ??= await startTestCluster({
        client: '@kurrent/kurrentdb-client',
        nodes: this.#count,
        ...secure,
      });
    else this.#server ??= await startTestServer({ client: '@kurrent/kurrentdb-client', ...secure });
  };

  down = async () => {
    await this.#server?.stop();
    await this.#cluster?.stop();
    this.#server = undefined;
    this.#cluster = undefined;
  };

  killNode = async (endpoint) => {
    if (this.#cluster === undefined) throw new Error('not applicable: killNode on a single node');
    const index = this.#ports().indexOf(endpoint.port);
    if (index < 0) throw new Error(`no node at ${endpoint.address}:${endpoint.port}`);
    await this.#cluster.kill(index);
  };
  resurrect = async () => {
    if (this.#cluster === undefined) throw new Error('not applicable: resurrect on a single node');
    await Promise.all(this.#cluster.nodes.map((_, index) => this.#cluster.revive(index)));
  };

  #ports() {
    if (this.#cluster !== undefined) return this.#cluster.nodes.map((node) => node.port);
    if (this.#server === undefined) throw new Error('Cluster.up() first');
    return [this.#server.port];
  }
}
