// The page's two views: 实时 (the live figures, pushed over the hub) and 评优 (the evaluation rubrics' rankings
// and sheets, asked for over HTTP). The address carries the view (?view=evaluations), so it can be shared too.
export const VIEWS = ['live', 'evaluations'];

export class ViewPicker {
  #view;

  /** root holds the [data-view] buttons; onPick hears of a new choice. */
  constructor(root, addressView, onPick) {
    this.buttons = [...root.querySelectorAll('[data-view]')];
    this.#view = VIEWS.includes(addressView) ? addressView : 'live';
    for (const button of this.buttons) {
      button.addEventListener('click', () => {
        if (button.dataset.view !== this.#view) {
          this.#view = button.dataset.view;
          this.render();
          onPick(this.#view);
        }
      });
    }
    this.render();
  }

  get view() {
    return this.#view;
  }

  render() {
    for (const button of this.buttons) {
      button.setAttribute('aria-pressed', String(button.dataset.view === this.#view));
    }
  }
}
