/** Links under the configured base path (BASE_PATH), so one build works at / and at /dw/. */
const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

export function withBase(path: string): string {
  if (/^[a-z]+:/i.test(path) || path.startsWith('#')) return path;
  return `${BASE}${path.startsWith('/') ? path : `/${path}`}`;
}
