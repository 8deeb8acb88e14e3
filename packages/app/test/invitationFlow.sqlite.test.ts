import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteProjectionStore } from '@dossier/store-sqlite';
import { openStore } from '../src/index.js';
import { right } from './support/flowFixtures.js';
import { describeInvitationFlow } from './support/invitationFlowSuite.js';

// Both stores in files of a temporary folder: events through the app's `sqlite:` location, state and checkpoints in
// the SQLite projection store, as the CLI and the demo run them.
describeInvitationFlow('SQLite files', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'dossier-flow-'));
  const { store } = await right(openStore(`sqlite:${join(folder, 'events.db')}`));
  const states = createSqliteProjectionStore({ path: join(folder, 'projections.db'), synchronous: 'normal' });
  return {
    store,
    states,
    close: async () => {
      await states.close();
      await store.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
});
