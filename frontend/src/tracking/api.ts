import type {
  AnswerQuestionMutation,
  AnswerQuestionMutationVariables,
  CancelLinesMutation,
  CancelLinesMutationVariables,
  ChooseDeliveryMutation,
  ChooseDeliveryMutationVariables,
  ChooseMessageChannelsMutation,
  ChooseMessageChannelsMutationVariables,
  ChooseMessageLanguageMutation,
  ChooseMessageLanguageMutationVariables,
  CustomerOrderFragment,
  DeliveryPreference,
  RequestTrackingLinkMutation,
  RequestTrackingLinkMutationVariables,
  RequestVerificationCodeMutation,
  RequestVerificationCodeMutationVariables,
  TrackOrderQuery,
  TrackOrderQueryVariables,
  TrackedOrderSubscription,
  VerificationChannel,
} from '../generated/graphql';
import { graphql } from '../graphql';
import { follow } from '../liveUpdates';
import type { ShopLook } from '../Shell';
import DECISIONS from './decisions.graphql?raw';
import TRACK_ORDER from './trackOrder.graphql?raw';

// One document holds every operation of the page and the fragment they share; each request names its operation.
const DOCUMENT = `${TRACK_ORDER}\n${DECISIONS}`;

export type CustomerOrder = CustomerOrderFragment;
export type UserError = { code: string; field: string; message: string };

/** The outcome of a customer's request: the order as it now is, or why nothing changed. */
export type Outcome = { order: CustomerOrder } | { errors: UserError[] };

/** The order behind the link (null for a link that opens none) and the shop it was bought from. */
export async function trackOrder(token: string): Promise<{ order: CustomerOrder | null; shop: ShopLook }> {
  const data = await graphql<TrackOrderQuery, TrackOrderQueryVariables>(DOCUMENT, { token }, 'TrackOrder');
  return { order: data.trackOrder, shop: data.shop };
}

/** The order again each time it changes, whoever changed it; returns the function that stops following. */
export function followOrder(token: string, onChange: (order: CustomerOrder) => void): () => void {
  return follow<TrackedOrderSubscription>(DOCUMENT, { token }, 'TrackedOrder', (data) => {
    if (data.trackedOrder) {
      onChange(data.trackedOrder);
    }
  });
}

/** The delivery choice; ready items first at a cost takes the one-time code the customer received. */
export async function chooseDelivery(token: string, preference: DeliveryPreference, code?: string): Promise<Outcome> {
  const data = await graphql<ChooseDeliveryMutation, ChooseDeliveryMutationVariables>(
    DOCUMENT,
    { token, preference, code: code ?? null },
    'ChooseDelivery',
  );
  return outcome(data.chooseDelivery);
}

export async function requestCode(
  token: string,
  channel: VerificationChannel,
): Promise<{ sentTo: string } | { errors: UserError[] }> {
  const data = await graphql<RequestVerificationCodeMutation, RequestVerificationCodeMutationVariables>(
    DOCUMENT,
    { token, channel },
    'RequestVerificationCode',
  );
  const payload = data.requestVerificationCode;
  return payload.errors.length || !payload.sentTo ? { errors: payload.errors } : { sentTo: payload.sentTo };
}

export async function cancelLines(token: string, lineIds: string[], code: string): Promise<Outcome> {
  const data = await graphql<CancelLinesMutation, CancelLinesMutationVariables>(
    DOCUMENT,
    { token, lineIds, code },
    'CancelLines',
  );
  return outcome(data.cancelLines);
}

export async function chooseMessageChannels(token: string, email: boolean, sms: boolean): Promise<Outcome> {
  const data = await graphql<ChooseMessageChannelsMutation, ChooseMessageChannelsMutationVariables>(
    DOCUMENT,
    { token, email, sms },
    'ChooseMessageChannels',
  );
  return outcome(data.chooseMessageChannels);
}

export async function chooseMessageLanguage(token: string, language: string): Promise<Outcome> {
  const data = await graphql<ChooseMessageLanguageMutation, ChooseMessageLanguageMutationVariables>(
    DOCUMENT,
    { token, language },
    'ChooseMessageLanguage',
  );
  return outcome(data.chooseMessageLanguage);
}

function outcome(payload: { order: CustomerOrder | null; errors: UserError[] }): Outcome {
  return payload.errors.length || !payload.order ? { errors: payload.errors } : { order: payload.order };
}

/** "Find my order": 'accepted' whether or not anything matched, else the refusal's code. */
export async function requestTrackingLink(orderNumber: string, contact: string): Promise<'accepted' | string> {
  const data = await graphql<RequestTrackingLinkMutation, RequestTrackingLinkMutationVariables>(
    DOCUMENT,
    { orderNumber, contact },
    'RequestTrackingLink',
  );
  const payload = data.requestTrackingLink;
  return payload.accepted ? 'accepted' : (payload.errors[0]?.code ?? 'FAILED');
}

export async function answerQuestion(token: string, score: number, comment: string | null): Promise<Outcome> {
  const data = await graphql<AnswerQuestionMutation, AnswerQuestionMutationVariables>(
    DOCUMENT,
    { token, score, comment },
    'AnswerQuestion',
  );
  return outcome(data.answerQuestion);
}
