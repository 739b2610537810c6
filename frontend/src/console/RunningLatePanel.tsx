import { RunningLateDocument } from '../generated/graphql';
import { useQuery } from './api';
import { Failure } from './errors';
import { dateWindow, day, percent } from './format';
import { ct } from './messages';
import { OrderLink, supplierName } from './OrderLink';

/**
 * The lines time has overtaken: a purchase order past its expected arrival with their goods missing, a line past its
 * dispatch day, a dropshipped line past its supplier's dispatch. Each with what it waits for, how long overdue and the
 * window the customer's page now shows; the order opens from its number.
 */
export function RunningLatePanel() {
  const loaded = useQuery(RunningLateDocument, {});
  const lines = loaded.data?.runningLate ?? [];
  // Suppliers named as agents know them, by their code when gone.
  const named = (code: string) => supplierName(code, loaded.data?.suppliers ?? []);
  return (
    <section aria-labelledby="running-late-title" className="panel">
      <h1 id="running-late-title">{ct('runningLateTitle')}</h1>
      <p>{ct('runningLateIntro')}</p>
      <Failure error={loaded.error} />
      {loaded.data && lines.length === 0 && <p>{ct('runningLateEmpty')}</p>}
      {lines.length > 0 && (
        <div className="scroll" tabIndex={0} role="region" aria-labelledby="running-late-title">
          <table aria-labelledby="running-late-title">
            <thead>
              <tr>
                <th scope="col">{ct('lateOrder')}</th>
                <th scope="col">{ct('lateCustomer')}</th>
                <th scope="col">{ct('lateItem')}</th>
                <th scope="col">{ct('lateWaitsFor')}</th>
                <th scope="col">{ct('lateDaysOverdue')}</th>
                <th scope="col">{ct('latePromised')}</th>
                <th scope="col">{ct('lateEstimate')}</th>
                <th scope="col">{ct('lateCustomerTold')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={`${line.orderNumber}-${line.lineId}`} data-testid="running-late-line">
                  <td>
                    <OrderLink order={line.orderNumber} />
                  </td>
                  <td>{line.customer}</td>
                  <td>{line.name}</td>
                  <td>
                    {line.purchaseOrder
                      ? ct('latePurchaseOrder', { number: line.purchaseOrder, supplier: named(line.supplier ?? '') })
                      : line.supplier
                        ? ct('lateSupplier', { supplier: named(line.supplier) })
                        : ct('lateWarehouse')}
                  </td>
                  <td>{line.daysOverdue}</td>
                  <td>{day(line.promisedDate)}</td>
                  <td>
                    {dateWindow(line.estimate.earliest, line.estimate.latest)}
                    {line.estimate.confidence != null &&
                      ` (${ct('lateConfidence', { share: percent(line.estimate.confidence) })})`}
                  </td>
                  <td>
                    {line.moved
                      ? ct('lateMoved')
                      : line.movesNext
                        ? ct('lateNotMoved')
                        : // Its window holds: a day other than first promised was told when the window moved there.
                          line.movedSincePromised
                          ? ct('lateToldEarlier')
                          : ct('lateWindowHolds')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
