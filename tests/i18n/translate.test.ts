import { expect } from '@open-wc/testing';
import { STRINGS } from '../../src/i18n/strings.js';
import { createTranslator, isRtlLocale, resolveLocale } from '../../src/i18n/translate.js';

const FSI = '\u2068';
const PDI = '\u2069';

describe('i18n/translate', () => {
  describe('createTranslator', () => {
    it('speaks the language asked for', () => {
      expect(createTranslator('en').t('close')).to.equal('Close');
      expect(createTranslator('fr').t('close')).to.equal('Fermer');
      expect(createTranslator('de').t('zoomIn')).to.equal('Vergrößern');
      expect(createTranslator('es').t('retry')).to.equal('Reintentar');
      expect(createTranslator('tr').t('fitAll')).to.equal('Tümünü göster');
    });

    it('falls back from a region to its language, and from an unknown language to English', () => {
      const canadian = createTranslator('fr-CA');
      expect(canadian.locale).to.equal('fr-CA');
      expect(canadian.t('close')).to.equal('Fermer');
      const unknown = createTranslator('xx');
      expect(unknown.locale).to.equal('xx');
      expect(unknown.t('close')).to.equal('Close');
      expect(unknown.dir).to.equal('ltr');
    });

    it('prefers a table for the exact locale over its language', () => {
      STRINGS['fr-CA'] = { close: 'Fermer la fenêtre' };
      try {
        const canadian = createTranslator('fr-CA');
        expect(canadian.t('close')).to.equal('Fermer la fenêtre');
        expect(canadian.t('retry')).to.equal('Réessayer');
        expect(createTranslator('fr').t('close')).to.equal('Fermer');
      } finally {
        delete STRINGS['fr-CA'];
      }
    });

    it('looks past Unicode extensions to the language table', () => {
      const tr = createTranslator('ar-EG-u-nu-arab');
      expect(tr.t('close')).to.equal('إغلاق');
      expect(tr.dir).to.equal('rtl');
    });

    it('canonicalises the tag, and an invalid one becomes English', () => {
      expect(createTranslator('DE-at').locale).to.equal('de-AT');
      expect(createTranslator('iw').t('close')).to.equal('סגירה');
      const invalid = createTranslator('not a tag');
      expect(invalid.locale).to.equal('en');
      expect(invalid.t('close')).to.equal('Close');
    });

    it('lets overrides win over every table, and keeps the rest', () => {
      const tr = createTranslator('de', { close: 'Zu', eventsCount: { one: 'ein Termin', other: '{count} Termine' } });
      expect(tr.t('close')).to.equal('Zu');
      expect(tr.t('retry')).to.equal('Erneut versuchen');
      expect(tr.plural('eventsCount', 1)).to.equal('ein Termin');
      expect(tr.plural('eventsCount', 4)).to.equal('4 Termine');
      expect(tr.plural('problemsSummary', 2)).to.equal('2 Probleme in den Daten');
    });

    it('fills placeholders, leaves a missing one visible, and never reads data text as a placeholder', () => {
      const tr = createTranslator('en');
      expect(tr.t('showType', { type: 'Talks' })).to.equal('Show Talks');
      expect(tr.t('showType')).to.equal('Show {type}');
      expect(tr.t('showType', {})).to.equal('Show {type}');
      expect(tr.t('showType', { type: undefined })).to.equal('Show {type}');
      expect(tr.t('openSource', { title: 'Talks resume' })).to.equal('Talks resume ({publisher}, opens in a new tab)');
      expect(tr.t('timelineLabel', { title: 'A {type} story' })).to.equal('Timeline: A {type} story');
      expect(tr.t('announceSelected', { type: 'Talks', date: 'October 6, 2025', title: 'Talks open' })).to.equal(
        'Talks, October 6, 2025: Talks open',
      );
    });

    it('writes numbers in placeholders with the locale’s digits', () => {
      expect(createTranslator('de').t('errorTimeout', { url: 'x.json', seconds: 1500 })).to.equal(
        'Das Laden von x.json hat länger als 1.500 Sekunden gedauert und wurde abgebrochen.',
      );
      expect(createTranslator('en').plural('eventsCount', 67160)).to.equal('67,160 events');
      expect(createTranslator('de').plural('eventsCount', 1200)).to.equal('1.200 Ereignisse');
      expect(createTranslator('fr').plural('eventsCount', 1200)).to.equal('1\u202f200 événements');
      expect(createTranslator('ar-EG').plural('eventsCount', 12)).to.equal('١٢ حدثًا');
      expect(createTranslator('ar-u-nu-arab').plural('problemsSummary', 5)).to.equal('٥ مشكلات في البيانات');
    });

    it('chooses the plural form by the language’s rules', () => {
      const en = createTranslator('en');
      expect(en.plural('eventsCount', 1)).to.equal('1 event');
      expect(en.plural('eventsCount', 0)).to.equal('0 events');
      expect(en.plural('clusterLabel', 3, { start: 'Oct 6', end: 'Oct 9' })).to.equal(
        '3 events, Oct 6 to Oct 9. Activate to zoom in.',
      );
      const fr = createTranslator('fr');
      expect(fr.plural('eventsCount', 0)).to.equal('0 événement');
      expect(fr.plural('eventsCount', 2)).to.equal('2 événements');
      const ar = createTranslator('ar');
      expect(ar.plural('eventsCount', 0)).to.equal('لا أحداث');
      expect(ar.plural('eventsCount', 1)).to.equal('حدث واحد');
      expect(ar.plural('eventsCount', 2)).to.equal('حدثان');
      expect(ar.plural('eventsCount', 3)).to.equal('3 أحداث');
      expect(ar.plural('eventsCount', 11)).to.equal('11 حدثًا');
      expect(ar.plural('eventsCount', 100)).to.equal('100 حدث');
      const he = createTranslator('he');
      expect(he.plural('eventsCount', 1)).to.equal('אירוע אחד');
      expect(he.plural('eventsCount', 2)).to.equal('שני אירועים');
      expect(he.plural('eventsCount', 7)).to.equal('7 אירועים');
    });

    it('uses the general form when a category is missing', () => {
      const tr = createTranslator('ar', { eventsCount: { other: '{count} من الأحداث' } });
      expect(tr.plural('eventsCount', 2)).to.equal('2 من الأحداث');
    });

    it('isolates filled-in text inside right-to-left sentences', () => {
      const ar = createTranslator('ar');
      expect(ar.dir).to.equal('rtl');
      expect(ar.t('timelineLabel', { title: 'Gaza talks' })).to.equal(`الخط الزمني: ${FSI}Gaza talks${PDI}`);
      expect(ar.plural('problemsSummary', 3)).to.equal('3 مشكلات في البيانات');
      expect(createTranslator('en').t('timelineLabel', { title: 'محادثات' })).to.equal('Timeline: محادثات');
    });
  });

  describe('isRtlLocale', () => {
    it('tells right-to-left locales', () => {
      expect(isRtlLocale('ar')).to.equal(true);
      expect(isRtlLocale('he-IL')).to.equal(true);
      expect(isRtlLocale('fa-IR')).to.equal(true);
      expect(isRtlLocale('ur')).to.equal(true);
      expect(isRtlLocale('fr')).to.equal(false);
      expect(isRtlLocale('en-US')).to.equal(false);
      expect(isRtlLocale('tr')).to.equal(false);
      expect(isRtlLocale('not a tag')).to.equal(false);
    });

    it('still knows when Intl.Locale cannot tell the direction', () => {
      const proto = Intl.Locale.prototype as unknown as Record<string, unknown>;
      const saved = Object.getOwnPropertyDescriptor(proto, 'getTextInfo');
      const savedInfo = Object.getOwnPropertyDescriptor(proto, 'textInfo');
      delete proto.getTextInfo;
      delete proto.textInfo;
      try {
        expect(typeof (new Intl.Locale('ar') as unknown as Record<string, unknown>).getTextInfo).to.equal('undefined');
        expect(isRtlLocale('ar')).to.equal(true);
        expect(isRtlLocale('he-IL')).to.equal(true);
        expect(isRtlLocale('yi')).to.equal(true);
        expect(isRtlLocale('ku-Arab')).to.equal(true);
        expect(isRtlLocale('ku')).to.equal(false);
        expect(isRtlLocale('az-Arab-IR')).to.equal(true);
        expect(isRtlLocale('de')).to.equal(false);
      } finally {
        if (saved) Object.defineProperty(proto, 'getTextInfo', saved);
        if (savedInfo) Object.defineProperty(proto, 'textInfo', savedInfo);
      }
    });
  });

  describe('resolveLocale', () => {
    it('returns the first valid tag, canonicalised', () => {
      expect(resolveLocale([null, undefined, '', '  ', 'not a tag', 'fr-CA', 'de'])).to.equal('fr-CA');
      expect(resolveLocale(['EN-gb'])).to.equal('en-GB');
      expect(resolveLocale([' he '])).to.equal('he');
    });

    it('falls back to English', () => {
      expect(resolveLocale([])).to.equal('en');
      expect(resolveLocale([null, '', 'en_US!'])).to.equal('en');
    });
  });
});
