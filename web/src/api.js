// The console's only ways to the server: POST /graphql, the graphql-transport-ws socket and the
// report downloads, each with the caller's bearer token. Nothing is computed here that the API
// does not return: scope and masking are the server's.
import { createClient } from 'graphql-ws';

const TOKEN_KEY = 'ym.token';

export const loadToken = () => localStorage.getItem(TOKEN_KEY) || '';
export const saveToken = (token) =>
  token ? localStorage.setItem(TOKEN_KEY, token) : localStorage.removeItem(TOKEN_KEY);

export const wsUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;

/** The Relay global id of a graph id: base64("Type:key"), as schema/relay.py makes it. */
export const globalId = (type, key) => btoa(`${type}:${key}`);

export class ApiError extends Error {
  constructor(errors) {
    super(errors.map((e) => `${e.message}${e.extensions?.code ? ` (${e.extensions.code})` : ''}`).join('; '));
    this.errors = errors;
  }
}

export async function gql(query, variables = {}) {
  const token = loadToken();
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors?.length) throw new ApiError(body.errors);
  return body.data;
}

/** Subscribes over graphql-transport-ws; returns the function that unsubscribes. */
export function subscribe(query, variables, onData, onError) {
  const token = loadToken();
  const client = createClient({
    url: wsUrl(),
    connectionParams: token ? { Authorization: `Bearer ${token}` } : {},
    retryAttempts: 3,
  });
  const stop = client.subscribe(
    { query, variables },
    {
      next: (msg) => (msg.errors ? onError(new ApiError(msg.errors)) : onData(msg.data)),
      error: (e) => onError(e instanceof Error ? e : new Error(e?.message || String(e?.reason || 'websocket closed'))),
      complete: () => {},
    },
  );
  return () => {
    stop();
    client.dispose();
  };
}

/** Downloads a report file with the token (a plain link cannot send the Authorization header). */
export async function download(path, params) {
  const token = loadToken();
  const url = `${path}?${new URLSearchParams(params)}`;
  const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new ApiError(body.errors || [{ message: `HTTP ${response.status}` }]);
  }
  const disposition = response.headers.get('Content-Disposition') || '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]) : plain ? plain[1] : path.split('/').pop();
  const blob = await response.blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
  return name;
}

export async function devToken(role, org) {
  const response = await fetch('/console/dev-token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ role, org }),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body.token;
}

export async function consoleConfig() {
  const response = await fetch('/console/config');
  return response.ok ? response.json() : { dev: false, graphiql: false };
}
