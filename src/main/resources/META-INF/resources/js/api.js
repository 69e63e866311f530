// GraphQL over HTTP: one function, readable errors.

export class ApiError extends Error {
  constructor(message, details) {
    super(message);
    this.name = 'ApiError';
    this.details = details || [];
  }
}

const ENDPOINT = new URL('graphql', document.baseURI).href;

/** Posts a query; resolves to data, rejects with an ApiError whose message a reader can understand. */
export async function gql(query, variables = {}, { signal } = {}) {
  let response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError('Could not reach the Quoteline server. Check your connection and try again.');
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    throw new ApiError(`The server answered ${response.status} ${response.statusText || ''} without readable data.`.trim());
  }
  if (body && Array.isArray(body.errors) && body.errors.length) {
    const messages = body.errors.map(e => cleanMessage(e.message));
    throw new ApiError(messages.join(' · '), body.errors);
  }
  if (!response.ok) throw new ApiError(`The server answered ${response.status}.`);
  return body.data;
}

// SmallRye prefixes validation errors with "Validation error (…)": keep the human part.
function cleanMessage(message) {
  const m = String(message || 'Unknown error');
  return m.replace(/^Validation error \([^)]*\)\s*:\s*/, 'Invalid request: ');
}
