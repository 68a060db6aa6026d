import { Translate } from '../shared/translate';

/** The reminder's words: its message for `count` pieces of work not recorded yet, and its buttons. */
export function reminderText(count: number, t: Translate): { message: string; review: string; snooze: string; off: string } {
  return {
    message:
      count === 1
        ? t('Update your brag document — 1 piece of work this week not recorded yet')
        : t('Update your brag document — {0} pieces of work this week not recorded yet', count),
    review: t('Review now'),
    snooze: t('Snooze until Monday'),
    off: t('Turn off'),
  };
}
