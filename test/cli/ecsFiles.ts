import { readdirSync, readFileSync } from 'node:fs';
import { fakeIo, type FakeIo } from './fakeIo';

const DIRECTORY = new URL('../fixtures/ecs/', import.meta.url);

/** Every ECS fixture, by the path the commands are given it as (`PREFIX` + its name). */
export function ecsFixtures(prefix: string): Record<string, string> {
  return Object.fromEntries(readdirSync(DIRECTORY).map((name) => [`${prefix}${name}`, readFileSync(new URL(name, DIRECTORY), 'utf8')]));
}

/** A fake outside world with every ECS fixture as `fixtures/NAME`, and more files. */
export function ecsIo(files: Record<string, string> = {}): FakeIo {
  return fakeIo({ ...ecsFixtures('fixtures/'), ...files });
}
