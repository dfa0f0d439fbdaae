import { STRINGS, type PluralForms, type PluralKey, type Strings, type TextKey } from './strings.js';
import { formatNumber } from './format.js';

/** Values for `{name}` placeholders. Numbers are written with the locale's digits. */
export type Params = Record<string, string | number | null | undefined>;

/** The widget's words in one locale. */
export interface Translator {
  /** The canonical BCP 47 tag in use (also for dates and numbers). */
  locale: string;
  dir: 'ltr' | 'rtl';
  /** One phrase, placeholders filled. */
  t(key: TextKey, params?: Params): string;
  /** The plural form for `count`; `{count}` is filled with the formatted number. */
  plural(key: PluralKey, count: number, params?: Params): string;
}

// Used when Intl.Locale cannot tell the direction.
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Yezi']);
const RTL_LANGUAGES = new Set([
  'ar', 'he', 'iw', 'fa', 'ur', 'ps', 'yi', 'ji', 'dv', 'sd', 'ug', 'ckb', 'syr', 'arc', 'ks', 'prs', 'pnb',
  'ku-arab', 'az-arab', 'pa-arab', 'uz-arab', 'ms-arab',
]);

interface TextInfo {
  direction?: string;
}
type LocaleWithTextInfo = Intl.Locale & { textInfo?: TextInfo; getTextInfo?: () => TextInfo };

/** Whether text in this locale runs right to left. An invalid tag is left to right. */
export function isRtlLocale(locale: string): boolean {
  let tag: Intl.Locale;
  try {
    tag = new Intl.Locale(locale);
  } catch {
    return false;
  }
  const withInfo = tag as LocaleWithTextInfo;
  // `textInfo` is the standard getter; Chromium shipped it first as `getTextInfo()`.
  const info = withInfo.textInfo ?? withInfo.getTextInfo?.();
  if (info?.direction === 'rtl' || info?.direction === 'ltr') return info.direction === 'rtl';
  if (tag.script) return RTL_SCRIPTS.has(tag.script);
  return RTL_LANGUAGES.has(tag.language);
}

/** The first candidate that is a valid BCP 47 tag, canonicalised (`EN-gb` → `en-GB`), else `en`. */
export function resolveLocale(candidates: (string | null | undefined)[]): string {
  for (const candidate of candidates) {
    const tag = candidate?.trim();
    if (!tag) continue;
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      if (canonical) return canonical;
    } catch {
      // Not a valid tag: try the next one.
    }
  }
  return 'en';
}

/** Tables to search, most specific first: `ar-EG-u-nu-arab` → `ar-EG`, `ar`; then `en`. */
function lookupChain(locale: string): Partial<Strings>[] {
  let base = locale;
  try {
    base = new Intl.Locale(locale).baseName;
  } catch {
    // resolveLocale has already made this a valid tag; keep it as is otherwise.
  }
  const tables: Partial<Strings>[] = [];
  const parts = base.split('-');
  for (let n = parts.length; n > 0; n--) {
    const table = STRINGS[parts.slice(0, n).join('-')];
    if (table) tables.push(table);
  }
  if (STRINGS.en) tables.push(STRINGS.en);
  return tables;
}

const pluralRulesCache = new Map<string, Intl.PluralRules>();
function pluralRules(locale: string): Intl.PluralRules {
  let rules = pluralRulesCache.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRulesCache.set(locale, rules);
  }
  return rules;
}

// First strong isolate … pop directional isolate: keeps a Latin title or a URL from reordering
// the punctuation of the right-to-left sentence around it.
const FSI = '\u2068';
const PDI = '\u2069';

function fill(template: string, params: Params | undefined, locale: string, isolate: boolean): string {
  if (!params) return template;
  // One pass, so a value that itself contains "{x}" (a title, say) is left as written.
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) return whole;
    if (typeof value === 'number') return formatNumber(value, locale);
    return isolate ? FSI + value + PDI : value;
  });
}

/**
 * The widget's words for `locale`. Lookup order: `overrides`, the exact locale (`fr-CA`), its
 * language (`fr`), then English. An invalid tag falls back to `en`.
 */
export function createTranslator(locale: string, overrides?: Partial<Strings>): Translator {
  const resolved = resolveLocale([locale]);
  const dir = isRtlLocale(resolved) ? 'rtl' : 'ltr';
  const tables = overrides ? [overrides, ...lookupChain(resolved)] : lookupChain(resolved);
  const isolate = dir === 'rtl';

  const find = (key: keyof Strings): string | PluralForms | undefined => {
    for (const table of tables) {
      const value = table[key];
      if (value !== undefined && value !== null) return value;
    }
    return undefined;
  };

  return {
    locale: resolved,
    dir,
    t(key, params) {
      const value = find(key);
      // A plural table asked for as a phrase: its general form is the best there is.
      const template = typeof value === 'string' ? value : value?.other ?? key;
      return fill(template, params, resolved, isolate);
    },
    plural(key, count, params) {
      const value = find(key);
      let template: string;
      if (typeof value === 'string') template = value;
      else if (value) template = value[pluralRules(resolved).select(count)] ?? value.other;
      else template = key;
      return fill(template, { ...params, count }, resolved, isolate);
    },
  };
}
