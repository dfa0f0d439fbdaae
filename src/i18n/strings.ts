/**
 * The widget's own words, per language. Data text (titles, summaries, qualifiers) is never
 * translated here: it is shown as written. `{name}` marks a value filled in at run time.
 */

/** Plural forms keyed by `Intl.PluralRules` category; `other` is always there. */
export type PluralForms = { other: string } & Partial<Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>>;

/** Every phrase the widget shows. */
export interface Strings {
  // Controls
  zoomIn: string;
  zoomOut: string;
  fitAll: string;
  listView: string;
  chartView: string;
  previous: string;
  next: string;
  close: string;
  retry: string;
  legend: string;
  /** `{type}`: the type's label. */
  showType: string;
  hideType: string;
  overview: string;
  overviewWindow: string;
  /** Accessible name of the chart region. `{title}`: the dataset's title. */
  timelineLabel: string;
  figuresLane: string;
  /** The figure chart's menu of the measures that are not tabs. */
  moreMeasures: string;
  /** Said by the figure chart when the measure has no value in the window shown. */
  noFiguresInView: string;

  // Built-in type labels
  typeTalks: string;
  typeProposal: string;
  typeCasualties: string;
  typeOther: string;

  // Gesture hints
  wheelHint: string;
  wheelHintMac: string;
  touchHint: string;

  // Detail
  sources: string;
  figures: string;
  place: string;
  /** `{who}`: the figure's reporter. */
  reportedBy: string;
  /** A figure with its reporter: `{value}` (qualifier and number) and `{who}`. */
  figureReported: string;
  unsourced: string;
  /** Short flag for an event without a source, in the list and on marks. */
  unsourcedShort: string;
  /** The title shown for an event that has none of its own (`event.untitled`, e.g. a TimelineJS slide with only a video). */
  untitled: string;
  /** Accessible name of a source link: `{title}`, `{publisher}`. */
  openSource: string;

  // Dates more than a million years ago
  /** A number of years before the present, written in full: `{years}` ("300,000"). */
  yearsAgo: string;
  /** The same, the number in words of millions or more: `{years}` ("13.8 billion"). */
  yearsAgoLarge: string;

  // List
  listHeading: string;
  listCaption: string;
  columnDate: string;
  columnType: string;
  columnEvent: string;
  eventsCount: PluralForms;
  /**
   * A mark that stands for several events: `{count}`, `{start}`, `{end}`. The mark shows the
   * number, so every form that can be 2 or more must say `{count}` (label in name).
   */
  clusterLabel: PluralForms;
  /**
   * A mark that stands for several events of one moment, which no zoom parts: `{count}`, `{date}`.
   * Activating it lists them. As `clusterLabel`, every form that can be 2 or more says `{count}`.
   */
  momentLabel: PluralForms;

  // Announcements (polite live region)
  announceSelected: string;
  announceZoom: string;

  // Loading and errors
  loading: string;
  loadingProgress: string;
  errorTitle: string;
  errorNotFound: string;
  errorHttp: string;
  errorNetwork: string;
  errorCors: string;
  errorOffline: string;
  errorConnectionLost: string;
  errorTimeout: string;
  errorHtml: string;
  errorEmpty: string;
  errorInvalid: string;
  errorNoEvents: string;
  errorTooLarge: string;
  problemsSummary: PluralForms;
}

/** Keys whose value is a set of plural forms (use `Translator.plural`). */
export type PluralKey = { [K in keyof Strings]: Strings[K] extends PluralForms ? K : never }[keyof Strings];
/** Keys whose value is one phrase (use `Translator.t`). */
export type TextKey = Exclude<keyof Strings, PluralKey>;

const en: Strings = {
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  fitAll: 'Show all',
  listView: 'List view',
  chartView: 'Timeline view',
  previous: 'Previous event',
  next: 'Next event',
  close: 'Close',
  retry: 'Try again',
  legend: 'Event types',
  showType: 'Show {type}',
  hideType: 'Hide {type}',
  overview: 'Overview of the whole timeline',
  overviewWindow: 'Visible period',
  timelineLabel: 'Timeline: {title}',
  figuresLane: 'Reported figures',
  moreMeasures: 'More figures',
  noFiguresInView: 'No reported figures in this period',

  typeTalks: 'Talks',
  typeProposal: 'Proposals',
  typeCasualties: 'Casualties',
  typeOther: 'Other',

  wheelHint: 'Use Ctrl + scroll to zoom the timeline',
  wheelHintMac: 'Use ⌘ + scroll to zoom the timeline',
  touchHint: 'Use two fingers to move the timeline',

  sources: 'Sources',
  figures: 'Figures',
  place: 'Place',
  reportedBy: 'reported by {who}',
  figureReported: '{value}, reported by {who}',
  unsourced: 'No source given for this event',
  unsourcedShort: 'Unsourced',
  untitled: 'Untitled event',
  openSource: '{title} ({publisher}, opens in a new tab)',
  yearsAgo: '{years} years ago',
  yearsAgoLarge: '{years} years ago',

  listHeading: 'All events',
  listCaption: 'Events in date order, with their sources',
  columnDate: 'Date',
  columnType: 'Type',
  columnEvent: 'Event',
  eventsCount: { one: '{count} event', other: '{count} events' },
  momentLabel: {
    one: '{date}: {count} event. Activate to see it.',
    other: '{date}: {count} events. Activate to list them.',
  },
  clusterLabel: {
    one: '{count} event, {start} to {end}. Activate to zoom in.',
    other: '{count} events, {start} to {end}. Activate to zoom in.',
  },

  announceSelected: '{type}, {date}: {title}',
  announceZoom: 'Showing {start} to {end}',

  loading: 'Loading timeline…',
  loadingProgress: 'Loading timeline… {percent}%',
  errorTitle: 'The timeline could not be shown',
  errorNotFound: 'The data file was not found (HTTP {status}) at {url}.',
  errorHttp: 'The server answered with an error (HTTP {status}) for {url}.',
  errorNetwork: 'The data could not be fetched from {url}: the server could not be reached.',
  errorCors:
    'The data could not be fetched from {url}: its server does not allow this site to read it (CORS).',
  errorOffline: 'The data could not be fetched from {url}: this device is offline.',
  errorConnectionLost: 'The connection was lost while loading {url}.',
  errorTimeout: 'Loading {url} took longer than {seconds} seconds and was stopped.',
  errorHtml: '{url} is a web page, not timeline data. If it is a spreadsheet, use its published CSV address.',
  errorEmpty: 'The data file is empty.',
  errorInvalid: 'The data could not be read: {detail}',
  errorNoEvents: 'The data has no valid event to show.',
  errorTooLarge: 'The data file is larger than the limit of {limit}.',
  problemsSummary: { one: '{count} problem in the data', other: '{count} problems in the data' },
};

// Arabic counts: zero, one and two are said without the number; 3–10 take the plural noun,
// 11–99 the singular accusative, 100 and up the singular genitive.
const ar: Strings = {
  zoomIn: 'تكبير',
  zoomOut: 'تصغير',
  fitAll: 'عرض الكل',
  listView: 'عرض القائمة',
  chartView: 'عرض الخط الزمني',
  previous: 'الحدث السابق',
  next: 'الحدث التالي',
  close: 'إغلاق',
  retry: 'إعادة المحاولة',
  legend: 'أنواع الأحداث',
  showType: 'إظهار {type}',
  hideType: 'إخفاء {type}',
  overview: 'نظرة عامة على الخط الزمني كاملًا',
  overviewWindow: 'الفترة المعروضة',
  timelineLabel: 'الخط الزمني: {title}',
  figuresLane: 'الأرقام المُعلَنة',
  moreMeasures: 'أرقام أخرى',
  noFiguresInView: 'لا أرقام مُعلَنة في هذه الفترة',

  typeTalks: 'محادثات',
  typeProposal: 'مقترحات',
  typeCasualties: 'ضحايا',
  typeOther: 'أخرى',

  wheelHint: 'استخدم Ctrl مع التمرير لتكبير الخط الزمني وتصغيره',
  wheelHintMac: 'استخدم ⌘ مع التمرير لتكبير الخط الزمني وتصغيره',
  touchHint: 'استخدم إصبعين لتحريك الخط الزمني',

  sources: 'المصادر',
  figures: 'الأرقام',
  place: 'المكان',
  reportedBy: 'بحسب {who}',
  figureReported: '{value}، بحسب {who}',
  unsourced: 'لم يُذكر مصدر لهذا الحدث',
  unsourcedShort: 'بلا مصدر',
  untitled: 'حدث بلا عنوان',
  openSource: '{title} ({publisher}، يُفتح في علامة تبويب جديدة)',
  yearsAgo: 'قبل {years} سنة',
  yearsAgoLarge: 'قبل {years} سنة',

  listHeading: 'جميع الأحداث',
  listCaption: 'الأحداث بترتيبها الزمني مع مصادرها',
  columnDate: 'التاريخ',
  columnType: 'النوع',
  columnEvent: 'الحدث',
  eventsCount: {
    zero: 'لا أحداث',
    one: 'حدث واحد',
    two: 'حدثان',
    few: '{count} أحداث',
    many: '{count} حدثًا',
    other: '{count} حدث',
  },
  momentLabel: {
    zero: '{date}: لا أحداث.',
    one: '{date}: حدث واحد. اضغط لعرضه.',
    two: '{date}: عدد الأحداث {count}. اضغط لعرض القائمة.',
    few: '{date}: {count} أحداث. اضغط لعرض القائمة.',
    many: '{date}: {count} حدثًا. اضغط لعرض القائمة.',
    other: '{date}: {count} حدث. اضغط لعرض القائمة.',
  },
  clusterLabel: {
    zero: 'لا أحداث، من {start} إلى {end}. اضغط للتكبير.',
    one: 'حدث واحد، من {start} إلى {end}. اضغط للتكبير.',
    two: 'عدد الأحداث: {count}، من {start} إلى {end}. اضغط للتكبير.',
    few: '{count} أحداث، من {start} إلى {end}. اضغط للتكبير.',
    many: '{count} حدثًا، من {start} إلى {end}. اضغط للتكبير.',
    other: '{count} حدث، من {start} إلى {end}. اضغط للتكبير.',
  },

  announceSelected: '{type}، {date}: {title}',
  announceZoom: 'يُعرض الآن من {start} إلى {end}',

  loading: 'جارٍ تحميل الخط الزمني…',
  loadingProgress: 'جارٍ تحميل الخط الزمني… {percent}٪',
  errorTitle: 'تعذّر عرض الخط الزمني',
  errorNotFound: 'لم يُعثر على ملف البيانات (HTTP {status}) في الرابط {url}.',
  errorHttp: 'ردّ الخادم بخطأ (HTTP {status}) على طلب الرابط {url}.',
  errorNetwork: 'تعذّر جلب البيانات من الرابط {url}: تعذّر الوصول إلى الخادم.',
  errorCors:
    'تعذّر جلب البيانات من الرابط {url}: لا يسمح خادمها لهذا الموقع بقراءتها (CORS).',
  errorOffline: 'تعذّر جلب البيانات من الرابط {url}: هذا الجهاز غير متصل بالشبكة.',
  errorConnectionLost: 'انقطع الاتصال أثناء تحميل الرابط {url}.',
  errorTimeout: 'استغرق تحميل الرابط {url} أكثر من {seconds} ثانية فأُوقف.',
  errorHtml:
    'الرابط {url} صفحة ويب وليس بيانات خط زمني. إذا كان جدول بيانات، فاستخدم رابط نسخته المنشورة بصيغة CSV.',
  errorEmpty: 'ملف البيانات فارغ.',
  errorInvalid: 'تعذّرت قراءة البيانات: {detail}',
  errorNoEvents: 'لا تتضمن البيانات أي حدث صالح للعرض.',
  errorTooLarge: 'حجم ملف البيانات يتجاوز الحد المسموح به ({limit}).',
  problemsSummary: {
    zero: 'لا مشكلات في البيانات',
    one: 'مشكلة واحدة في البيانات',
    two: 'مشكلتان في البيانات',
    few: '{count} مشكلات في البيانات',
    many: '{count} مشكلة في البيانات',
    other: '{count} مشكلة في البيانات',
  },
};

const he: Strings = {
  zoomIn: 'הגדלת התצוגה',
  zoomOut: 'הקטנת התצוגה',
  fitAll: 'הצגת הכול',
  listView: 'תצוגת רשימה',
  chartView: 'תצוגת ציר זמן',
  previous: 'האירוע הקודם',
  next: 'האירוע הבא',
  close: 'סגירה',
  retry: 'לנסות שוב',
  legend: 'סוגי אירועים',
  showType: 'הצגת {type}',
  hideType: 'הסתרת {type}',
  overview: 'סקירה של ציר הזמן כולו',
  overviewWindow: 'התקופה המוצגת',
  timelineLabel: 'ציר זמן: {title}',
  figuresLane: 'נתונים שדווחו',
  moreMeasures: 'נתונים נוספים',
  noFiguresInView: 'אין נתונים שדווחו בתקופה זו',

  typeTalks: 'שיחות',
  typeProposal: 'הצעות',
  typeCasualties: 'נפגעים',
  typeOther: 'אחר',

  wheelHint: 'השתמשו ב־Ctrl וגלילה כדי להגדיל או להקטין את ציר הזמן',
  wheelHintMac: 'השתמשו ב־⌘ וגלילה כדי להגדיל או להקטין את ציר הזמן',
  touchHint: 'השתמשו בשתי אצבעות כדי להזיז את ציר הזמן',

  sources: 'מקורות',
  figures: 'נתונים',
  place: 'מקום',
  reportedBy: 'לפי {who}',
  figureReported: '{value}, לפי {who}',
  unsourced: 'לא צוין מקור לאירוע זה',
  unsourcedShort: 'ללא מקור',
  untitled: 'אירוע ללא כותרת',
  openSource: '{title} ({publisher}, נפתח בכרטיסייה חדשה)',
  yearsAgo: 'לפני {years} שנה',
  yearsAgoLarge: 'לפני {years} שנה',

  listHeading: 'כל האירועים',
  listCaption: 'האירועים לפי סדר כרונולוגי, עם המקורות שלהם',
  columnDate: 'תאריך',
  columnType: 'סוג',
  columnEvent: 'אירוע',
  eventsCount: { one: 'אירוע אחד', two: 'שני אירועים', other: '{count} אירועים' },
  momentLabel: {
    one: '{date}: אירוע אחד. לחצו כדי להציג אותו.',
    two: '{date}: {count} אירועים. לחצו להצגת הרשימה.',
    other: '{date}: {count} אירועים. לחצו להצגת הרשימה.',
  },
  clusterLabel: {
    one: 'אירוע אחד, מ־{start} עד {end}. לחצו כדי להגדיל.',
    two: '{count} אירועים, מ־{start} עד {end}. לחצו כדי להגדיל.',
    other: '{count} אירועים, מ־{start} עד {end}. לחצו כדי להגדיל.',
  },

  announceSelected: '{type}, {date}: {title}',
  announceZoom: 'מוצגת התקופה מ־{start} עד {end}',

  loading: 'טוען את ציר הזמן…',
  loadingProgress: 'טוען את ציר הזמן… {percent}%',
  errorTitle: 'לא ניתן להציג את ציר הזמן',
  errorNotFound: 'קובץ הנתונים לא נמצא (HTTP {status}) בכתובת {url}.',
  errorHttp: 'השרת החזיר שגיאה (HTTP {status}) עבור הכתובת {url}.',
  errorNetwork: 'לא ניתן היה לקבל את הנתונים מהכתובת {url}: לא ניתן היה להתחבר לשרת.',
  errorCors:
    'לא ניתן היה לקבל את הנתונים מהכתובת {url}: השרת אינו מתיר לאתר זה לקרוא אותם (CORS).',
  errorOffline: 'לא ניתן היה לקבל את הנתונים מהכתובת {url}: המכשיר אינו מחובר לרשת.',
  errorConnectionLost: 'החיבור נותק במהלך טעינת הכתובת {url}.',
  errorTimeout: 'טעינת הכתובת {url} נמשכה יותר מ־{seconds} שניות והופסקה.',
  errorHtml:
    'הכתובת {url} היא דף אינטרנט ולא נתוני ציר זמן. אם מדובר בגיליון אלקטרוני, יש להשתמש בכתובת ה־CSV שפורסמה עבורו.',
  errorEmpty: 'קובץ הנתונים ריק.',
  errorInvalid: 'לא ניתן לקרוא את הנתונים: {detail}',
  errorNoEvents: 'אין בנתונים אף אירוע תקין להצגה.',
  errorTooLarge: 'קובץ הנתונים גדול מהמגבלה של {limit}.',
  problemsSummary: { one: 'בעיה אחת בנתונים', two: 'שתי בעיות בנתונים', other: '{count} בעיות בנתונים' },
};

// French typography: a no-break space before ":" and "%".
const fr: Strings = {
  zoomIn: 'Zoom avant',
  zoomOut: 'Zoom arrière',
  fitAll: 'Tout afficher',
  listView: 'Vue en liste',
  chartView: 'Vue chronologique',
  previous: 'Événement précédent',
  next: 'Événement suivant',
  close: 'Fermer',
  retry: 'Réessayer',
  legend: 'Types d’événements',
  showType: 'Afficher : {type}',
  hideType: 'Masquer : {type}',
  overview: 'Vue d’ensemble de toute la chronologie',
  overviewWindow: 'Période affichée',
  timelineLabel: 'Chronologie : {title}',
  figuresLane: 'Chiffres communiqués',
  moreMeasures: 'Autres chiffres',
  noFiguresInView: 'Aucun chiffre communiqué sur cette période',

  typeTalks: 'Pourparlers',
  typeProposal: 'Propositions',
  typeCasualties: 'Victimes',
  typeOther: 'Autres',

  wheelHint: 'Utilisez Ctrl + molette pour zoomer sur la chronologie',
  wheelHintMac: 'Utilisez ⌘ + molette pour zoomer sur la chronologie',
  touchHint: 'Utilisez deux doigts pour déplacer la chronologie',

  sources: 'Sources',
  figures: 'Chiffres',
  place: 'Lieu',
  reportedBy: 'selon {who}',
  figureReported: '{value}, selon {who}',
  unsourced: 'Aucune source n’est indiquée pour cet événement',
  unsourcedShort: 'Sans source',
  untitled: 'Événement sans titre',
  openSource: '{title} ({publisher}, s’ouvre dans un nouvel onglet)',
  yearsAgo: 'il y a {years} ans',
  yearsAgoLarge: 'il y a {years} d’années',

  listHeading: 'Tous les événements',
  listCaption: 'Les événements par ordre chronologique, avec leurs sources',
  columnDate: 'Date',
  columnType: 'Type',
  columnEvent: 'Événement',
  eventsCount: { one: '{count} événement', many: '{count} événements', other: '{count} événements' },
  momentLabel: {
    one: '{date} : {count} événement. Activez pour l’afficher.',
    many: '{date} : {count} événements. Activez pour afficher la liste.',
    other: '{date} : {count} événements. Activez pour afficher la liste.',
  },
  clusterLabel: {
    one: '{count} événement entre {start} et {end}. Activez pour zoomer.',
    many: '{count} événements entre {start} et {end}. Activez pour zoomer.',
    other: '{count} événements entre {start} et {end}. Activez pour zoomer.',
  },

  announceSelected: '{type}, {date} : {title}',
  announceZoom: 'Période affichée : {start} – {end}',

  loading: 'Chargement de la chronologie…',
  loadingProgress: 'Chargement de la chronologie… {percent} %',
  errorTitle: 'Impossible d’afficher la chronologie',
  errorNotFound: 'Le fichier de données est introuvable (HTTP {status}) à l’adresse {url}.',
  errorHttp: 'Le serveur a renvoyé une erreur (HTTP {status}) pour {url}.',
  errorNetwork: 'Impossible de récupérer les données depuis {url} : le serveur est injoignable.',
  errorCors:
    'Impossible de récupérer les données depuis {url} : son serveur n’autorise pas ce site à les lire (CORS).',
  errorOffline: 'Impossible de récupérer les données depuis {url} : cet appareil est hors ligne.',
  errorConnectionLost: 'La connexion a été perdue pendant le chargement de {url}.',
  errorTimeout: 'Le chargement de {url} a pris plus de {seconds} secondes et a été interrompu.',
  errorHtml:
    '{url} est une page web, pas des données de chronologie. S’il s’agit d’un tableur, utilisez son adresse de publication au format CSV.',
  errorEmpty: 'Le fichier de données est vide.',
  errorInvalid: 'Les données n’ont pas pu être lues : {detail}',
  errorNoEvents: 'Les données ne contiennent aucun événement valide à afficher.',
  errorTooLarge: 'Le fichier de données dépasse la limite de {limit}.',
  problemsSummary: {
    one: '{count} problème dans les données',
    many: '{count} problèmes dans les données',
    other: '{count} problèmes dans les données',
  },
};

const es: Strings = {
  zoomIn: 'Acercar',
  zoomOut: 'Alejar',
  fitAll: 'Ver todo',
  listView: 'Vista de lista',
  chartView: 'Vista de cronología',
  previous: 'Evento anterior',
  next: 'Evento siguiente',
  close: 'Cerrar',
  retry: 'Reintentar',
  legend: 'Tipos de eventos',
  showType: 'Mostrar {type}',
  hideType: 'Ocultar {type}',
  overview: 'Vista general de toda la cronología',
  overviewWindow: 'Periodo visible',
  timelineLabel: 'Cronología: {title}',
  figuresLane: 'Cifras comunicadas',
  moreMeasures: 'Más cifras',
  noFiguresInView: 'Ninguna cifra comunicada en este periodo',

  typeTalks: 'Conversaciones',
  typeProposal: 'Propuestas',
  typeCasualties: 'Víctimas',
  typeOther: 'Otros',

  wheelHint: 'Usa Ctrl + rueda del ratón para hacer zoom en la cronología',
  wheelHintMac: 'Usa ⌘ + desplazamiento para hacer zoom en la cronología',
  touchHint: 'Usa dos dedos para mover la cronología',

  sources: 'Fuentes',
  figures: 'Cifras',
  place: 'Lugar',
  reportedBy: 'según {who}',
  figureReported: '{value}, según {who}',
  unsourced: 'No se indica ninguna fuente para este evento',
  unsourcedShort: 'Sin fuente',
  untitled: 'Evento sin título',
  openSource: '{title} ({publisher}, se abre en una pestaña nueva)',
  yearsAgo: 'hace {years} años',
  yearsAgoLarge: 'hace {years} de años',

  listHeading: 'Todos los eventos',
  listCaption: 'Los eventos en orden cronológico, con sus fuentes',
  columnDate: 'Fecha',
  columnType: 'Tipo',
  columnEvent: 'Evento',
  eventsCount: { one: '{count} evento', many: '{count} eventos', other: '{count} eventos' },
  momentLabel: {
    one: '{date}: {count} evento. Actívalo para verlo.',
    many: '{date}: {count} eventos. Actívalo para ver la lista.',
    other: '{date}: {count} eventos. Actívalo para ver la lista.',
  },
  clusterLabel: {
    one: '{count} evento entre {start} y {end}. Actívalo para acercar.',
    many: '{count} eventos entre {start} y {end}. Actívalo para acercar.',
    other: '{count} eventos entre {start} y {end}. Actívalo para acercar.',
  },

  announceSelected: '{type}, {date}: {title}',
  announceZoom: 'Se muestra el periodo entre {start} y {end}',

  loading: 'Cargando la cronología…',
  loadingProgress: 'Cargando la cronología… {percent} %',
  errorTitle: 'No se ha podido mostrar la cronología',
  errorNotFound: 'No se ha encontrado el archivo de datos (HTTP {status}) en {url}.',
  errorHttp: 'El servidor ha respondido con un error (HTTP {status}) para {url}.',
  errorNetwork: 'No se han podido obtener los datos de {url}: no se ha podido acceder al servidor.',
  errorCors:
    'No se han podido obtener los datos de {url}: su servidor no permite a este sitio leerlos (CORS).',
  errorOffline: 'No se han podido obtener los datos de {url}: este dispositivo no tiene conexión.',
  errorConnectionLost: 'Se ha perdido la conexión mientras se cargaba {url}.',
  errorTimeout: 'La carga de {url} ha tardado más de {seconds} segundos y se ha detenido.',
  errorHtml:
    '{url} es una página web, no datos de cronología. Si se trata de una hoja de cálculo, usa su dirección CSV publicada.',
  errorEmpty: 'El archivo de datos está vacío.',
  errorInvalid: 'No se han podido leer los datos: {detail}',
  errorNoEvents: 'Los datos no contienen ningún evento válido que mostrar.',
  errorTooLarge: 'El archivo de datos supera el límite de {limit}.',
  problemsSummary: {
    one: '{count} problema en los datos',
    many: '{count} problemas en los datos',
    other: '{count} problemas en los datos',
  },
};

const de: Strings = {
  zoomIn: 'Vergrößern',
  zoomOut: 'Verkleinern',
  fitAll: 'Alles anzeigen',
  listView: 'Listenansicht',
  chartView: 'Zeitleistenansicht',
  previous: 'Vorheriges Ereignis',
  next: 'Nächstes Ereignis',
  close: 'Schließen',
  retry: 'Erneut versuchen',
  legend: 'Ereignisarten',
  showType: '{type} einblenden',
  hideType: '{type} ausblenden',
  overview: 'Überblick über die gesamte Zeitleiste',
  overviewWindow: 'Sichtbarer Zeitraum',
  timelineLabel: 'Zeitleiste: {title}',
  figuresLane: 'Gemeldete Zahlen',
  moreMeasures: 'Weitere Zahlen',
  noFiguresInView: 'Keine gemeldeten Zahlen in diesem Zeitraum',

  typeTalks: 'Gespräche',
  typeProposal: 'Vorschläge',
  typeCasualties: 'Opfer',
  typeOther: 'Sonstiges',

  wheelHint: 'Zum Zoomen der Zeitleiste Strg + Mausrad verwenden',
  wheelHintMac: 'Zum Zoomen der Zeitleiste ⌘ + Scrollen verwenden',
  touchHint: 'Zum Verschieben der Zeitleiste zwei Finger verwenden',

  sources: 'Quellen',
  figures: 'Zahlen',
  place: 'Ort',
  reportedBy: 'laut {who}',
  figureReported: '{value}, laut {who}',
  unsourced: 'Für dieses Ereignis ist keine Quelle angegeben',
  unsourcedShort: 'Ohne Quelle',
  untitled: 'Ereignis ohne Titel',
  openSource: '{title} ({publisher}, öffnet in neuem Tab)',
  yearsAgo: 'vor {years} Jahren',
  yearsAgoLarge: 'vor {years} Jahren',

  listHeading: 'Alle Ereignisse',
  listCaption: 'Die Ereignisse in zeitlicher Reihenfolge, mit ihren Quellen',
  columnDate: 'Datum',
  columnType: 'Art',
  columnEvent: 'Ereignis',
  eventsCount: { one: '{count} Ereignis', other: '{count} Ereignisse' },
  momentLabel: {
    one: '{date}: {count} Ereignis. Zum Anzeigen aktivieren.',
    other: '{date}: {count} Ereignisse. Zum Auflisten aktivieren.',
  },
  clusterLabel: {
    one: '{count} Ereignis, {start} bis {end}. Zum Vergrößern aktivieren.',
    other: '{count} Ereignisse, {start} bis {end}. Zum Vergrößern aktivieren.',
  },

  announceSelected: '{type}, {date}: {title}',
  announceZoom: 'Angezeigt: {start} bis {end}',

  loading: 'Zeitleiste wird geladen …',
  loadingProgress: 'Zeitleiste wird geladen … {percent} %',
  errorTitle: 'Die Zeitleiste kann nicht angezeigt werden',
  errorNotFound: 'Die Datendatei wurde unter {url} nicht gefunden (HTTP {status}).',
  errorHttp: 'Der Server hat für {url} mit einem Fehler geantwortet (HTTP {status}).',
  errorNetwork: 'Die Daten konnten nicht von {url} abgerufen werden: Der Server war nicht erreichbar.',
  errorCors:
    'Die Daten konnten nicht von {url} abgerufen werden: Der Server erlaubt dieser Website nicht, sie zu lesen (CORS).',
  errorOffline: 'Die Daten konnten nicht von {url} abgerufen werden: Dieses Gerät ist offline.',
  errorConnectionLost: 'Die Verbindung ist beim Laden von {url} abgebrochen.',
  errorTimeout: 'Das Laden von {url} hat länger als {seconds} Sekunden gedauert und wurde abgebrochen.',
  errorHtml:
    '{url} ist eine Webseite, keine Zeitleisten-Daten. Handelt es sich um eine Tabelle, verwenden Sie deren veröffentlichte CSV-Adresse.',
  errorEmpty: 'Die Datendatei ist leer.',
  errorInvalid: 'Die Daten konnten nicht gelesen werden: {detail}',
  errorNoEvents: 'Die Daten enthalten kein gültiges Ereignis, das angezeigt werden kann.',
  errorTooLarge: 'Die Datendatei überschreitet die Höchstgröße von {limit}.',
  problemsSummary: { one: '{count} Problem in den Daten', other: '{count} Probleme in den Daten' },
};

// Turkish keeps the noun singular after a number, and puts "%" before it. Phrases avoid
// attaching case suffixes to a filled-in value, whose last vowel is unknown.
const tr: Strings = {
  zoomIn: 'Yakınlaştır',
  zoomOut: 'Uzaklaştır',
  fitAll: 'Tümünü göster',
  listView: 'Liste görünümü',
  chartView: 'Zaman çizelgesi görünümü',
  previous: 'Önceki olay',
  next: 'Sonraki olay',
  close: 'Kapat',
  retry: 'Yeniden dene',
  legend: 'Olay türleri',
  showType: 'Göster: {type}',
  hideType: 'Gizle: {type}',
  overview: 'Zaman çizelgesinin tamamına genel bakış',
  overviewWindow: 'Görünen dönem',
  timelineLabel: 'Zaman çizelgesi: {title}',
  figuresLane: 'Bildirilen rakamlar',
  moreMeasures: 'Diğer rakamlar',
  noFiguresInView: 'Bu dönemde bildirilen rakam yok',

  typeTalks: 'Görüşmeler',
  typeProposal: 'Öneriler',
  typeCasualties: 'Can kayıpları',
  typeOther: 'Diğer',

  wheelHint: 'Zaman çizelgesini yakınlaştırmak için Ctrl + kaydırma kullanın',
  wheelHintMac: 'Zaman çizelgesini yakınlaştırmak için ⌘ + kaydırma kullanın',
  touchHint: 'Zaman çizelgesini hareket ettirmek için iki parmağınızı kullanın',

  sources: 'Kaynaklar',
  figures: 'Rakamlar',
  place: 'Yer',
  reportedBy: 'kaynak: {who}',
  figureReported: '{value} (kaynak: {who})',
  unsourced: 'Bu olay için kaynak belirtilmemiş',
  unsourcedShort: 'Kaynaksız',
  untitled: 'Başlıksız olay',
  openSource: '{title} ({publisher}, yeni sekmede açılır)',
  yearsAgo: '{years} yıl önce',
  yearsAgoLarge: '{years} yıl önce',

  listHeading: 'Tüm olaylar',
  listCaption: 'Olaylar, kaynaklarıyla birlikte tarih sırasına göre',
  columnDate: 'Tarih',
  columnType: 'Tür',
  columnEvent: 'Olay',
  eventsCount: { one: '{count} olay', other: '{count} olay' },
  momentLabel: {
    one: '{date}: {count} olay. Görmek için seçin.',
    other: '{date}: {count} olay. Listelemek için seçin.',
  },
  clusterLabel: {
    one: '{start} ile {end} arasında {count} olay. Yakınlaştırmak için seçin.',
    other: '{start} ile {end} arasında {count} olay. Yakınlaştırmak için seçin.',
  },

  announceSelected: '{type}, {date}: {title}',
  announceZoom: '{start} ile {end} arası gösteriliyor',

  loading: 'Zaman çizelgesi yükleniyor…',
  loadingProgress: 'Zaman çizelgesi yükleniyor… %{percent}',
  errorTitle: 'Zaman çizelgesi gösterilemedi',
  errorNotFound: 'Veri dosyası {url} adresinde bulunamadı (HTTP {status}).',
  errorHttp: 'Sunucu, {url} adresi için hata döndürdü (HTTP {status}).',
  errorNetwork: 'Veriler {url} adresinden alınamadı: sunucuya erişilemedi.',
  errorCors:
    'Veriler {url} adresinden alınamadı: sunucu bu sitenin verileri okumasına izin vermiyor (CORS).',
  errorOffline: 'Veriler {url} adresinden alınamadı: bu cihaz çevrimdışı.',
  errorConnectionLost: '{url} yüklenirken bağlantı kesildi.',
  errorTimeout: '{url} adresinin yüklenmesi {seconds} saniyeden uzun sürdüğü için durduruldu.',
  errorHtml:
    '{url} bir web sayfası, zaman çizelgesi verisi değil. Bu bir elektronik tabloysa yayımlanmış CSV adresini kullanın.',
  errorEmpty: 'Veri dosyası boş.',
  errorInvalid: 'Veriler okunamadı: {detail}',
  errorNoEvents: 'Verilerde gösterilecek geçerli bir olay yok.',
  errorTooLarge: 'Veri dosyası {limit} sınırını aşıyor.',
  problemsSummary: { one: 'Verilerde {count} sorun var', other: 'Verilerde {count} sorun var' },
};

/**
 * Phrases by locale tag (a language, or a language and region). `en` is complete and is the last
 * fallback; a page may add or replace an entry before creating a translator.
 */
export const STRINGS: Record<string, Partial<Strings>> = { en, ar, he, fr, es, de, tr };
