import { DescribeContainerInstancesCommand, ECSClient } from '@aws-sdk/client-ecs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../ecs/ecsJson';
import { wouldRunTask } from './ecs/wouldRunTask';

const DOC = readFileSync(join(import.meta.dirname, '../../docs/ecs.md'), 'utf8');
const EXAMPLE = join(import.meta.dirname, 'ecs/wouldRunTask.ts');

/** The `ts` blocks of the page's section on the SDK. */
function sdkSectionBlocks(): string[] {
  const start = DOC.indexOf('\n## The AWS SDK for JavaScript\n');
  const end = DOC.indexOf('\n## ', start + 1);
  const section = DOC.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => (match[1] ?? '').trimEnd());
}

/** ECS's JSON protocol sends timestamps as seconds since 1970; the fixtures have them as the AWS CLI prints them. */
function onTheWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(onTheWire);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) =>
    [key, key.endsWith('At') && typeof field === 'string' ? Date.parse(field) / 1000 : onTheWire(field)]));
}

/**
 * A real client of the SDK, whose every call is answered with a recorded
 * response body instead of going to AWS: what it returns is what the SDK
 * makes of ECS's answer (Dates, `$metadata`), not an object written here.
 */
function recordedEcs(): { ecs: ECSClient; calls: string[] } {
  const fleet = fixture('fleet.json') as { containerInstances: { containerInstanceArn: string }[] };
  const bodies: Record<string, unknown> = {
    ListContainerInstances: { containerInstanceArns: fleet.containerInstances.map((instance) => instance.containerInstanceArn) },
    DescribeContainerInstances: onTheWire(fleet),
    DescribeTaskDefinition: onTheWire(fixture('web-task-definition.json')),
  };
  const calls: string[] = [];
  // The SDK warns on Node 20 that its releases from 2027 will need Node 22; the
  // library runs on Node 20 and the SDK is the caller's, so the warning is noise here.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
  const ecs = new ECSClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'recorded-responses-need-no-secret' },
    requestHandler: {
      handle: async (request: { readonly headers: Readonly<Record<string, string>> }) => {
        const operation = request.headers['x-amz-target']?.split('.')[1] ?? '';
        calls.push(operation);
        const body = new TextEncoder().encode(JSON.stringify(bodies[operation] ?? {}));
        return { response: { statusCode: 200, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `recorded-${calls.length}` }, body } };
      },
    },
  });
  return { ecs, calls };
}

describe('docs/ecs.md: the AWS SDK for JavaScript', () => {
  it('shows the example exactly as it runs', () => {
    const example = readFileSync(EXAMPLE, 'utf8').replaceAll("'../../../src/ecs/index'", "'task-placement/ecs'").trimEnd();
    expect(sdkSectionBlocks()).toContain(example);
  });

  it('is fed what the SDK returns: Dates and $metadata', async () => {
    const { ecs } = recordedEcs();
    const described = await ecs.send(new DescribeContainerInstancesCommand({ cluster: 'prod', containerInstances: ['any'] }));
    expect(described.$metadata.httpStatusCode).toBe(200);
    expect(described.containerInstances?.[0]?.registeredAt).toBeInstanceOf(Date);
  });

  it('answers as RunTask would, from the SDK\'s own objects', async () => {
    const { ecs, calls } = recordedEcs();
    const before = Date.now();
    const response = await wouldRunTask(ecs, 'prod', 'web:7', 3);
    expect(calls).toEqual(['ListContainerInstances', 'DescribeContainerInstances', 'DescribeTaskDefinition']);
    expect(response.tasks).toHaveLength(3);
    expect(response.tasks[0]).toMatchObject({
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7',
      lastStatus: 'PENDING',
      capacityProviderName: 'prod-asg',
      attributes: [{ name: 'ecs.cpu-architecture', value: 'x86_64' }],
      containers: [
        { name: 'nginx', lastStatus: 'PENDING', networkBindings: [{ containerPort: 80, hostPort: 80, protocol: 'tcp' }] },
        { name: 'log-router', lastStatus: 'PENDING' },
      ],
      version: 1,
    });
    expect(response.tasks[0]?.createdAt?.getTime()).toBeGreaterThanOrEqual(before);
    expect(response.failures).toEqual([]);
  });
});
