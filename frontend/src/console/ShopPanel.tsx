import { useState, type CSSProperties } from 'react';
import {
  ConsoleShopDocument,
  DefineShopLookDocument,
  FeedbackCsvDocument,
  type ShopLookInput,
  type ShopLookViewFragment,
} from '../generated/graphql';
import { readableOn } from '../Shell';
import { useMutation, useQuery } from './api';
import { request } from './client';
import { CsvDownload } from './CsvDownload';
import { errorsAt, errorsBesides, Failure, FieldError, FormErrors, invalidProps, type UserError } from './errors';
import { useBroughtIntoView } from './focus';
import { ct, type ConsoleKey } from './messages';

const FIELDS: { name: keyof ShopLookInput; label: ConsoleKey; type: string; hint?: ConsoleKey }[] = [
  { name: 'name', label: 'shopName', type: 'text' },
  { name: 'colour', label: 'shopColour', type: 'text', hint: 'shopColourHint' },
  { name: 'logoUrl', label: 'shopLogoUrl', type: 'url', hint: 'shopUrlHint' },
  { name: 'email', label: 'shopEmail', type: 'email' },
  { name: 'phone', label: 'shopPhone', type: 'tel' },
  { name: 'helpUrl', label: 'shopHelpUrl', type: 'url', hint: 'shopUrlHint' },
];

const COLOUR = /^#[0-9a-fA-F]{6}$/;

/** The shop's look for admins to change, shown as customers will see it; and every customer's answer as CSV. */
export function ShopPanel() {
  const loaded = useQuery(ConsoleShopDocument, {});
  return (
    <section aria-labelledby="shop-title" className="panel">
      <h1 id="shop-title">{ct('shopTitle')}</h1>
      <Failure error={loaded.error} what={ct('shopTitle')} />
      {loaded.loading && <p>{ct('loading')}</p>}
      {loaded.data && <LookForm current={loaded.data.shop} onSaved={loaded.reload} />}
      <FeedbackExport />
    </section>
  );
}

const asForm = (shop: ShopLookViewFragment): Record<keyof ShopLookInput, string> => ({
  name: shop.name,
  colour: shop.colour,
  logoUrl: shop.logoUrl ?? '',
  email: shop.email ?? '',
  phone: shop.phone ?? '',
  helpUrl: shop.helpUrl ?? '',
});

function LookForm({ current, onSaved }: { current: ShopLookViewFragment; onSaved: () => void }) {
  const [form, setForm] = useState(() => asForm(current));
  const [errors, setErrors] = useState<UserError[]>([]);
  const [saved, setSaved] = useState(false);
  const [define, state] = useMutation(DefineShopLookDocument);
  const at = (field: string) => errorsAt(errors, field);
  const input: ShopLookInput = {
    name: form.name,
    colour: form.colour.trim(),
    logoUrl: form.logoUrl.trim() || null,
    email: form.email.trim() || null,
    phone: form.phone.trim() || null,
    helpUrl: form.helpUrl.trim() || null,
  };

  const save = async () => {
    setSaved(false);
    const data = await define({ input });
    if (data) {
      setErrors(data.defineShopLook.errors);
      if (data.defineShopLook.shop) {
        setForm(asForm(data.defineShopLook.shop));
        setSaved(true);
        onSaved();
      }
    }
  };

  return (
    <form
      aria-labelledby="look-title"
      // The console says what it needs of each field beside it, all at once and in the agent's language; the
      // browser's own bubbles would come first, one at a time, in the browser's.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id="look-title">{ct('shopLookTitle')}</h2>
      <p className="hint">{ct('shopLookHint')}</p>
      {FIELDS.map((field) => (
        <div className="field" key={field.name}>
          <label>
            {ct(field.label)}
            <input
              type={field.type}
              value={form[field.name]}
              onChange={(event) => {
                setForm({ ...form, [field.name]: event.target.value });
                setSaved(false);
              }}
              {...invalidProps(at(field.name), `shop-${field.name}-error`)}
            />
          </label>
          {/* A refusal says what the field takes: it stands in for the hint rather than beside it. */}
          {field.hint && at(field.name).length === 0 && <span className="hint">{ct(field.hint)}</span>}
          <FieldError id={`shop-${field.name}-error`} errors={at(field.name)} />
        </div>
      ))}
      <Preview look={input} />
      <div className="actions">
        <button type="submit" disabled={state.running}>
          {ct('shopSave')}
        </button>
      </div>
      <FormErrors
        errors={errorsBesides(
          errors,
          FIELDS.map((field) => field.name),
        )}
      />
      <Failure error={state.error} what={ct('shopSave')} />
      {saved && <Saved />}
    </form>
  );
}

/** The top and the foot of the tracking page with the look as typed, before it is saved. */
function Preview({ look }: { look: ShopLookInput }) {
  const colour = COLOUR.test(look.colour) ? look.colour : null;
  const contacts = [look.email, look.phone, look.helpUrl && ct('shopHelpLink')].filter(Boolean).join(' · ');
  return (
    <figure className="shop-preview" data-testid="shop-preview">
      <figcaption>{ct('shopPreview')}</figcaption>
      <div
        className="preview-bar"
        style={colour ? ({ background: colour, color: readableOn(colour) } as CSSProperties) : undefined}
      >
        {look.logoUrl?.startsWith('https://') && <img src={look.logoUrl} alt="" height={32} />}
        <strong>{look.name.trim() || ct('none')}</strong>
      </div>
      {contacts && <p className="hint">{contacts}</p>}
    </figure>
  );
}

/** Every customer's answer to the question at the end, as a CSV file: fetched when asked for, not with the panel. */
function FeedbackExport() {
  return (
    <section aria-labelledby="answers-title">
      <h2 id="answers-title">{ct('answersTitle')}</h2>
      <p className="hint">{ct('answersHint')}</p>
      <CsvDownload
        label={ct('answersExport')}
        name="customer-answers"
        fetch={async () => (await request(FeedbackCsvDocument, {})).feedbackCsv}
      />
    </section>
  );
}

/** Said once the look is saved, with the keyboard there: the button pressed waits while it is saved. */
function Saved() {
  const said = useBroughtIntoView<HTMLParagraphElement>('nearest');
  return (
    <p role="status" ref={said} tabIndex={-1}>
      {ct('shopSaved')}
    </p>
  );
}
