/**
 * Catalan elides the article before a vowel sound: "l'1 de des.", "l'11 de març", not "el 1"
 * (issue 17, item 9). Dates are formatted by Intl, so the catalogs cannot know which form to
 * write; they ask for it with `{{date, el}}` ("el 2", "l'1") and `{{date, del}}` ("del 2",
 * "de l'1"). Only 1 and 11 start with a vowel sound among day numbers.
 */
function startsWithVowelSound(text: string): boolean {
  return /^(1|11)(?!\d)/.test(text.trim()) || /^[aeiouàèéíòóú]/i.test(text.trim());
}

export function withArticle(text: string, form: 'el' | 'del'): string {
  const elided = startsWithVowelSound(text);
  if (form === 'el') return elided ? `l'${text}` : `el ${text}`;
  return elided ? `de l'${text}` : `del ${text}`;
}

/**
 * A time of day takes the article of its hour: "a les 07:30", but "a la 01:30" (la una). The
 * catalogs ask for it with `{{time, at}}` (schedules of automatic exports, issue 18).
 */
export function atHour(time: string): string {
  return /^0?1:/.test(time.trim()) ? `a la ${time}` : `a les ${time}`;
}
