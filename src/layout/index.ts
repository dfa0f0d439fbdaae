export * from './extent.js';
export * from './window.js';
export * from './lanes.js';
export * from './marks.js';
export * from './labels.js';
export * from './figures.js';
export * from './ticks.js';
export * from './overview.js';
