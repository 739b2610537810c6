/** Sends a GraphQL operation to the backend, always as POST (the API takes nothing else). */
export async function graphql<TData, TVariables>(
  query: string,
  variables: TVariables,
  operationName?: string,
  accessToken?: string,
): Promise<TData> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      ...(accessToken ? { Authorization: `Bearer ${accessToken}` } : {}),
    },
    body: JSON.stringify({ query, variables, operationName }),
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
  });
  if (!response.ok) {
    throw new Error(`GraphQL request failed with HTTP ${response.status}`);
  }
  const body = (await response.json()) as { data?: TData; errors?: Array<{ message: string }> };
  if (body.errors?.length || !body.data) {
    throw new Error(body.errors?.map((error) => error.message).join('; ') ?? 'No data');
  }
  return body.data;
}
