export * from './strings.js';
export * from './translate.js';
export * from './format.js';
export * from './type-name.js';
