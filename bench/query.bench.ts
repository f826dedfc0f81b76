import { evaluateQuery } from '../src/query/evaluateQuery';
import { parseQuery } from '../src/query/parseQuery';
import { queryFleet } from './queryFleet';

/** Five expressions of the kinds people write in memberOf constraints. */
export const TYPICAL_EXPRESSIONS = [
  'attribute:ecs.instance-type == m5.large',
  'attribute:ecs.availability-zone in [us-east-1a, us-east-1b]',
  'attribute:ecs.instance-type =~ t3.* and attribute:ecs.availability-zone != us-east-1d',
  'not(task:group == service:db) and runningTasksCount < 4',
  'agentVersion >= 1.70.0 and registeredAt > 2024-06-01 and attribute:stack exists',
];

/** One row of the query benchmark. */
export interface QueryBenchRow {
  expression: string;
  matched: number;
  parseMicroseconds: number;
  evaluateMilliseconds: number;
  nanosecondsPerInstance: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Parses each expression and evaluates it over the whole fleet; medians of `rounds` runs. */
export function runQueryBench(fleetSize: number, rounds: number): QueryBenchRow[] {
  const fleet = queryFleet(fleetSize);
  return TYPICAL_EXPRESSIONS.map((expression) => {
    const parseRuns = 200;
    const parseStart = performance.now();
    for (let i = 0; i < parseRuns; i += 1) parseQuery(expression);
    const parseMicroseconds = ((performance.now() - parseStart) * 1000) / parseRuns;
    const times: number[] = [];
    let matched = 0;
    for (let round = 0; round < rounds; round += 1) {
      const start = performance.now();
      // A fresh parse each round: the figure includes compiling the expression.
      const query = parseQuery(expression);
      matched = 0;
      for (const instance of fleet) if (evaluateQuery(query, instance)) matched += 1;
      times.push(performance.now() - start);
    }
    const evaluateMilliseconds = median(times);
    return { expression, matched, parseMicroseconds, evaluateMilliseconds, nanosecondsPerInstance: (evaluateMilliseconds * 1e6) / fleetSize };
  });
}
