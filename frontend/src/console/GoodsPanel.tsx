import { useEffect, useState } from 'react';
import type { ConsoleDataQuery, ReceiveGoodsMutation } from '../generated/graphql';
import { graphql } from '../graphql';
import CONSOLE from './console.graphql?raw';
import { ct } from './messages';

/** Goods arrived against a purchase order: lines become ready and complete orders get a shipment proposed. */
export function GoodsPanel({ token }: { token: string }) {
  const [orders, setOrders] = useState<ConsoleDataQuery['purchaseOrders']>([]);
  const [chosen, setChosen] = useState('');
  const [result, setResult] = useState<ReceiveGoodsMutation['receiveGoods'] | null>(null);

  const load = () =>
    graphql<ConsoleDataQuery, object>(CONSOLE, {}, 'ConsoleData', token).then((data) => {
      setOrders(data.purchaseOrders);
      setChosen((current) => current || data.purchaseOrders[0]?.number || '');
    });
  useEffect(() => {
    load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token]);

  const receive = () =>
    graphql<ReceiveGoodsMutation, object>(CONSOLE, { input: { purchaseOrder: chosen } }, 'ReceiveGoods', token).then((data) => {
      setResult(data.receiveGoods);
      setChosen('');
      return load();
    });

  return (
    <section aria-labelledby="goods-title" className="panel">
      <h1 id="goods-title">{ct('goodsTitle')}</h1>
      <label>
        {ct('purchaseOrder')}
        <select aria-label={ct('purchaseOrder')} value={chosen} onChange={(event) => setChosen(event.target.value)}>
          {orders.map((po) => (
            <option key={po.number} value={po.number}>
              {ct('purchaseOrderOption', { number: po.number, supplier: po.supplier, date: po.expectedArrival, lines: po.allocatedLines })}
            </option>
          ))}
        </select>
      </label>
      <div className="actions">
        <button type="button" disabled={!chosen} onClick={receive}>
          {ct('receiveAll')}
        </button>
      </div>
      {result && result.errors.length > 0 && (
        <p className="error" role="alert">
          {result.errors[0].message}
        </p>
      )}
      {result && result.errors.length === 0 && (
        <p aria-live="polite">
          {ct('received', { lines: result.linesReady ?? 0, orders: result.ordersReady ?? 0 })}
          {result.waitingLines && result.waitingLines.length > 0 && ` ${ct('stillWaiting', { lines: result.waitingLines.join(', ') })}`}
        </p>
      )}
    </section>
  );
}
