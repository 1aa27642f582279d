// Schools' names by id, for the evaluation views, whose answers name a school by its id only. Each school is
// asked for once (GET /api/schools/{id}) and remembered for the page's life: a school's name hardly changes.
import { getJson } from './api.js';

const names = new Map();

/** The names known so far; until a school's answer comes (or if it fails), its id stands in. */
export function schoolName(id) {
  return names.get(id) ?? id;
}

/** Asks for the schools not asked for yet; resolves once every answer is in, whatever it was. */
export async function loadSchoolNames(ids) {
  const wanted = [...new Set(ids)].filter((id) => id && !names.has(id));
  wanted.forEach((id) => names.set(id, id));
  await Promise.all(wanted.map(async (id) => {
    try {
      names.set(id, (await getJson(`api/schools/${encodeURIComponent(id)}`)).name || id);
    } catch {
      // the id stays on screen: a name is a comfort, not a figure
    }
  }));
}
