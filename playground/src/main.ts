/**
 * The playground page: wires the inputs to the library and keeps the URL
 * fragment in step with what is typed.
 *
 * @module
 */
import type { Cluster, PlacementRequest } from '../../src/index';
import { byId } from './element';
import { ExplainPanel } from './ExplainPanel';
import { type Fleet, loadFleet } from './loadFleet';
import { decodeState, encodeState, type FleetSource, type PlaygroundState } from './PlaygroundState';
import { readRequest } from './readRequest';
import { renderError, revealFaults } from './renderError';
import { renderPlacement } from './renderPlacement';
import { renderQuery } from './renderQuery';

type TextField = Exclude<keyof PlaygroundState, 'source'>;

/** The inputs bound to each field of the state. */
const FIELDS: Record<TextField, string> = {
  size: 'fleet-size',
  seed: 'fleet-seed',
  fleetText: 'fleet-text',
  expression: 'expression',
  task: 'task-text',
  service: 'service',
  count: 'count',
  strategies: 'strategies',
  constraints: 'constraints',
};
const FLEET_FIELDS: readonly TextField[] = ['size', 'seed', 'fleetText'];
const QUERY_FIELDS: readonly TextField[] = ['expression'];

let state: PlaygroundState = decodeState(location.hash);
let fleet: Fleet | undefined;
// Queries only read, so one cluster serves every keystroke in the expression; placing takes a fresh one each time.
let queried: Cluster | undefined;
let request: PlacementRequest | undefined;
const explainPanel = new ExplainPanel({ summary: byId('explain-summary'), instances: byId('explain-instances'), detail: byId('explain-detail') });

function input(field: TextField): HTMLInputElement | HTMLTextAreaElement {
  return byId<HTMLInputElement | HTMLTextAreaElement>(FIELDS[field]);
}

function showInputs(): void {
  for (const field of Object.keys(FIELDS) as TextField[]) input(field).value = state[field];
  byId<HTMLInputElement>(`source-${state.source}`).checked = true;
  showSource();
}

function showSource(): void {
  byId('generated-inputs').hidden = state.source !== 'generated';
  byId('text-inputs').hidden = state.source === 'generated';
}

// replaceState, not a new entry per keystroke: Back leaves the page rather than undoing one character.
function saveState(): void {
  const note = byId('copy-status');
  try {
    history.replaceState(null, '', encodeState(state));
    if (note.dataset['tooLong'] !== undefined) {
      note.textContent = '';
      delete note.dataset['tooLong'];
    }
  } catch {
    // Browsers cap an address's length (Chromium at 2 MB); a fleet that big cannot travel in a link.
    note.dataset['tooLong'] = '';
    note.textContent = 'This question is too large for a link: the address keeps the last one that fitted.';
  }
}

function updateFleet(): void {
  const status = byId('fleet-status');
  const error = byId('fleet-error');
  try {
    fleet = loadFleet(state);
    queried = fleet.cluster();
    error.replaceChildren();
    status.textContent = fleet.description;
  } catch (caught) {
    fleet = undefined;
    queried = undefined;
    error.replaceChildren(renderError(caught));
    status.textContent = 'No fleet: every answer waits for one.';
  }
  updateQuery();
  updatePlacement();
}

function updateQuery(): void {
  const outputs = { error: byId('query-error'), count: byId('query-count'), details: byId('query-details') };
  const expression = byId<HTMLInputElement>('expression');
  if (queried === undefined) {
    outputs.error.replaceChildren();
    outputs.count.textContent = '';
    outputs.details.replaceChildren();
    return;
  }
  renderQuery(queried, state.expression, outputs);
  revealFaults(outputs.error);
  expression.setAttribute('aria-invalid', String(outputs.error.childElementCount > 0));
}

function updatePlacement(): void {
  const error = byId('place-error');
  const summary = byId('place-summary');
  const details = byId('place-details');
  const explain = byId('explain');
  request = undefined;
  if (fleet === undefined) {
    for (const node of [error, details]) node.replaceChildren();
    summary.textContent = '';
    explain.hidden = true;
    return;
  }
  try {
    request = readRequest(state);
    const current = fleet;
    const placed = request;
    renderPlacement(current, placed, { summary, details }, (task, instanceId) => showExplanation(current, placed, task, instanceId, true));
    error.replaceChildren();
    explain.hidden = false;
    const taskInput = byId<HTMLInputElement>('explain-task');
    taskInput.max = String(placed.count ?? 1);
    const wanted = Number(taskInput.value);
    showExplanation(current, placed, Number.isSafeInteger(wanted) && wanted >= 1 && wanted <= (placed.count ?? 1) ? wanted : 1, undefined, false);
  } catch (caught) {
    request = undefined;
    error.replaceChildren(renderError(caught));
    revealFaults(error);
    summary.removeAttribute('data-placed');
    summary.removeAttribute('data-failed');
    summary.textContent = 'Nothing placed while the request does not read.';
    details.replaceChildren();
    explain.hidden = true;
  }
}

function showExplanation(current: Fleet, placed: PlacementRequest, task: number, instanceId: string | undefined, focus: boolean): void {
  byId<HTMLInputElement>('explain-task').value = String(task);
  explainPanel.show(current, placed, task, instanceId);
  if (focus) byId('explain-heading').focus();
}

function onInput(field: TextField): void {
  state = { ...state, [field]: input(field).value };
  saveState();
  if (FLEET_FIELDS.includes(field)) updateFleet();
  else if (QUERY_FIELDS.includes(field)) updateQuery();
  else updatePlacement();
}

function setSource(source: FleetSource): void {
  state = { ...state, source };
  saveState();
  showSource();
  updateFleet();
}

// A loaded file's kind is told by its shape, so that one click of "Load" is enough.
function loadFile(file: File): void {
  void file.text().then((text) => {
    let source: FleetSource = 'specs';
    try {
      const json: unknown = JSON.parse(text);
      const first: unknown = Array.isArray(json) ? json[0] : json;
      if (typeof first === 'object' && first !== null && ('containerInstances' in first || 'containerInstanceArn' in first)) source = 'describe';
    } catch {
      // Not JSON: shown as the fleet's error once loaded.
    }
    input('fleetText').value = text;
    state = { ...state, fleetText: text, source };
    byId<HTMLInputElement>(`source-${source}`).checked = true;
    saveState();
    showSource();
    updateFleet();
  });
}

function copyLink(): void {
  const status = byId('copy-status');
  // The clipboard is refused on some file:// pages; the address bar holds the same link.
  navigator.clipboard.writeText(location.href).then(
    () => { status.textContent = 'Copied.'; },
    () => { status.textContent = 'Copy the address from the address bar: it holds the whole question.'; },
  );
}

function start(): void {
  showInputs();
  for (const field of Object.keys(FIELDS) as TextField[]) input(field).addEventListener('input', () => onInput(field));
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="source"]')) {
    radio.addEventListener('change', () => { if (radio.checked) setSource(radio.value as FleetSource); });
  }
  byId<HTMLInputElement>('fleet-file').addEventListener('change', (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file !== undefined) loadFile(file);
  });
  byId<HTMLInputElement>('explain-task').addEventListener('input', () => {
    const task = Number(byId<HTMLInputElement>('explain-task').value);
    if (fleet !== undefined && request !== undefined && Number.isSafeInteger(task) && task >= 1 && task <= (request.count ?? 1)) showExplanation(fleet, request, task, undefined, false);
  });
  byId('copy-link').addEventListener('click', copyLink);
  // A link pasted into this tab changes only the fragment: the browser keeps the page, so the page reads the new question itself.
  window.addEventListener('hashchange', () => {
    if (location.hash === encodeState(state)) return;
    state = decodeState(location.hash);
    showInputs();
    updateFleet();
  });
  updateFleet();
  saveState();
}

start();
