/**
 * Errors as the page shows them: the code, what is wrong, and for an
 * expression, the expression with a caret under the fault.
 *
 * @module
 */
import { PlacementInputError, QueryError } from '../../src/index';
import { element } from './element';

/**
 * Shows an error.
 *
 * @param error - anything thrown while reading the inputs or placing
 * @returns the element: `data-code` holds the library's code when there is one
 */
export function renderError(error: unknown): HTMLElement {
  if (error instanceof QueryError) return queryError(error, '');
  if (error instanceof PlacementInputError) {
    const cause = error.cause;
    // A memberOf that does not parse: the position in the expression helps more than the path of the constraint.
    if (cause instanceof QueryError) return queryError(cause, `${error.code}${error.path === '' ? '' : ` at ${error.path}`}: `);
    return element('div', { class: 'error', 'data-code': error.code }, [
      element('p', {}, [element('code', {}, [error.code]), ' ', error.message]),
    ]);
  }
  if (error instanceof SyntaxError) return element('div', { class: 'error', 'data-code': 'json' }, [element('p', {}, ['Not JSON: ', error.message])]);
  return element('div', { class: 'error' }, [element('p', {}, [error instanceof Error ? error.message : String(error)])]);
}

function queryError(error: QueryError, prefix: string): HTMLElement {
  return element('div', { class: 'error', 'data-code': error.code, 'data-start': String(error.start), 'data-end': String(error.end) }, [
    element('p', {}, [prefix, element('code', {}, [error.code]), ' ', error.summary, error.expression === '' ? '' : ` (column ${error.start + 1})`]),
    error.expression === '' ? null : caret(error.expression, error.start, error.end),
  ]);
}

/**
 * The expression on one line and carets under the fault on the next, as
 * text, so that a screen reader and a copy-paste both get them; the fault is
 * also marked in colour.
 */
function caret(expression: string, start: number, end: number): HTMLPreElement {
  // Control characters would break the alignment of the caret line; spaces keep every column.
  const shown = expression.replace(/[\u0000-\u001f\u007f]/g, ' ');
  const width = Math.max(1, end - start);
  return element('pre', { class: 'caret' }, [
    shown.slice(0, start),
    element('mark', {}, [shown.slice(start, end)]),
    shown.slice(end),
    '\n',
    `${' '.repeat(start)}${'^'.repeat(width)}`,
  ]);
}

/**
 * Scrolls each caret excerpt in a container sideways so that its fault is
 * in view: on a phone a long expression is wider than its box, and the
 * fault may lie past the right edge.
 *
 * @param container - where errors were just shown (attached, so that it has a layout)
 */
export function revealFaults(container: HTMLElement): void {
  for (const mark of container.querySelectorAll<HTMLElement>('pre.caret mark')) {
    const pre = mark.parentElement;
    // The excerpt is positioned (see the style sheet), so the mark's offset is measured from it.
    if (pre !== null) pre.scrollLeft = Math.max(0, mark.offsetLeft - pre.clientWidth / 2);
  }
}
