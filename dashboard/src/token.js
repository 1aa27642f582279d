// The bureau token: taken once from the link (#token=…, as --demo prints it) or the token form, kept in
// sessionStorage for this tab's session only, and sent as a Bearer header and as SignalR's access token.

const KEY = 'zhijiang.dashboard.token';
let memory = null; // when storage is switched off, the token lives as long as the page

export function currentToken() {
  try {
    return sessionStorage.getItem(KEY) ?? memory;
  } catch {
    return memory;
  }
}

export function rememberToken(token) {
  memory = token;
  try {
    sessionStorage.setItem(KEY, token);
  } catch {
    // kept in memory only
  }
}

export function forgetToken() {
  memory = null;
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing kept
  }
}

/** Takes a token from the address's fragment, then removes the fragment so it is neither shown nor bookmarked. */
export function takeTokenFromAddress() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const token = fragment.get('token');
  if (location.hash) {
    history.replaceState(null, '', location.pathname + location.search);
  }
  if (token) {
    rememberToken(token.trim());
  }
}
