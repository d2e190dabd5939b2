// The rules of writing a comment, as the comment service checks them (RateRequest, ReplyRequest, ReportRequest in the
// public document): a rating of 1 to 5 stars with a text that is not blank and at most 2000 characters; a reply's text
// likewise; a report's reason at most 500. The form says so before sending; the service's refusals get words here.
import type { MessageKey } from './i18n';

export const MAX_COMMENT_TEXT = 2000;
export const MAX_REPORT_REASON = 500;

export interface RatingDraft {
  rating: number | undefined;
  text: string;
}

export type DraftErrors = Partial<Record<'rating' | 'text', MessageKey>>;

/** What is wrong with a text field: blank, or longer than the limit (UTF-16 units, as the service counts). */
export function textError(text: string, max: number, required: MessageKey, tooLong: MessageKey): MessageKey | undefined {
  if (text.trim().length === 0) return required;
  if (text.length > max) return tooLong;
  return undefined;
}

export function ratingErrors(draft: RatingDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (draft.rating === undefined || !Number.isInteger(draft.rating) || draft.rating < 1 || draft.rating > 5) {
    errors.rating = 'commentRatingRequired';
  }
  const text = textError(draft.text, MAX_COMMENT_TEXT, 'commentTextRequired', 'commentTooLong');
  if (text !== undefined) errors.text = text;
  return errors;
}

/** Characters still allowed; negative when over the limit. */
export function charactersLeft(text: string, max = MAX_COMMENT_TEXT): number {
  return max - text.length;
}

/** The storefront's words for the comment service's refusals it designed for; undefined: show the service's own. */
export function commentRefusal(code: string): MessageKey | undefined {
  switch (code) {
    case 'NOT_A_BUYER':
      return 'commentNotBuyer';
    case 'ALREADY_RATED':
      return 'commentAlreadyRated';
    case 'BANNED_WORDS':
      return 'commentBannedWords';
    default:
      return undefined;
  }
}
