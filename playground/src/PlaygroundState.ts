/**
 * Everything a person typed into the page, and its round trip through the
 * URL fragment, so that a link reproduces a question.
 *
 * @module
 */

/** Where the fleet comes from. */
export type FleetSource = 'generated' | 'describe' | 'specs';

/** The page's inputs, kept as the text typed, so that a link gives back exactly what was on screen. */
export interface PlaygroundState {
  /** Where the fleet comes from. */
  readonly source: FleetSource;
  /** Size of a generated fleet. */
  readonly size: string;
  /** Seed of a generated fleet. */
  readonly seed: string;
  /** Pasted DescribeContainerInstances JSON or instance specs. */
  readonly fleetText: string;
  /** The cluster query expression. */
  readonly expression: string;
  /** A task spec or task definition, as JSON. */
  readonly task: string;
  /** The service name (its tasks are in group `service:NAME`); empty for a standalone task. */
  readonly service: string;
  /** How many tasks to place. */
  readonly count: string;
  /** The strategy chain, in any notation the page reads. */
  readonly strategies: string;
  /** The constraints, in any notation the page reads. */
  readonly constraints: string;
}

/** What a first visit shows: a question that has answers and a failure to explain. */
const DEFAULT_STATE: PlaygroundState = {
  source: 'generated',
  size: '60',
  seed: '1',
  fleetText: '',
  expression: 'attribute:ecs.instance-type =~ m5.* and attribute:stack == prod',
  task: JSON.stringify({ family: 'web', resources: { cpu: 512, memory: 1024 }, ports: { tcp: [80] } }, null, 2),
  service: 'web',
  count: '40',
  strategies: 'spread(attribute:ecs.availability-zone),binpack(memory)',
  constraints: 'memberOf(attribute:stack == prod)',
};

const SOURCES: readonly FleetSource[] = ['generated', 'describe', 'specs'];
const FIELDS = Object.keys(DEFAULT_STATE) as (keyof PlaygroundState)[];

/**
 * Writes the state as a URL fragment: base64url of its JSON, so that any
 * text (quotes, `#`, `&`, non-ASCII) survives a copy and paste.
 *
 * @param state - the inputs
 * @returns the fragment, with its `#`
 */
export function encodeState(state: PlaygroundState): string {
  const bytes = new TextEncoder().encode(JSON.stringify(state));
  let binary = '';
  // In chunks: spreading a pasted fleet's megabyte into one call overflows the stack.
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return `#s=${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/**
 * Reads a fragment written by {@link encodeState}. Anything that does not
 * read (a hand-edited link, an older page's field) falls back to the
 * default, field by field, rather than losing the whole question.
 *
 * @param fragment - `location.hash`
 * @returns the state
 */
export function decodeState(fragment: string): PlaygroundState {
  const match = /^#s=([A-Za-z0-9_-]*)$/.exec(fragment);
  if (match === null) return DEFAULT_STATE;
  let parsed: unknown;
  try {
    const binary = atob((match[1] ?? '').replace(/-/g, '+').replace(/_/g, '/'));
    parsed = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0))));
  } catch {
    return DEFAULT_STATE;
  }
  if (typeof parsed !== 'object' || parsed === null) return DEFAULT_STATE;
  const record = parsed as Record<string, unknown>;
  const state: Record<string, string> = { ...DEFAULT_STATE };
  for (const field of FIELDS) {
    const value = record[field];
    if (typeof value === 'string') state[field] = value;
  }
  if (!SOURCES.includes(state['source'] as FleetSource)) state['source'] = DEFAULT_STATE.source;
  return state as unknown as PlaygroundState;
}
