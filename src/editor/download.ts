// The clean copy the editor downloads: native JSON, named after the story's title or the file.
import type { NativeDocument } from '../model/index.js';

/** The data as the downloaded file holds it. */
export function nativeJson(data: NativeDocument): string {
  return JSON.stringify(data, null, 2) + '\n';
}

/** `gaza-ceasefire-negotiations.json` from the title, else from the opened file's name. */
export function downloadName(title: string | undefined, fileName: string | undefined): string {
  const fromTitle = fileSlug(title ?? '');
  const fromFile = fileSlug((fileName ?? '').replace(/\.[a-z0-9]+$/i, ''));
  return `${fromTitle || fromFile || 'timeline'}.json`;
}

/** A file name part: Latin letters without accents, digits and dashes, at most 60 characters. */
function fileSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** Saves `text` as a file through a temporary link, as a click on a download link would. */
export function saveFile(text: string, name: string, type = 'application/json'): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
