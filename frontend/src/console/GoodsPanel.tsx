import { useState } from 'react';
import { ConsoleDataDocument, ReceiveGoodsDocument, type ReceiveGoodsMutation } from '../generated/graphql';
import { useMutation, useQuery } from './api';
import { Failure, FormErrors } from './errors';
import { ct } from './messages';

/** Goods arrived against a purchase order: lines become ready and complete orders get a shipment proposed. */
export function GoodsPanel() {
  const loaded = useQuery(ConsoleDataDocument, {});
  const [chosen, setChosen] = useState('');
  const [result, setResult] = useState<ReceiveGoodsMutation['receiveGoods'] | null>(null);
  const [receive, receiving] = useMutation(ReceiveGoodsDocument);
  const orders = loaded.data?.purchaseOrders ?? [];
  const purchaseOrder = chosen || orders[0]?.number || '';

  return (
    <section aria-labelledby="goods-title" className="panel">
      <h1 id="goods-title">{ct('goodsTitle')}</h1>
      <Failure error={loaded.error} />
      <label>
        {ct('purchaseOrder')}
        <select
          aria-label={ct('purchaseOrder')}
          value={purchaseOrder}
          onChange={(event) => setChosen(event.target.value)}
        >
          {orders.map((po) => (
            <option key={po.number} value={po.number}>
              {ct('purchaseOrderOption', {
                number: po.number,
                supplier: po.supplier,
                date: po.expectedArrival,
                lines: po.allocatedLines,
              })}
            </option>
          ))}
        </select>
      </label>
      <div className="actions">
        <button
          type="button"
          disabled={!purchaseOrder || receiving.running}
          onClick={async () => {
            const data = await receive({ input: { purchaseOrder, quantities: null, receivedOn: null } });
            if (data) {
              setResult(data.receiveGoods);
              setChosen('');
              loaded.reload();
            }
          }}
        >
          {ct('receiveAll')}
        </button>
      </div>
      <Failure error={receiving.error} />
      {result && <FormErrors errors={result.errors} />}
      {result && result.errors.length === 0 && (
        <p aria-live="polite">
          {ct('received', { lines: result.linesReady ?? 0, orders: result.ordersReady ?? 0 })}
          {result.waitingLines &&
            result.waitingLines.length > 0 &&
            ` ${ct('stillWaiting', { lines: result.waitingLines.join(', ') })}`}
        </p>
      )}
    </section>
  );
}
