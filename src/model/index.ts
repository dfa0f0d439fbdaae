export * from './types.js';
export { readData, readDataInSlices, type SliceOptions } from './read.js';
export { parseDate, formatIsoDate, formatYear, dateFromParts, dateOrder, lastMomentOf, isLeapYear, DATE_FORMAT_HINT, type DateParse, type DateParts } from './dates.js';
export { toNative, type NativeDocument, type NativeEvent } from './export.js';
export { safeUrl, checkUrl, type UrlCheck } from './urls.js';
export { isCssColor } from './colors.js';
export { htmlToText, decodeEntities, type HtmlLink } from './text.js';
export { FILE_PATH } from './problems.js';
export { EVENT_LIMIT, TEXT_LIMIT, TITLE_LIMIT } from './normalize.js';
