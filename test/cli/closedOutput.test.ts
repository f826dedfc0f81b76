import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('standard output closed early, as by | head -1', () => {
  it('stops quietly, with the exit status of the answer, when the reader leaves after the first line', async () => {
    // 5,000 unplaced tasks print about 1.5 MB of JSON: far more than a pipe
    // holds, so the program is still writing when the reader goes away.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/bin.ts', 'place', '--instances', 'test/fixtures/ecs/fleet.json', '--task-definition', 'test/fixtures/ecs/web-task-definition.json', '--count', '5000'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.includes('\n')) child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stdout).toMatch(/^\{\n/);
    expect(stderr).toBe('');
    // Some tasks were left unplaced: 1, as if the whole answer had been read.
    expect(code).toBe(1);
  });
});
