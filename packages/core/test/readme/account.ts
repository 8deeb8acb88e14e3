// The README's example, run by readme.test.ts.
// #region example
import * as E from 'fp-ts/lib/Either.js';
import { createInMemoryStore, handle, type Decider } from '@dossier/core';

type Deposit = { readonly type: 'Deposit'; readonly amount: number };
type Deposited = { readonly type: 'Deposited'; readonly data: { readonly amount: number } };
type NotPositive = { readonly _tag: 'NotPositive'; readonly amount: number };

/** An aggregate as a pure decider: no clock, no I/O, refusals as values. */
const account: Decider<Deposit, number, Deposited, NotPositive> = {
  initialState: 0,
  decide: (command) =>
    command.amount > 0
      ? E.right([{ type: 'Deposited', data: { amount: command.amount } }])
      : E.left({ _tag: 'NotPositive', amount: command.amount }),
  evolve: (balance, event) => balance + event.data.amount,
};

const store = createInMemoryStore(); // or openSqliteStore / createEventStoreDbStore: the same port
const deposit = (commandId: string, amount: number) =>
  handle(store, account, {
    stream: 'account-1',
    command: { type: 'Deposit', amount },
    context: { commandId, actor: 'u-1' },
  })();

const first = await deposit('cmd-1', 50);
const again = await deposit('cmd-1', 50); // the same command id: recognised, nothing appended twice
const refused = await deposit('cmd-2', -5);
if (E.isRight(first) && E.isRight(again) && E.isLeft(refused)) {
  console.log(first.right.state, again.right.repeated, refused.left._tag); // 50 true NotPositive
}
await store.close();
// #endregion example
