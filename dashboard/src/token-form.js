// The form that asks for the bureau token: shown at first, and again when the silo refuses the token (bad,
// expired, or not a bureau's), with the reason. The dashboard stays hidden meanwhile.
import { byTestId, setText } from './dom.js';
import { t } from './i18n.js';

export class TokenForm {
  #reason = null;

  constructor(root, page, onToken) {
    this.root = root;
    this.page = page;
    this.input = byTestId('token-input', root);
    this.message = byTestId('token-message', root);
    root.addEventListener('submit', (event) => {
      event.preventDefault();
      const token = this.input.value.trim();
      if (!token) {
        this.#show('token.empty', null);
        return;
      }
      this.input.value = '';
      onToken(token);
    });
  }

  /** Shows the form; reason is why the last token was refused, if one was. */
  show(reason = null) {
    this.#show(reason ? 'token.refused' : null, reason);
    this.root.hidden = false;
    this.page.hidden = true;
    this.input.focus();
  }

  hide() {
    this.root.hidden = true;
    this.page.hidden = false;
  }

  /** Again in the chosen language. */
  render() {
    this.#show(this.#reason?.key ?? null, this.#reason?.detail ?? null);
  }

  #show(key, detail) {
    this.#reason = key ? { key, detail } : null;
    setText(this.message, key ? t(key, { reason: detail ?? '' }) : '');
    this.message.hidden = !key;
  }
}
