// The silo's JSON API (GET /api/..., and the evaluations' POSTs), relative to the page, with the bureau token as a Bearer header.
import { currentToken } from './token.js';

let onRefused = () => {};

/** Called with the reason when the silo refuses the token (401): it is bad, expired or gone. */
export function whenRefused(handler) {
  onRefused = handler;
}

export function getJson(path, query = {}) {
  return request('GET', path, query);
}

/** POSTs body as JSON; the answer's JSON, or an Error with the problem's detail as getJson's. */
export function postJson(path, body) {
  return request('POST', path, {}, body);
}

async function request(method, path, query, body) {
  const url = new URL(path, document.baseURI);
  for (const [name, value] of Object.entries(query)) {
    url.searchParams.set(name, value);
  }
  const headers = { Authorization: `Bearer ${currentToken() ?? ''}` };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    const error = new Error(problem?.detail ?? `${response.status} ${response.statusText}`);
    error.status = response.status;
    if (response.status === 401) {
      onRefused(error.message);
    }
    throw error;
  }
  return response.json();
}

/** Answers only the latest of a series of requests: a slow, older answer never overwrites a newer one. */
export function latestOnly() {
  let ticket = 0;
  return async (request) => {
    const mine = ++ticket;
    const result = await request();
    return mine === ticket ? { result } : null;
  };
}
