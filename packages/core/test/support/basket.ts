import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { eventSchema, type Decider } from '@dossier/core';

// A basket whose state is more than a number, so that a snapshot's codec has something to get wrong: defined
// here because core knows no domain.

export type BasketCommand =
  | { readonly type: 'Add'; readonly item: string }
  | { readonly type: 'Remove'; readonly item: string }
  | { readonly type: 'Close' };

const ItemData = t.strict({ item: t.string });
const AddedCodec = t.strict({ type: t.literal('Added'), data: ItemData });
const RemovedCodec = t.strict({ type: t.literal('Removed'), data: ItemData });
const ClosedCodec = t.strict({ type: t.literal('Closed'), data: t.strict({}) });

export type BasketEvent =
  t.TypeOf<typeof AddedCodec> | t.TypeOf<typeof RemovedCodec> | t.TypeOf<typeof ClosedCodec>;

export interface BasketState {
  readonly closed: boolean;
  readonly items: ReadonlyArray<string>;
}

export type BasketError =
  | { readonly _tag: 'BasketClosed' }
  | { readonly _tag: 'AlreadyInBasket'; readonly item: string }
  | { readonly _tag: 'NotInBasket'; readonly item: string };

export const basket: Decider<BasketCommand, BasketState, BasketEvent, BasketError> = {
  initialState: { closed: false, items: [] },
  decide: (c, s) => {
    if (s.closed) return E.left({ _tag: 'BasketClosed' });
    switch (c.type) {
      case 'Add':
        return s.items.includes(c.item)
          ? E.left({ _tag: 'AlreadyInBasket', item: c.item })
          : E.right([{ type: 'Added', data: { item: c.item } }]);
      case 'Remove':
        return s.items.includes(c.item)
          ? E.right([{ type: 'Removed', data: { item: c.item } }])
          : E.left({ _tag: 'NotInBasket', item: c.item });
      case 'Close':
        return E.right([{ type: 'Closed', data: {} }]);
    }
  },
  evolve: (s, e) => {
    switch (e.type) {
      case 'Added':
        return { ...s, items: [...s.items, e.data.item] };
      case 'Removed':
        return { ...s, items: s.items.filter((item) => item !== e.data.item) };
      case 'Closed':
        return { ...s, closed: true };
    }
  },
};

export const basketSchema = eventSchema({
  Added: { codec: AddedCodec },
  Removed: { codec: RemovedCodec },
  Closed: { codec: ClosedCodec },
});

/** The state's codec, as snapshots need it. */
export const BasketStateCodec: t.Type<BasketState, unknown, unknown> = t.strict(
  { closed: t.boolean, items: t.readonlyArray(t.string) },
  'BasketState',
);
