import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTicketApi, ProblemError, type Comment } from '../../src/api/client';
import CommentForm from '../../src/components/CommentForm.vue';
import { charactersLeft, commentRefusal, MAX_COMMENT_TEXT, ratingErrors, textError } from '../../src/lib/comments';
import { setLocale } from '../../src/lib/i18n';
import { api } from '../../src/lib/session';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });

describe('the rules of a review', () => {
  it('needs 1 to 5 whole stars and a text that is not blank, at most 2000 characters', () => {
    expect(ratingErrors({ rating: 4, text: 'Great' })).toEqual({});
    expect(ratingErrors({ rating: undefined, text: '   ' })).toEqual({ rating: 'commentRatingRequired', text: 'commentTextRequired' });
    expect(ratingErrors({ rating: 6, text: 'x' }).rating).toBe('commentRatingRequired');
    expect(ratingErrors({ rating: 2.5, text: 'x' }).rating).toBe('commentRatingRequired');
    expect(ratingErrors({ rating: 5, text: 'x'.repeat(MAX_COMMENT_TEXT) })).toEqual({});
    expect(ratingErrors({ rating: 5, text: 'x'.repeat(MAX_COMMENT_TEXT + 1) }).text).toBe('commentTooLong');
    expect(textError('', 500, 'commentReportReasonRequired', 'commentTooLong')).toBe('commentReportReasonRequired');
  });

  it('counts the characters left as the service counts them (UTF-16 units)', () => {
    expect(charactersLeft('')).toBe(2000);
    expect(charactersLeft('好看')).toBe(1998);
    expect(charactersLeft('x'.repeat(2003))).toBe(-3);
    expect(charactersLeft('abc', 500)).toBe(497);
  });

  it('has designed words for the refusals it expects, and the service\'s own for the rest', () => {
    expect(commentRefusal('NOT_A_BUYER')).toBe('commentNotBuyer');
    expect(commentRefusal('ALREADY_RATED')).toBe('commentAlreadyRated');
    expect(commentRefusal('RATE_LIMITED')).toBeUndefined();
  });

  it('sends a review with its Idempotency-Key', async () => {
    const requests: Request[] = [];
    const client = createTicketApi({
      baseUrl: 'http://gw',
      fetch: async (input) => {
        requests.push(input as Request);
        return json(201, { id: '9', rating: 4, text: 'Fine' });
      },
    });
    await client.rateProgram('12', { rating: 4, text: 'Fine' }, 'key-1');
    expect(requests[0]!.url).toBe('http://gw/api/programs/12/comments');
    expect(requests[0]!.headers.get('Idempotency-Key')).toBe('key-1');
    expect(await requests[0]!.json()).toEqual({ rating: 4, text: 'Fine' });
  });
});

describe('the review form', () => {
  beforeEach(() => setLocale('en'));
  afterEach(() => vi.restoreAllMocks());

  it('says what is missing instead of sending, with the stars as a named radio group', async () => {
    const rate = vi.spyOn(api, 'rateProgram');
    const wrapper = mount(CommentForm, { props: { programId: '12' } });
    expect(wrapper.get('fieldset legend').text()).toBe('Your rating');
    expect(wrapper.findAll('input[type="radio"]').map((r) => r.element.parentElement?.textContent?.replace('★', '').trim()))
      .toEqual(['1 star', '2 stars', '3 stars', '4 stars', '5 stars']);
    await wrapper.get('form').trigger('submit');
    expect(rate).not.toHaveBeenCalled();
    expect(wrapper.text()).toContain('Choose 1 to 5 stars.');
    expect(wrapper.text()).toContain('Write a few words about it.');
    expect(wrapper.get('textarea').attributes('aria-invalid')).toBe('true');
  });

  it('counts down the characters and flags a text over the limit', async () => {
    const wrapper = mount(CommentForm, { props: { programId: '12' } });
    expect(wrapper.get('[data-testid="comment-count"]').text()).toBe('2000 of 2000 characters left');
    await wrapper.get('textarea').setValue('x'.repeat(2005));
    expect(wrapper.get('[data-testid="comment-count"]').text()).toBe('5 characters too many (at most 2000)');
    expect(wrapper.get('textarea').attributes('aria-describedby')).toBe('comment-text-count');
  });

  it('posts a valid review and tells a non-buyer, in designed words, that only buyers rate', async () => {
    const posted: Comment = { id: '9', rating: 4, text: 'Fine' };
    const rate = vi.spyOn(api, 'rateProgram')
      .mockRejectedValueOnce(new ProblemError(403, 'NOT_A_BUYER', 'only customers with a paid order for this program may rate it', undefined))
      .mockResolvedValueOnce(posted);
    const wrapper = mount(CommentForm, { props: { programId: '12' } });
    await wrapper.findAll('input[type="radio"]')[3]!.setValue(true);
    await wrapper.get('textarea').setValue('  Fine  ');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(rate).toHaveBeenCalledWith('12', { rating: 4, text: 'Fine' }, expect.any(String));
    expect(wrapper.get('[data-testid="comment-refusal"]').text()).toBe('Only buyers of this film can rate it.');
    const firstKey = rate.mock.calls[0]![2];

    await wrapper.get('form').trigger('submit');
    await flushPromises();
    // the refusal was an answer: the next attempt is a new one
    expect(rate.mock.calls[1]![2]).not.toBe(firstKey);
    expect(wrapper.emitted('posted')).toEqual([[posted]]);
    expect(wrapper.find('[data-testid="comment-refusal"]').exists()).toBe(false);
    expect((wrapper.get('textarea').element as HTMLTextAreaElement).value).toBe('');
  });
});
