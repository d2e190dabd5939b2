// The state of "send again" buttons in a list of dead letters (undelivered mail, parked events): which items are
// queued again, which one is being sent, and the platform's refusal of an item in its own words.
import { ref } from 'vue';
import { ProblemError } from '../api/client';
import { t } from './i18n';

/** The platform's refusal of an item in its own words and code; a failure without an answer as "could not load". */
export function refusalText(e: unknown): string {
  return e instanceof ProblemError ? `${e.detail} (${e.code})` : t('loadFailed');
}

export function useRetries() {
  const queued = ref(new Set<string>());
  const refusals = ref<Record<string, string>>({});
  const sending = ref<string>();
  /** What the page's live region says after each attempt. */
  const note = ref('');

  /** Sends item `id` again; true when the platform took it (then `done` is said), false when it refused. */
  async function retry(id: string, send: () => Promise<unknown>, done: string): Promise<boolean> {
    sending.value = id;
    const { [id]: _previous, ...others } = refusals.value;
    refusals.value = others;
    try {
      await send();
      queued.value = new Set([...queued.value, id]);
      note.value = done;
      return true;
    } catch (e) {
      const refusal = refusalText(e);
      refusals.value = { ...refusals.value, [id]: refusal };
      note.value = refusal;
      return false;
    } finally {
      sending.value = undefined;
    }
  }

  return { queued, refusals, sending, note, retry };
}
