// What the page shows of its subscription: the last snapshot with every update since laid over it.
// Messages of an earlier subscription (still in flight when the region or period changed) are dropped,
// and so are updates before the subscription's first snapshot.

export const SECTIONS = ['kpi', 'topTeachers', 'topSchools', 'children'];

export class LiveView {
  #key = null;
  #current = null;

  get current() {
    return this.#current;
  }

  /** From now on only regionId and period count; their snapshot is awaited. */
  expect(regionId, period) {
    this.#key = keyOf({ regionId, period });
    this.#current = null;
  }

  /** The whole view, or null when the snapshot belongs to another subscription. */
  snapshot(message) {
    if (keyOf(message) !== this.#key) {
      return null;
    }
    this.#current = message;
    return { view: message, changed: SECTIONS };
  }

  /** The merged view and the names of the sections that changed, or null when the update is not ours. */
  update(message) {
    if (!this.#current || keyOf(message) !== this.#key) {
      return null;
    }
    const changed = SECTIONS.filter((section) => message[section] != null);
    const view = { ...message };
    for (const section of SECTIONS) {
      view[section] = message[section] ?? this.#current[section];
    }
    this.#current = view;
    return { view, changed };
  }
}

function keyOf(message) {
  return `${message.regionId}|${message.period}`;
}
