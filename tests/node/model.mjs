// Shared by the Node tests: makes sure dist/model.js is built from the current src/model.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const modelPath = join(root, 'dist', 'model.js');

function newestSource() {
  const dir = join(root, 'src', 'model');
  return Math.max(...readdirSync(dir).map((name) => statSync(join(dir, name)).mtimeMs));
}

/** Builds dist/model.js (only the model bundle of rollup.config.mjs) when missing or older than src/model. */
export async function ensureModel() {
  if (existsSync(modelPath) && statSync(modelPath).mtimeMs >= newestSource()) return;
  const { rollup } = await import('rollup');
  const configs = (await import(pathToFileURL(join(root, 'rollup.config.mjs')).href)).default;
  const config = configs.find((entry) => String(entry.input).endsWith('src/model/index.ts'));
  const bundle = await rollup({ ...config, input: join(root, config.input), onwarn: () => {} });
  const output = Array.isArray(config.output) ? config.output : [config.output];
  for (const out of output) await bundle.write({ ...out, file: join(root, out.file) });
  await bundle.close();
}

/** The built model: readData and the rest of src/model/index.ts. */
export async function loadModel() {
  await ensureModel();
  return import(pathToFileURL(modelPath).href);
}
