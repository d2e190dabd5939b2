// The customer's session: tokens kept in this browser, one API client for the whole app, and the three things the
// app does for every call so pages need not: refresh an expired access token and repeat the call (the page keeps
// its state), report a session that can no longer be refreshed, and report a platform that cannot be reached.
import { computed, reactive } from 'vue';
import { createTicketApi, ProblemError, type Account, type Tokens } from '../api/client';

const TOKENS_KEY = 'ticket.tokens';

function loadTokens(): Tokens | undefined {
  try {
    const raw = localStorage.getItem(TOKENS_KEY);
    return raw === null ? undefined : (JSON.parse(raw) as Tokens);
  } catch {
    return undefined;
  }
}

function storeTokens(tokens: Tokens | undefined): void {
  try {
    if (tokens === undefined) localStorage.removeItem(TOKENS_KEY);
    else localStorage.setItem(TOKENS_KEY, JSON.stringify(tokens));
  } catch {
    // storage unavailable: the session lasts for this page
  }
}

export const session = reactive({
  signedIn: loadTokens() !== undefined,
  account: undefined as Account | undefined,
  /** The last call found the session over (refresh refused): pages ask the customer to log in again. */
  expired: false,
  /** The last call could not reach the platform at all. */
  unreachable: false,
});

/**
 * The platform's clock as its answers' Date headers tell it, so a hold counts down to the server's expiry even on a
 * device whose clock is off. Date has whole seconds: a difference under 2 s is taken as none.
 */
let clockOffsetMs = 0;

export function serverNow(): number {
  return Date.now() + clockOffsetMs;
}

function learnClock(response: Response): void {
  const server = Date.parse(response.headers.get('Date') ?? '');
  if (Number.isNaN(server)) return;
  const offset = server + 500 - Date.now();
  clockOffsetMs = Math.abs(offset) < 2000 ? 0 : offset;
}

/**
 * fetch with the session's rules, for the typed client: a 401 on a call that carried a token triggers one refresh
 * (shared by every call waiting for it) and the call is sent again with the new token.
 */
export function sessionFetch(base: typeof fetch, refresh: () => Promise<string | undefined>): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const retry = request.clone();
    let response: Response;
    try {
      response = await base(request);
    } catch (error) {
      session.unreachable = true;
      throw error;
    }
    session.unreachable = false;
    learnClock(response);
    if (response.status !== 401 || !request.headers.has('Authorization')) return response;
    const fresh = await refresh();
    if (fresh === undefined) return response;
    retry.headers.set('Authorization', `Bearer ${fresh}`);
    return base(retry);
  };
}

let refreshing: Promise<string | undefined> | undefined;

async function refreshOnce(): Promise<string | undefined> {
  refreshing ??= (async () => {
    try {
      const tokens = await api.refresh();
      return tokens.accessToken;
    } catch (error) {
      if (error instanceof ProblemError) endSession(true);
      return undefined;
    } finally {
      refreshing = undefined;
    }
  })();
  return refreshing;
}

export const api = createTicketApi({
  tokens: loadTokens(),
  fetch: sessionFetch((request, init) => globalThis.fetch(request, init), () => refreshOnce()),
  onTokens: (tokens) => {
    storeTokens(tokens);
    session.signedIn = true;
    session.expired = false;
  },
});

function endSession(expired: boolean): void {
  api.forget();
  storeTokens(undefined);
  session.signedIn = false;
  session.account = undefined;
  session.expired = expired;
}

export async function logIn(loginName: string, password: string): Promise<void> {
  await api.login(loginName, password);
  session.account = await api.me();
}

export async function logOut(): Promise<void> {
  try {
    await api.logout();
  } catch {
    // the tokens are forgotten here either way; a refresh token the server still knows expires on its own
  } finally {
    endSession(false);
  }
}

let loadingAccount: Promise<void> | undefined;

/**
 * Who is signed in, for the header and the admin console; a session that cannot be refreshed any more ends here
 * quietly. Callers at the same time share one request.
 */
export async function loadAccount(): Promise<void> {
  if (!session.signedIn || session.account !== undefined) return;
  loadingAccount ??= (async () => {
    try {
      session.account = await api.me();
    } catch (error) {
      // a refresh refused on the way has ended the session already, as expired
      if (error instanceof ProblemError && error.status === 401 && session.signedIn) endSession(true);
    } finally {
      loadingAccount = undefined;
    }
  })();
  return loadingAccount;
}

/**
 * Whether the account has the ADMIN role (from the user service's account, as the gateway's token says). It only
 * decides what the console shows: every /api/admin call is refused to anyone else by the platform itself.
 */
export const isAdmin = computed(() => session.account?.roles?.includes('ADMIN') === true);

/** A fresh key for one purchase attempt, sent again with every retry of that attempt. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; the same 122 random bits otherwise
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
