// The silo's JSON query API (GET /api/...), relative to the page.

export async function getJson(path, query) {
  const url = new URL(path, document.baseURI);
  for (const [name, value] of Object.entries(query)) {
    url.searchParams.set(name, value);
  }
  const response = await fetch(url);
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new Error(problem?.detail ?? `${response.status} ${response.statusText}`);
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
