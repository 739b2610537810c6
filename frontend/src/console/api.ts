import { useCallback, useEffect, useState } from 'react';
import type { TypedDocumentString } from '../generated/graphql';
import { asRequestError, request, type RequestError } from './client';

type Answer<TResult> = { key: string; generation: number; data?: TResult; error?: RequestError };

/**
 * Runs a typed query and runs it again whenever its variables change (or on reload, or when {@code refetchOn}
 * changes: a revision of what it shows). What it gives back always belongs to the variables asked for: while another
 * input's answer is on its way, nothing of the old one shows.
 */
export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  { skip = false, refetchOn }: { skip?: boolean; refetchOn?: number } = {},
) {
  const asked = JSON.stringify(variables ?? {});
  const key = refetchOn === undefined ? asked : `${asked}#${refetchOn}`;
  const [generation, setGeneration] = useState(0);
  const [answer, setAnswer] = useState<Answer<TResult> | null>(null);

  useEffect(() => {
    if (skip) {
      return;
    }
    let current = true;
    request(document, JSON.parse(asked) as TVariables).then(
      (data) => current && setAnswer({ key, generation, data }),
      (error: unknown) => current && setAnswer({ key, generation, error: asRequestError(error) }),
    );
    return () => {
      current = false;
    };
  }, [document, asked, key, generation, skip]);

  const mine = answer?.key === key && !skip ? answer : null;
  return {
    data: mine?.data,
    error: mine?.error,
    loading: !skip && (mine === null || mine.generation !== generation),
    reload: useCallback(() => setGeneration((previous) => previous + 1), []),
  };
}

/** A typed mutation: {@code run} resolves to its data, or to undefined after a failure, which {@code error} then holds. */
export function useMutation<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>) {
  const [state, setState] = useState<{ running: boolean; error?: RequestError }>({ running: false });
  const run = useCallback(
    async (variables: TVariables): Promise<TResult | undefined> => {
      setState({ running: true });
      try {
        const data = await request(document, variables);
        setState({ running: false });
        return data;
      } catch (error) {
        setState({ running: false, error: asRequestError(error) });
        return undefined;
      }
    },
    [document],
  );
  const reset = useCallback(() => setState({ running: false }), []);
  return [run, { ...state, reset }] as const;
}
