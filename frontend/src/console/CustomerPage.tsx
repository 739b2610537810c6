import { useState } from 'react';
import { CustomerViewDocument, type CustomerOrderFragment } from '../generated/graphql';
import { pickLanguage } from '../i18n/i18n';
import type { Language } from '../i18n/messages';
import { HeadingsBelow } from '../tracking/Heading';
import { OrderView } from '../tracking/OrderView';
import { useQuery } from './api';
import { Failure } from './errors';
import { CustomerLanguageSelect } from './CustomerLanguageSelect';
import { ct, languageName } from './messages';

/**
 * The order's tracking page as its customer sees it now, for an agent on the phone with them: the page's own view of
 * the order, read only, in the customer's language unless the agent picks another. It follows the order's changes.
 */
export function CustomerPage({
  orderNumber,
  customerLocale,
  revision,
  linkOpens,
}: {
  orderNumber: string;
  customerLocale: string;
  /** The order's revision: a change of it asks for the page again. */
  revision: number;
  /** Whether the customer's link opens the page now. */
  linkOpens: boolean;
}) {
  const [shown, setShown] = useState(false);
  const customers = pickLanguage(customerLocale);
  // The customer's language, as it is now (they may change it), unless the agent picked another.
  const [picked, setPicked] = useState<Language | null>(null);
  const language = picked ?? customers;
  const view = useQuery(CustomerViewDocument, { orderNumber }, { skip: !shown, refetchOn: revision });
  // While the page is asked for again after a change, the one shown stays rather than blinking out.
  const [last, setLast] = useState<CustomerOrderFragment | null | undefined>(undefined);
  if (view.data !== undefined && view.data.customerView !== last) {
    setLast(view.data.customerView ?? null);
  }
  const order = view.data !== undefined ? (view.data.customerView ?? null) : last;

  return (
    <section aria-labelledby="customer-page-title" className="subpanel">
      <h3 id="customer-page-title">{ct('customerPageTitle')}</h3>
      {/* A button that shows and hides it, and stays where it is. */}
      <button type="button" className="secondary" aria-expanded={shown} onClick={() => setShown(!shown)}>
        {ct(shown ? 'hideCustomerPage' : 'showCustomerPage')}
      </button>
      {shown && (
        <>
          <p className="hint">{ct('customerPageIntro', { language: languageName(customers) })}</p>
          {!linkOpens && <p className="caveat">{ct('customerPageShut')}</p>}
          <CustomerLanguageSelect label={ct('customerPageLanguage')} value={language} onChange={setPicked} />
          <Failure error={view.error} />
          {order === undefined && !view.error && <p>{ct('loading')}</p>}
          {order === null && <p>{ct('customerPageGone')}</p>}
          {/* The page as the customer has it, every choice and button on it, none of them to use here: disabled. */}
          {order && (
            <fieldset
              disabled
              className="customer-view customer-page"
              lang={language}
              aria-label={ct('customerPageTitle')}
              data-testid="customer-view"
            >
              {/* Its headings sit below this section's, as the page sits inside it. */}
              <HeadingsBelow levels={3}>
                <OrderView order={order} language={language} token="" onChange={ignore} />
              </HeadingsBelow>
            </fieldset>
          )}
        </>
      )}
    </section>
  );
}

/** Nothing changes the order from the agents' view of the customer's page. */
function ignore() {}
