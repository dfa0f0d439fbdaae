import { expect } from '@open-wc/testing';
import { STRINGS, type PluralForms, type Strings } from '../../src/i18n/strings.js';

const en = STRINGS.en as Strings;
const LANGUAGES = ['ar', 'he', 'fr', 'es', 'de', 'tr'];
const keys = Object.keys(en) as (keyof Strings)[];
const pluralKeys = keys.filter((key) => typeof en[key] === 'object');

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

/** Plural categories that only ever hold one whole number (Arabic "two" is only 2), found by trying 0–1000. */
function singleNumberCategories(language: string): Set<string> {
  const rules = new Intl.PluralRules(language);
  const seen = new Map<string, number>();
  for (let n = 0; n <= 1000; n++) {
    const category = rules.select(n);
    seen.set(category, (seen.get(category) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, times]) => times === 1).map(([category]) => category));
}

describe('i18n/strings', () => {
  it('has English, the fallback, and the six translations', () => {
    expect(Object.keys(STRINGS)).to.include.members(['en', ...LANGUAGES]);
    expect(pluralKeys.sort()).to.deep.equal(['clusterLabel', 'eventsCount', 'momentLabel', 'problemsSummary']);
  });

  it('has the English wording the widget was specified with', () => {
    expect(en.fitAll).to.equal('Show all');
    expect(en.timelineLabel).to.equal('Timeline: {title}');
    expect(en.openSource).to.equal('{title} ({publisher}, opens in a new tab)');
    expect(en.eventsCount).to.deep.equal({ one: '{count} event', other: '{count} events' });
    expect(en.clusterLabel.other).to.equal('{count} events, {start} to {end}. Activate to zoom in.');
    expect(en.wheelHintMac).to.equal('Use ⌘ + scroll to zoom the timeline');
  });

  for (const language of LANGUAGES) {
    describe(language, () => {
      const table = STRINGS[language] as Record<string, string | PluralForms>;
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const countImplied = singleNumberCategories(language);

      it('defines every key of English, with the same shape, and no other', () => {
        for (const key of keys) {
          expect(table[key], `${language}.${key}`).to.not.equal(undefined);
          expect(typeof table[key], `${language}.${key}`).to.equal(typeof en[key]);
        }
        expect(Object.keys(table).sort()).to.deep.equal([...keys].sort());
      });

      it('has no empty phrase', () => {
        for (const key of keys) {
          const value = table[key];
          const texts = typeof value === 'string' ? [value] : Object.values(value);
          for (const text of texts) expect(text.trim(), `${language}.${key}`).to.not.equal('');
        }
      });

      it('is translated, not copied from English', () => {
        const same = keys.filter((key) => JSON.stringify(table[key]) === JSON.stringify(en[key]));
        // A few words are the same in both ("Sources" in French, "{type}, {date}: {title}").
        expect(same.length, same.join(', ')).to.be.at.most(3);
      });

      it('uses exactly the placeholders of English in each phrase', () => {
        for (const key of keys) {
          const value = table[key];
          if (typeof value !== 'string') continue;
          expect(placeholders(value), `${language}.${key}`).to.deep.equal(placeholders(en[key] as string));
        }
      });

      it('has every plural category of the language, each with the placeholders of English', () => {
        for (const key of pluralKeys) {
          const forms = table[key] as PluralForms;
          const expected = placeholders((en[key] as PluralForms).other);
          for (const category of categories) {
            const text = forms[category];
            expect(text, `${language}.${key}.${category}`).to.be.a('string');
            // "حدثان" (two events) says its number in the word itself.
            const wanted = countImplied.has(category) ? expected.filter((p) => p !== 'count') : expected;
            const got = placeholders(text!);
            expect(got, `${language}.${key}.${category}`).to.include.members(wanted);
            expect(expected, `${language}.${key}.${category}`).to.include.members(got);
          }
          for (const category of Object.keys(forms)) {
            expect(['zero', 'one', 'two', 'few', 'many', 'other'], `${language}.${key}`).to.include(category);
          }
        }
      });
    });
  }

  it('gives Arabic all six plural forms, Hebrew one, two and other', () => {
    for (const key of pluralKeys) {
      expect(Object.keys(STRINGS.ar![key]!).sort(), `ar.${key}`).to.deep.equal(
        ['few', 'many', 'one', 'other', 'two', 'zero'],
      );
      expect(Object.keys(STRINGS.he![key]!), `he.${key}`).to.include.members(['one', 'two', 'other']);
    }
  });

  it('writes Arabic and Hebrew in their own scripts', () => {
    expect(STRINGS.ar!.close).to.equal('إغلاق');
    expect(STRINGS.he!.close).to.equal('סגירה');
    // Phrases of placeholders and punctuation alone ("{type}, {date}: {title}") have no words.
    const worded = keys.filter((key) => /[a-z]/i.test(JSON.stringify(en[key]).replace(/\{\w+\}/g, '')));
    expect(worded.length).to.equal(keys.length - 1);
    for (const key of worded) {
      const arabic = JSON.stringify(STRINGS.ar![key]);
      const hebrew = JSON.stringify(STRINGS.he![key]);
      expect(/[\u0600-\u06FF]/.test(arabic), `ar.${key}`).to.equal(true);
      expect(/[\u0590-\u05FF]/.test(hebrew), `he.${key}`).to.equal(true);
    }
  });
});
