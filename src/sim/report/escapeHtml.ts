/**
 * Escaping of report text for HTML.
 *
 * @module
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for use in HTML element content and in quoted attribute
 * values alike. Quotes are escaped too, so one function is safe everywhere
 * the report writes a string, including inside SVG `<title>` and `<text>`.
 *
 * @param text - any string from a report: an id, a name, a diagnosis
 * @returns the text with `&`, `<`, `>`, `"` and `'` replaced by entities
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}
