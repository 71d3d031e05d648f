/**
 * The file's package as `'auto'` reads it: the nearest `package.json` on disk, kept per directory for a few seconds.
 * Real files in a temporary folder; time is passed in, so nothing waits.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isNodeBuiltin, isNodeServerPackage, packageOf } from '../src/project.js';

const root = mkdtempSync(join(tmpdir(), 'http-status-project-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const write = (folder: string, json: unknown): string => {
  const directory = join(root, folder);
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, 'package.json'), typeof json === 'string' ? json : JSON.stringify(json));
  return directory;
};

describe('packageOf', () => {
  it('reads every dependency field of the nearest package.json', () => {
    const app = write('app', {
      name: 'app',
      dependencies: { express: '5' },
      devDependencies: { 'http-status-codes': '2' },
      peerDependencies: { koa: '3' },
      optionalDependencies: { 'status-code-enum': '1' },
    });
    const facts = packageOf(join(app, 'src', 'deep', 'file.ts'), 1_000);
    expect(facts?.name).toBe('app');
    expect([...(facts?.declared ?? [])].sort()).toEqual(['express', 'http-status-codes', 'koa', 'status-code-enum']);
    expect(facts?.path).toBe(join(app, 'package.json'));
  });

  it('takes the nearest package.json, not the root one', () => {
    write('mono', { name: 'mono', devDependencies: { 'http-status-codes': '2' } });
    const inner = write('mono/packages/api', { name: 'api', dependencies: { fastify: '5' } });
    expect(packageOf(join(inner, 'index.js'), 1_000)?.name).toBe('api');
    expect(packageOf(join(root, 'mono', 'tools', 'x.js'), 1_000)?.name).toBe('mono');
  });

  it('knows nothing of a file not on disk', () => {
    expect(packageOf('file.ts')).toBeUndefined();
    expect(packageOf('<input>')).toBeUndefined();
    expect(packageOf('<text>')).toBeUndefined();
  });

  it('counts a package.json that is not a JSON object as none found', () => {
    expect(packageOf(join(write('broken', '{ "name": '), 'a.js'), 1_000)).toBeUndefined();
    expect(packageOf(join(write('array', '[]'), 'a.js'), 1_000)).toBeUndefined();
    const odd = write('odd', { name: 7, dependencies: ['express'], devDependencies: null });
    expect(packageOf(join(odd, 'a.js'), 1_000)).toMatchObject({ name: undefined, declared: new Set() });
  });

  it('keeps an answer for five seconds, then reads the file again', () => {
    const live = write('live', { name: 'live', dependencies: {} });
    const file = join(live, 'src', 'a.ts');
    expect(packageOf(file, 10_000)?.declared.size).toBe(0);
    write('live', { name: 'live', dependencies: { 'http-status': '2' } });
    expect(packageOf(file, 14_999)?.declared.size).toBe(0);
    expect([...(packageOf(file, 15_000)?.declared ?? [])]).toEqual(['http-status']);
  });

  it('asks the disk again after five seconds, but does not parse an unchanged package.json again', () => {
    const steady = write('steady', { name: 'steady', dependencies: { 'http-status-codes': '2' } });
    const file = join(steady, 'src', 'a.ts');
    const first = packageOf(file, 40_000);
    expect(packageOf(file, 50_000)).toBe(first);
    write('steady', { name: 'steady', dependencies: { 'http-status-codes': '2', express: '5' } });
    const changed = packageOf(file, 60_000);
    expect(changed).not.toBe(first);
    expect([...(changed?.declared ?? [])]).toEqual(['http-status-codes', 'express']);
  });

  it('keeps a folder reached through a kept ancestor no longer than the ancestor', () => {
    const app = write('nested-late', { name: 'app', dependencies: {} });
    expect(packageOf(join(app, 'a.ts'), 30_000)?.declared.size).toBe(0);
    // A new folder below, first linted at 34 s: it takes the answer read at 30 s, and that answer ends at 35 s.
    expect(packageOf(join(app, 'src', 'routes', 'b.ts'), 34_000)?.declared.size).toBe(0);
    write('nested-late', { name: 'app', dependencies: { 'http-status-codes': '2' } });
    expect([...(packageOf(join(app, 'src', 'routes', 'b.ts'), 35_000)?.declared ?? [])]).toEqual(['http-status-codes']);
  });

  it('notices a package.json created after a miss, once the miss expires', () => {
    const folder = join(root, 'late', 'pkg');
    mkdirSync(folder, { recursive: true });
    write('late', { name: 'outer' });
    expect(packageOf(join(folder, 'a.ts'), 20_000)?.name).toBe('outer');
    write('late/pkg', { name: 'inner' });
    expect(packageOf(join(folder, 'a.ts'), 21_000)?.name).toBe('outer');
    expect(packageOf(join(folder, 'a.ts'), 25_001)?.name).toBe('inner');
  });
});

describe('Node.js evidence', () => {
  it.each([
    [{ name: 'fastify', declared: new Set<string>() }, true],
    [{ name: 'api', declared: new Set(['express']) }, true],
    [{ name: 'api', declared: new Set(['@nestjs/core']) }, true],
    [{ name: 'site', declared: new Set(['@sveltejs/kit', '@sveltejs/adapter-node']) }, true],
    [{ name: 'worker', declared: new Set(['hono', '@types/node']) }, false],
    [{ name: 'site', declared: new Set(['@sveltejs/kit', 'next', 'h3']) }, false],
    [{ name: undefined, declared: new Set<string>() }, false],
  ])('%o runs on Node.js: %s', (facts, expected) => {
    expect(isNodeServerPackage({ path: '/p/package.json', ...facts })).toBe(expected);
  });

  it.each([
    ['node:fs', true],
    ['http', true],
    ['http2', true],
    ['node:test', true],
    ['fs/promises', true],
    ['hono', false],
    ['httpx', false],
    ['@types/node', false],
  ])('%s is a built-in: %s', (module, expected) => {
    expect(isNodeBuiltin(module)).toBe(expected);
  });
});
