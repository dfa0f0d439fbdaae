import { localName } from '../model/names.js';
import { FALLBACK_TYPE, type BUILT_IN_TYPES, type TypeInfo } from '../model/types.js';
import type { TextKey } from './strings.js';
import type { Translator } from './translate.js';

/** The widget's own word for each type it knows without a declaration. */
const BUILT_IN_NAMES: Record<(typeof BUILT_IN_TYPES)[number] | typeof FALLBACK_TYPE, TextKey> = {
  talks: 'typeTalks',
  proposal: 'typeProposal',
  casualties: 'typeCasualties',
  [FALLBACK_TYPE]: 'typeOther',
};

/**
 * The name of a type wherever the widget shows one (lane, legend, mark, detail, list): the data's
 * name for the reader's language (`labels`), else the label the data declares, else the widget's
 * word for a built-in type in the reader's language, else the type as written.
 */
export function typeName(type: string, declared: Readonly<Record<string, TypeInfo>>, tr: Translator): string {
  const info = Object.hasOwn(declared, type) ? declared[type] : undefined;
  const name = info?.label || (Object.hasOwn(BUILT_IN_NAMES, type) ? tr.t(BUILT_IN_NAMES[type as keyof typeof BUILT_IN_NAMES]) : type);
  return localName(name, info?.labels, tr.locale);
}
